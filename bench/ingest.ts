// Ingest benchmark: corpus articles through ingest() — analyse, store in SQLite, link — on one
// core. Run alone: node --import tsx bench/ingest.ts [--docs N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ingest } from '../src/ingest/ingest.js';
import { item, type Yielded } from '../src/ingest/item.js';
import { openStore } from '../src/store/open.js';

export interface IngestBenchFigures {
  docs: number;
  articlesPerSec: number;
  seconds: number;
  inserted: number;
  failed: number;
}

export async function benchIngest(opts: { docs?: number } = {}): Promise<IngestBenchFigures> {
  const n = opts.docs ?? 2000;
  const file = '/work/shared/data/corpus/ar-saudinewsnet/2015-07-22.json.gz';
  const articles = (JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Array<{ url: string; title: string; content: string }>)
    .filter((a) => a.content?.length > 200)
    .slice(0, n);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
  const store = await openStore(join(dir, 'bench.db'));
  try {
    const items: Yielded[] = articles.map((a, i) => item({
      source: { kind: 'file', url: 'file:///bench/saudinewsnet', name: 'bench', everySeconds: null },
      externalId: `${i}`, url: a.url, raw: a.content, text: a.content, title: a.title, published: '2015-07-22',
    }));
    const t0 = performance.now();
    const r = await ingest(store, items);
    const seconds = (performance.now() - t0) / 1000;
    return { docs: items.length, articlesPerSec: Math.round(items.length / seconds), seconds: Number(seconds.toFixed(2)), inserted: r.inserted, failed: r.failed };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--docs');
  console.log(JSON.stringify(await benchIngest(i > 0 ? { docs: Number(process.argv[i + 1]) } : {}), null, 2));
}
