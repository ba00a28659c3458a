// Store benchmark: insert throughput and search latency over 100,000 articles built from the
// shared Arabic news corpus by perturbation (SQLite, and PostgreSQL when its binaries exist), and
// PostgreSQL job throughput with two worker processes against one.
// Run alone: node --import tsx bench/store.ts [--docs N] [--no-postgres] [--worker-docs N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { enqueueReanalysis } from '../src/commands/reanalyze.js';
import { openQueue, openStore } from '../src/store/open.js';
import type { DocumentInput, Store } from '../src/store/store.js';
import { freshDatabase } from '../tests/setup/pg-database.js';

const CORPUS = '/work/shared/data/corpus/ar-saudinewsnet';

export interface StoreBenchFigures {
  docs: number;
  sqlite: BackendFigures;
  postgres?: BackendFigures & { workers?: WorkerScaling };
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

/** Run n worker processes until the queue is empty; the time each job finished, in ms. */
function runWorkers(url: string, n: number): Promise<number[]> {
  const bin = resolve('bin/marsad.js');
  const done: number[] = [];
  return Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((res, rej) => {
        // one JSON line per finished job on stdout (no --quiet): its arrival time is the job's end
        const c = spawn(process.execPath, [bin, 'worker', '--db', url, '--until-idle'], { stdio: ['ignore', 'pipe', 'inherit'] });
        createInterface({ input: c.stdout! }).on('line', (line) => line.startsWith('{') && done.push(performance.now()));
        c.on('exit', (code) => (code === 0 ? res() : rej(new Error(`worker exited ${code}`))));
      }),
    ),
  ).then(() => done.sort((a, b) => a - b));
}

export interface WorkerRates {
  /** jobs per second from starting the processes until the queue is empty (start-up included) */
  wholeRun: number;
  /** jobs per second between 50% and 95% of the jobs done: the rate of long-running workers, once
   * each has loaded its models and the JIT has compiled the pipeline (at 50%, 2,250 documents each of two) */
  sustained: number;
}

export interface WorkerScaling {
  docs: number;
  jobs: number;
  one: WorkerRates;
  two: WorkerRates;
  /** two workers vs one, sustained rates */
  speedup: number;
  /** two workers vs one, whole runs */
  wholeRunSpeedup: number;
}

/**
 * Re-analysis of every stored document, queued as `marsad reanalyze --all --queue` does (jobs of
 * 50 documents), drained by one worker process, then by two.
 */
async function workerScaling(url: string, docs: number): Promise<WorkerScaling> {
  const store = await openStore(url);
  const src = await store.addSource({ kind: 'file', url: 'file:///bench-workers' });
  const all = [...documents(docs, src.id)].map((d) => ({ ...d, text: undefined, extracted: d.extracted.slice(0, 3000) }));
  for (let i = 0; i < all.length; i += 500) await store.putDocuments(all.slice(i, i + 500));
  let jobs = 0;
  const rate = async (workers: number): Promise<WorkerRates> => {
    const queue = await openQueue(store, url);
    jobs = await enqueueReanalysis(store, queue, { all: true });
    await queue.stop();
    const t = performance.now();
    const done = await runWorkers(url, workers);
    const at = (share: number) => Math.min(done.length - 1, Math.floor(share * done.length));
    const [a, b] = [at(0.5), at(0.95)];
    return {
      wholeRun: +(done.length / ((done[done.length - 1] - t) / 1000)).toFixed(2),
      sustained: +((b - a) / ((done[b] - done[a]) / 1000)).toFixed(2),
    };
  };
  const one = await rate(1);
  const two = await rate(2);
  await store.close();
  return { docs, jobs, one, two, speedup: +(two.sustained / one.sustained).toFixed(2), wholeRunSpeedup: +(two.wholeRun / one.wholeRun).toFixed(2) };
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
        figures.postgres.workers = await workerScaling(await freshDatabase(admin), opts.workerDocs ?? 9000);
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
