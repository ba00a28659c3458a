// Store benchmark: insert throughput and search latency over 100,000 articles built from the
// shared Arabic news corpus by perturbation (SQLite, and PostgreSQL when its binaries exist), and
// PostgreSQL job throughput with two worker processes against one.
// Run alone: node --import tsx bench/store.ts [--docs N] [--no-postgres]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { openQueue, openStore } from '../src/store/open.js';
import type { DocumentInput, Store } from '../src/store/store.js';
import { freshDatabase } from '../tests/setup/pg-database.js';

const CORPUS = '/work/shared/data/corpus/ar-saudinewsnet';

export interface StoreBenchFigures {
  docs: number;
  sqlite: BackendFigures;
  postgres?: BackendFigures & { workers?: { oneWorkerJobsPerSec: number; twoWorkersJobsPerSec: number; speedup: number } };
}
interface BackendFigures {
  insertDocsPerSec: number;
  searchQueries: number;
  searchP50Ms: number;
  searchP95Ms: number;
  searchMaxMs: number;
  /** this process's CPU per search (query building, result parsing, snippets; not the server's) */
  searchClientCpuMs: number;
  /** 1-minute load average when the searches started: wall-clock latency on a shared machine follows it */
  searchLoad1: number;
}

export function loadCorpus(): Array<{ title: string; content: string; date: string }> {
  const out = [];
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.json.gz')).sort()) {
    for (const a of JSON.parse(gunzipSync(readFileSync(join(CORPUS, f))).toString('utf8'))) {
      if (a.content?.length > 200) out.push({ title: a.title ?? '', content: a.content, date: f.slice(0, 10) });
    }
  }
  return out;
}

/** A deterministic pseudo-random generator, so every run builds the same documents. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** Copy n of an article: sentences rotated, a few words dropped, a numbered line appended. */
function perturb(text: string, n: number, rand: () => number): string {
  const sentences = text.split(/(?<=[.!؟])\s+/);
  const k = sentences.length > 1 ? n % sentences.length : 0;
  const rotated = [...sentences.slice(k), ...sentences.slice(0, k)].join(' ');
  const words = rotated.split(/\s+/).filter(() => rand() > 0.05);
  return words.join(' ') + ` (نسخة ${n})`;
}

export function* documents(total: number, sourceId: number): Generator<DocumentInput> {
  const corpus = loadCorpus();
  const rand = rng(42);
  for (let n = 0; n < total; n++) {
    const a = corpus[n % corpus.length];
    const text = perturb(a.content, n, rand);
    yield {
      sourceId, externalId: `bench-${n}`, url: null, fetchedAt: '2024-01-01T00:00:00.000Z', raw: text,
      extracted: text, text, title: a.title, published: a.date, language: 'ar',
    };
  }
}

export function queries(count: number): string[] {
  const corpus = loadCorpus();
  const rand = rng(7);
  const out: string[] = [];
  while (out.length < count) {
    const words = corpus[Math.floor(rand() * corpus.length)].content.split(/\s+/).filter((w) => /^[\u0621-\u064a]{4,}$/.test(w));
    if (words.length < 5) continue;
    const i = Math.floor(rand() * (words.length - 1));
    out.push(out.length % 2 ? words[i] : `${words[i]} ${words[i + 1]}`);
  }
  return out;
}

async function measure(store: Store, total: number): Promise<BackendFigures> {
  const src = await store.addSource({ kind: 'file', url: 'file:///bench' });
  const t0 = performance.now();
  let batch: DocumentInput[] = [];
  for (const d of documents(total, src.id)) {
    batch.push(d);
    if (batch.length === 500) (await store.putDocuments(batch), (batch = []));
  }
  if (batch.length) await store.putDocuments(batch);
  const insertDocsPerSec = total / ((performance.now() - t0) / 1000);
  const qs = queries(300);
  for (const q of qs.slice(0, 20)) await store.search({ q }); // warm caches
  const times: number[] = [];
  const load1 = +loadavg()[0].toFixed(2);
  const cpu0 = process.cpuUsage();
  for (const q of qs) {
    const t = performance.now();
    await store.search({ q, limit: 20 });
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const pct = (p: number) => +times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  return { insertDocsPerSec: Math.round(insertDocsPerSec), searchQueries: times.length, searchP50Ms: pct(0.5), searchP95Ms: pct(0.95), searchMaxMs: +times[times.length - 1].toFixed(2),
    searchClientCpuMs: +((cpu.user + cpu.system) / 1000 / times.length).toFixed(2), searchLoad1: load1 };
}

function runWorkers(url: string, n: number): Promise<void> {
  const bin = resolve('bin/marsad.js');
  return Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((res, rej) => {
        const c = spawn(process.execPath, [bin, 'worker', '--db', url, '--until-idle', '--quiet'], { stdio: 'inherit' });
        c.on('exit', (code) => (code === 0 ? res() : rej(new Error(`worker exited ${code}`))));
      }),
    ),
  ).then(() => {});
}

/** Re-analysis jobs (CPU-bound pipeline work) drained by one worker process, then by two. */
async function workerScaling(url: string, docs: number): Promise<{ oneWorkerJobsPerSec: number; twoWorkersJobsPerSec: number; speedup: number }> {
  const store = await openStore(url);
  const src = await store.addSource({ kind: 'file', url: 'file:///bench-workers' });
  const all = [...documents(docs, src.id)].map((d) => ({ ...d, text: undefined, extracted: d.extracted.slice(0, 3000) }));
  await store.putDocuments(all);
  const rate = async (workers: number) => {
    const queue = await openQueue(store, url);
    let jobs = 0;
    for (let i = 0; i < docs; i += 10) {
      const ids = (await store.listDocuments({ afterId: i, limit: 10 })).map((d) => d.id);
      if (ids.length) (await queue.enqueue('reanalyze', { ids }), jobs++);
    }
    await queue.stop();
    const t = performance.now();
    await runWorkers(url, workers);
    return jobs / ((performance.now() - t) / 1000);
  };
  const one = await rate(1);
  const two = await rate(2);
  await store.close();
  return { oneWorkerJobsPerSec: +one.toFixed(1), twoWorkersJobsPerSec: +two.toFixed(1), speedup: +(two / one).toFixed(2) };
}

export async function benchStore(opts: { docs?: number; postgres?: boolean; workerDocs?: number } = {}): Promise<StoreBenchFigures> {
  const total = opts.docs ?? 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  try {
    const sqlite = await openStore(join(dir, 'bench.db'));
    const figures: StoreBenchFigures = { docs: total, sqlite: await measure(sqlite, total) };
    await sqlite.close();
    if (opts.postgres !== false) {
      const { default: setup } = await import('../tests/setup/postgres.js');
      const teardown = await setup({ provide() {} } as never);
      try {
        const admin = process.env.MARSAD_TEST_POSTGRES_URL!;
        const pg = await openStore(await freshDatabase(admin));
        figures.postgres = await measure(pg, total);
        await pg.close();
        figures.postgres.workers = await workerScaling(await freshDatabase(admin), opts.workerDocs ?? 1000);
      } finally {
        teardown();
      }
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
  const figures = await benchStore({
    docs: process.argv.includes('--docs') ? Number(arg('--docs')) : undefined,
    postgres: !process.argv.includes('--no-postgres'),
    workerDocs: process.argv.includes('--worker-docs') ? Number(arg('--worker-docs')) : undefined,
  });
  console.log(JSON.stringify(figures, null, 2));
}
