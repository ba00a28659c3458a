// `npm run bench [-- NAME…] [--quick]`: every speed figure the issues ask for, each against its
// target, printed as one table and saved to bench/out/latest.json. Benches read the shared
// corpora in ../shared/data (they are measurement tools, not part of the app).
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchTextLayer } from './text-layer.js';
import { benchNer } from './ner.js';
import { benchAnalyze } from './analyze.js';
import { benchLink } from './link.js';
import { benchIngest } from './ingest.js';
import { benchStore } from './store.js';

interface Row {
  figure: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const quick = process.argv.includes('--quick');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const want = (name: string) => wanted.length === 0 || wanted.includes(name);

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const row = (figure: string, value: number, unit: string, target: string, ok: boolean) => {
  rows.push({ figure, value: +value.toFixed(value < 10 ? 2 : 0), unit, target, ok });
  console.error(`  ${ok ? '✓' : '✗'} ${figure}: ${value.toFixed(value < 10 ? 2 : 0)} ${unit} (target ${target})`);
};

if (want('text')) {
  console.error('text layer…');
  const r = benchTextLayer({ n: quick ? 500 : 2000 });
  raw.text = r;
  row('text layer (decode, clean, segment, normalise, tokens, numbers, dates), 1 core', r.articlesPerSecond, 'articles/s', '≥ 2000', r.articlesPerSecond >= 2000);
}
if (want('ner')) {
  console.error('NER…');
  for (const lang of ['ar', 'en'] as const) {
    const r = benchNer(lang);
    raw[`ner-${lang}`] = r;
    row(`NER tagging (${lang}), 1 core`, r.tokensPerSecond, 'tokens/s', '≥ 100000', r.tokensPerSecond >= 100_000);
    row(`NER model load (${lang})`, r.loadMs, 'ms', '< 1000', r.loadMs < 1000);
  }
}
if (want('analyze')) {
  console.error('full analysis…');
  // sustained rate over 4,000 articles (13% of the corpus): the first 1,000 after start run slower
  // (~240/s on this machine) while the JIT and the per-word caches warm up
  const r = benchAnalyze({ n: quick ? 300 : 4000, memoryArticles: quick ? 2000 : 100_000 });
  raw.analyze = r;
  row(`full analysis (text + entities + events), 1 core, articles of ${r.meanChars} chars on average`, r.articlesPerSecond, 'articles/s', '≥ 300', r.articlesPerSecond >= 300);
  row(`heap growth over ${r.memory.articles} articles`, r.memory.growthMB, 'MB', 'flat (< 50)', r.memory.growthMB < 50);
}
if (want('link')) {
  console.error('near-duplicates…');
  const r = benchLink({ docs: quick ? 5000 : 20_000 });
  raw.link = r;
  row('near-duplicate detection (MinHash + LSH)', r.docsPerSec, 'docs/s', '≥ 5000', r.docsPerSec >= 5000);
  row('planted near-duplicates found', r.plantedRecall, 'recall', '≥ 0.95', r.plantedRecall >= 0.95);
}
if (want('ingest')) {
  console.error('ingest + analyse + store (SQLite)…');
  const r = await benchIngest({ docs: quick ? 500 : 2000 });
  raw.ingest = r;
  row('ingest + analyse + store into SQLite, 1 core', r.articlesPerSec, 'articles/s', '≥ 200', r.articlesPerSec >= 200);
}
if (want('store')) {
  console.error('store: insert and search over perturbed corpus (takes minutes)…');
  // the worker comparison re-analyses 9,000 documents queued in jobs of 50 and compares sustained
  // rates (50%–95% of the jobs done), once each worker has loaded its models and the JIT has warmed
  const r = await benchStore({ docs: quick ? 10_000 : 100_000, postgres: !process.argv.includes('--no-postgres'), workerDocs: quick ? 2000 : 9000 });
  raw.store = r;
  row(`SQLite search p95 over ${r.docs} articles`, r.sqlite.searchP95Ms, 'ms', '< 20', r.sqlite.searchP95Ms < 20);
  if (r.postgres) {
    row(`PostgreSQL search p95 over ${r.docs} articles`, r.postgres.searchP95Ms, 'ms', '< 20', r.postgres.searchP95Ms < 20);
    if (r.postgres.workers) {
      const w = r.postgres.workers;
      row('PostgreSQL: two workers vs one, sustained', w.speedup, '×', '≥ 1.6', w.speedup >= 1.6);
      console.error(`    (whole runs including each worker's start-up: ${w.one.wholeRun} → ${w.two.wholeRun} jobs/s, ${w.wholeRunSpeedup}×)`);
    }
  }
}

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/latest.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), quick, rows, raw }, null, 2));
const w = Math.max(...rows.map((r) => r.figure.length));
console.log(`\n${'figure'.padEnd(w)}  ${'value'.padStart(10)}  unit         target`);
for (const r of rows) console.log(`${r.figure.padEnd(w)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(11)}  ${r.target} ${r.ok ? '✓' : '✗'}`);
console.log(`\n${rows.filter((r) => r.ok).length}/${rows.length} figures meet their target (details: bench/out/latest.json)`);
