import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.js';

// Sentences written for these tests; the person names are invented.
const AR_CONLL = 'وصل O\nسامي B-PERS\nالكردي I-PERS\nإلى O\nمدينة O\nطرابلس B-LOC\n\n\nأمس O\n';
const EN_CONLL = 'President O\nJonas B-person\nWeltmann I-person\nvisited O\nBaghdad B-location\n.\tO\n';

async function runCli(args: string[], stdin = '') {
  const out = new PassThrough();
  const err = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await main(args, { stdout: out, stderr: err, stdin: input, interactive: false });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-ner-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('marsad ner --conll', () => {
  it('tags stdin line for line, keeping blank lines', async () => {
    const r = await runCli(['ner', '--conll', '-'], AR_CONLL);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'وصل O', 'سامي B-PER', 'الكردي I-PER', 'إلى O', 'مدينة O', 'طرابلس B-LOC', '', '', 'أمس O',
    ]);
  });

  it('uses the English model for English input', async () => {
    const r = await runCli(['ner', '--conll', fixture('en.conll', EN_CONLL), '--lang', 'auto']);
    expect(r.stdout).toContain('Jonas B-PER\nWeltmann I-PER\n');
  });

  it.each([
    [['ner'], 'E_USAGE'],
    [['ner', '--conll', '/no/such/file.conll'], 'E_NO_SUCH_FILE'],
    [['ner', '--conll', '-', '--lang', 'fr'], 'E_USAGE'],
  ])('fails with one line and exit 2: %j', async (args, code) => {
    const r = await runCli(args, 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(code);
  });

  it('rejects input without tokens', async () => {
    const r = await runCli(['ner', '--conll', '-'], '\n\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_EMPTY_INPUT');
  });
});

describe('marsad eval ner', () => {
  it('scores a gold file, accepting PERS and WNUT type names', async () => {
    const r = await runCli(['eval', 'ner', '--conll', fixture('gold.conll', AR_CONLL), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.perType.PER.tp).toBe(1);
    expect(s.perType.LOC.tp).toBe(1);
    expect(s.overall.f1).toBe(1);
  });

  it('prints a table by default', async () => {
    const r = await runCli(['eval', 'ner', '--conll', fixture('gold-en.conll', EN_CONLL)]);
    expect(r.stdout).toMatch(/^overall\s/m);
  });

  it('needs a gold tag on every token line', async () => {
    const r = await runCli(['eval', 'ner', '--conll', fixture('untagged.conll', 'a O\nb\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_BAD_RECORD');
  });
});

describe('marsad eval entities', () => {
  it('scores the entity layer on a gold file', async () => {
    const r = await runCli(['eval', 'entities', '--conll', fixture('gold-entities.conll', AR_CONLL), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.LOC).toMatchObject({ gold: 1, exact: 1 });
    expect(s.PER.gold).toBe(1);
  });

  it('needs a gold tag on every token line', async () => {
    const r = await runCli(['eval', 'entities', '--conll', fixture('untagged-entities.conll', 'a O\nb\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_BAD_RECORD');
  });
});
