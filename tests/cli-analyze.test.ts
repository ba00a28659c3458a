// `marsad analyze` end to end: real files, real process, contract-valid output, clear errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisSchema, spanErrors } from '../src/core/schema.js';
import { marsad } from './cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'marsad-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const ARTICLE = `مسلحون يهاجمون نقطة تفتيش شمالي البلاد

كتب – نادر سليم

هاجم مسلحون مجهولون أمس الأحد نقطة تفتيش للشرطة في بلدة حدودية، ما أسفر عن مقتل ثلاثة من عناصر الأمن وإصابة خمسة آخرين.

وقال مصدر أمني إن المهاجمين فروا إلى جهة مجهولة، وإن قوات الأمن بدأت عمليات تمشيط واسعة في المنطقة.

[share-buttons style=”round” networks=”fb,tw”]

اقرأ أيضا
خبر لا علاقة له`;

describe('marsad analyze', () => {
  it('prints contract-valid JSON with junk removed and the byline as author', () => {
    const r = marsad(['analyze', file('a.txt', ARTICLE), '--published', '2024-02-12']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(analysisSchema.safeParse(a).success).toBe(true);
    expect(spanErrors(a)).toEqual([]);
    expect(a.author).toBe('نادر سليم');
    expect(a.title).toBe('مسلحون يهاجمون نقطة تفتيش شمالي البلاد');
    expect(a.text).not.toMatch(/share-buttons|اقرأ أيضا|نادر سليم/);
    expect(a.language).toBe('ar');
    expect(a.published).toBe('2024-02-12');
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const p = file('d.txt', ARTICLE);
    expect(marsad(['analyze', p, '--published', '2024-02-12']).stdout).toBe(marsad(['analyze', p, '--published', '2024-02-12']).stdout);
  });

  it('reads stdin with -', () => {
    const r = marsad(['analyze', '-', '--compact'], { input: 'Gunmen attack a checkpoint\n\nGunmen attacked a police checkpoint on Sunday, killing three officers.' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).language).toBe('en');
  });

  it('decodes windows-1256 without being told', () => {
    // encode by hand from the code-page table (Node cannot encode windows-1256)
    const table: Record<string, number> = { 'خ': 0xce, 'ب': 0xc8, 'ر': 0xd1, 'ع': 0xda, 'ا': 0xc7, 'ج': 0xcc, 'ل': 0xe1, 'و': 0xe6, 'ق': 0xde, 'ه': 0xe5, 'م': 0xe3, 'ف': 0xdd, 'ي': 0xed, 'د': 0xcf, 'ن': 0xe4, 'ة': 0xc9, ' ': 0x20, '\n': 0x0a };
    const text = 'خبر عاجل\n\nوقع هجوم في المدينة';
    const real = Buffer.from([...text].map((c) => table[c]));
    const r = marsad(['analyze', file('w.txt', real), '--compact']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.title).toBe('خبر عاجل');
    expect(a.text).toBe('وقع هجوم في المدينة');
  });

  it.each([
    ['empty file', () => file('empty.txt', ''), [], 'E_EMPTY_INPUT'],
    ['binary junk', () => file('junk.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), [], 'E_NOT_TEXT'],
    ['a 50 MB file', () => file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x61)), [], 'E_TOO_LARGE'],
    ['an unknown encoding', () => file('latin1.txt', Buffer.from('Réunion à Genève: le député a été élu après une journée tendue.', 'latin1')), [], 'E_BAD_ENCODING'],
    ['a bad --published', () => file('ok.txt', ARTICLE), ['--published', '2024-02-30'], 'E_BAD_DATE'],
    ['a missing file', () => path.join(dir, 'nope.txt'), [], 'E_NO_SUCH_FILE'],
    ['a directory', () => dir, [], 'E_READ_FAILED'],
    ['an unknown option', () => file('ok2.txt', ARTICLE), ['--frobnicate'], 'E_USAGE'],
  ])('%s → exit 2 with one line naming the code', (_name, make, extra, errCode) => {
    const r = marsad(['analyze', make(), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(errCode);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--jsonl: one line out per record, in order; bad records give error objects and the run goes on', () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'Bomb kills two\n\nA roadside bomb killed two soldiers on Monday.', published: '2024-05-07' }),
      '{not json',
      JSON.stringify({ id: 'a3', text: '' }),
      JSON.stringify({ id: 'a4', published: '2024-05-07' }),
      JSON.stringify({ id: 'a5', text: 'انفجار في السوق\n\nقتل شخصان في انفجار.', published: '07/05/2024' }),
      JSON.stringify({ id: 'a6', text: 'انفجار في السوق\n\nقتل شخصان في انفجار اليوم.', published: '2024-05-07' }),
    ].join('\n');
    const r = marsad(['analyze', '--jsonl', '-'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id ?? null)).toEqual(['a1', null, 'a3', 'a4', 'a5', 'a6']);
    expect(out.map((o) => o.error?.code ?? 'ok')).toEqual(['ok', 'E_BAD_JSON', 'E_EMPTY_INPUT', 'E_BAD_RECORD', 'E_BAD_RECORD', 'ok']);
    expect(analysisSchema.safeParse(out[5]).success).toBe(true);
    expect(r.stderr).toContain('4 error(s)');
  });

  it('--help teaches with an example; unknown commands fail clearly', () => {
    const h = marsad(['analyze', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    const top = marsad(['--help']);
    expect(top.stdout).toContain('analyze');
    const bad = marsad(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('E_USAGE');
  });

  it('schema prints a JSON Schema', () => {
    const r = marsad(['schema', 'analysis']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).properties.schema).toBeTruthy();
  });
});
