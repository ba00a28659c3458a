// Ingest benchmark: corpus articles through ingest() — analyse, store in SQLite, link — on one
// core. Run alone: node --import tsx bench/ingest.ts [--docs N]
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

export async function benchIngest(opts: { docs?: number } = {}): Promise<IngestBenchFigures> {
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
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await ingest(store, items);
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
  console.log(JSON.stringify(await benchIngest(i > 0 ? { docs: Number(process.argv[i + 1]) } : {}), null, 2));
}
