// `marsad demo`: analyse the bundled synthetic demo corpus and print what Marsad found — the
// quickest way to see the whole analysis path work on a fresh machine.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { parseOptions, writeLine, type IO } from '../command.js';
import { analyzeBytes } from '../../commands/analyze.js';
import { createContext } from '../../core/context.js';
import { isMarsadError, MarsadError } from '../../core/errors.js';
import type { Analysis } from '../../core/types.js';

export const help = `Usage: marsad demo [--dir DIR] [--json]

Analyse every article of the bundled demo corpus (examples/demo: synthetic articles written for
Marsad, Arabic and English) and print one line per article with the events found, then totals.

Options:
  --dir DIR   another folder with a manifest.jsonl ({"file","published","lang"} per line)
  --json      print the analyses as JSON Lines instead of the summary

Example:
  marsad demo
`;

const DEFAULT_DIR = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));

interface ManifestEntry {
  file: string;
  published?: string;
  lang?: string;
  url?: string;
}

export async function readManifest(dir: string): Promise<ManifestEntry[]> {
  const text = await fs.readFile(path.join(dir, 'manifest.jsonl'), 'utf8').catch(() => {
    throw new MarsadError('E_NO_SUCH_FILE', `no manifest.jsonl in ${dir}`);
  });
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ManifestEntry);
}

function describeEvent(a: Analysis, e: Analysis['events'][number]): string {
  const name = (id: string | null) => (id ? a.entities.find((x) => x.id === id)?.name ?? id : null);
  const bits = [e.reported ? e.type : `${e.type}(background)`];
  if (e.attackTypes?.length) bits.push(e.attackTypes.join('+'));
  if (e.date) bits.push(e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`);
  const where = e.location ? `${e.location.name}${e.location.country ? `/${e.location.country}` : ''}` : e.targetCountry ? `→${e.targetCountry}` : null;
  if (where) bits.push(where);
  if (e.killed != null) bits.push(`killed ${e.killedApprox ? '~' : ''}${e.killed}`);
  if (e.injured != null) bits.push(`injured ${e.injuredApprox ? '~' : ''}${e.injured}`);
  const org = name(e.organization) ?? name(e.actor);
  if (org) bits.push(org);
  if (e.claim?.delayHours != null) bits.push(`claimed after ${e.claim.delayHours}h`);
  return bits.join(' ');
}

export async function run(args: string[], io: IO): Promise<number> {
  const { values } = parseOptions(args, { dir: { type: 'string' }, json: { type: 'boolean' } });
  const dir = values.dir ?? DEFAULT_DIR;
  const entries = await readManifest(dir);
  const ctx = createContext();
  const bar = io.interactive && !values.json ? new cliProgress.SingleBar({ stream: io.stderr as NodeJS.WriteStream, format: 'analysing {bar} {value}/{total} articles' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(entries.length, 0);
  const lines: string[] = [];
  const totals = new Map<string, number>();
  let failed = 0;
  const started = performance.now();
  for (const entry of entries) {
    try {
      const bytes = await fs.readFile(path.join(dir, entry.file));
      const a = analyzeBytes(bytes, { published: entry.published ?? null, lang: entry.lang, url: entry.url ?? null, id: entry.file }, ctx);
      if (values.json) {
        writeLine(io.stdout, JSON.stringify(a));
      } else {
        lines.push(`${entry.file}  [${a.language}] ${a.title ?? ''}`);
        lines.push(`    ${a.entities.length} entities${a.author ? `, by ${a.author}` : ''}${a.removed.length ? `, removed ${a.removed.map((r) => r.kind).join(',')}` : ''}`);
        for (const e of a.events) lines.push(`    • ${describeEvent(a, e)}`);
      }
      for (const e of a.events) {
        const k = e.reported ? e.type : 'background';
        totals.set(k, (totals.get(k) ?? 0) + 1);
      }
    } catch (e) {
      if (!isMarsadError(e)) throw e;
      failed++;
      lines.push(`${entry.file}  ${e.code}: ${e.message}`);
    }
    bar?.increment();
  }
  bar?.stop();
  if (values.json) return 0;
  const secs = (performance.now() - started) / 1000;
  for (const l of lines) writeLine(io.stdout, l);
  writeLine(io.stdout, '');
  writeLine(io.stdout, `${entries.length} articles analysed in ${secs.toFixed(1)} s${failed ? ` (${failed} failed)` : ''}`);
  writeLine(io.stdout, `events: ${[...totals].sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  return failed ? 1 : 0;
}
