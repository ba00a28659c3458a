// Ingest benchmark: corpus articles through ingest() — analyse, store in SQLite, link — on one
// core. Run alone: node --import tsx bench/ingest.ts [--docs N] [--store-only]
// (--store-only: the articles are analysed first, so the figure is storing and linking alone)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingest } from '../src/ingest/ingest.js';
import { item, type Yielded } from '../src/ingest/item.js';
import { openStore } from '../src/store/open.js';
import { analyzeText } from '../src/commands/analyze.js';
import { loadArticles } from './analyze.js';

export interface IngestBenchFigures {
  docs: number;
  /** per CPU second of this process (one core), as the other benches */
  articlesPerSec: number;
  /** per wall-clock second (disk and the machine's other load included) */
  wallArticlesPerSec: number;
  seconds: number;
  cpuSeconds: number;
  inserted: number;
  failed: number;
}

export async function benchIngest(opts: { docs?: number; storeOnly?: boolean } = {}): Promise<IngestBenchFigures> {
  const n = opts.docs ?? 2000;
  // the same even sample of the whole corpus as the analysis bench
  const articles = loadArticles(new URL('../../shared/data/corpus/ar-saudinewsnet/', import.meta.url).pathname, n);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
  const store = await openStore(join(dir, 'bench.db'));
  try {
    const items: Yielded[] = articles.map((a, i) => item({
      source: { kind: 'file', url: 'file:///bench/saudinewsnet', name: 'bench', everySeconds: null },
      externalId: `${i}`, url: `https://bench.invalid/${i}`, raw: a.text, text: a.text, title: null, published: a.published,
    }));
    // warm-up, as in the analysis bench: model, knowledge base and lexicons load once per process
    for (const a of articles.slice(0, 50)) analyzeText(a);
    const cached = opts.storeOnly ? new Map(articles.map((a, i) => [`${i}`, analyzeText(a)])) : null;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await ingest(store, items, cached ? { analyze: (input) => cached.get(input.id!)! } : {});
    const cpu = process.cpuUsage(c0);
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      docs: items.length, articlesPerSec: Math.round(items.length / cpuSeconds), wallArticlesPerSec: Math.round(items.length / seconds),
      seconds: Number(seconds.toFixed(2)), cpuSeconds: Number(cpuSeconds.toFixed(2)), inserted: r.inserted, failed: r.failed,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--docs');
  const r = await benchIngest({ docs: i > 0 ? Number(process.argv[i + 1]) : undefined, storeOnly: process.argv.includes('--store-only') });
  console.log(JSON.stringify({ ...r, cpuMsPerArticle: Number(((1000 * r.cpuSeconds) / r.docs).toFixed(2)) }, null, 2));
}
