// Full analysis (clean → text layer → tagger → entities → events) on real Arabic news, on one
// core: articles per second (target ≥ 300) and memory over many articles (it must stay flat:
// the analysis keeps nothing per article once its result is returned).
// Run: node --expose-gc --import tsx bench/analyze.ts [N] [ROUNDS_OF_MEMORY]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { analyzeText, prepareDocument, toAnalysis } from '../src/commands/analyze.js';
import { STAGES } from '../src/pipeline/pipeline.js';
import { createContext } from '../src/core/context.js';

export interface AnalyzeBenchOptions {
  /** distinct articles timed (default 1000) */
  n?: number;
  /** articles analysed in the memory run, cycling over the set (default 20,000) */
  memoryArticles?: number;
  corpusDir?: string;
}

export interface AnalyzeBenchResult {
  articles: number;
  /** CPU seconds for the timed pass (one core) */
  seconds: number;
  articlesPerSecond: number;
  /** mean characters per timed article (title and body) */
  meanChars: number;
  events: number;
  attacks: number;
  /** CPU seconds per step of the timed pass ('prepare' = input → Document, 'output' = Document → contract object) */
  stages: Record<string, number>;
  memory: { articles: number; heapStartMB: number; heapEndMB: number; heapPeakMB: number; rssEndMB: number; growthMB: number };
}

export interface Article {
  text: string;
  published: string | null;
}

/**
 * `n` articles spread evenly over the whole corpus (every k-th article of all 18 days, in order): the
 * first file alone is not typical (its first 1,000 articles average 3,400 characters, the corpus 1,780).
 */
export function loadArticles(dir: string, n: number): Article[] {
  const all: Article[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json.gz')).sort()) {
    const rows = JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8')) as { title?: string; content?: string; date_extracted?: string }[];
    for (const r of rows) {
      if (!r.content || !r.content.trim()) continue;
      all.push({ text: (r.title ? r.title + '\n\n' : '') + r.content, published: r.date_extracted?.slice(0, 10) ?? null });
    }
  }
  const step = Math.max(1, Math.floor(all.length / n));
  const out: Article[] = [];
  for (let i = 0; i < all.length && out.length < n; i += step) out.push(all[i]);
  return out;
}

const cpuSince = (t: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1e6;
};
/** A made-up English news paragraph (written for this bench). */
const WARM_UP_EN =
  'Police in the capital said on Tuesday that two men were arrested after a car bomb attack near a market killed three people.\n\n' +
  'The interior ministry blamed the Islamic State group, which claimed the attack in a statement on its Amaq news agency.';

const mb = (x: number) => Math.round((x / 1048576) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

export function benchAnalyze(opts: AnalyzeBenchOptions = {}): AnalyzeBenchResult {
  const dir = opts.corpusDir ?? new URL('../../shared/data/corpus/ar-saudinewsnet/', import.meta.url).pathname;
  const articles = loadArticles(dir, opts.n ?? 1000);
  const ctx = createContext();
  for (const a of articles.slice(0, 50)) analyzeText(a, ctx); // warm-up: model, KB, lexicons, JIT
  // the set holds a few English articles too: load the English model and lexicons here, not in
  // the timed pass (a one-time cost of ~0.1 s that a long ingest never pays again)
  analyzeText({ text: WARM_UP_EN, published: '2020-01-01' }, ctx);

  // the timed pass runs analyzeText's steps one by one to read the CPU clock around each stage
  // (18 clock reads per article: negligible next to the analysis)
  const stages: Record<string, number> = { prepare: 0 };
  for (const [name] of STAGES) stages[name] = 0;
  stages.output = 0;
  let events = 0;
  let attacks = 0;
  const c0 = process.cpuUsage();
  for (const a of articles) {
    let t = process.cpuUsage();
    const doc = prepareDocument(a);
    stages.prepare += cpuSince(t);
    for (const [name, stage] of STAGES) {
      t = process.cpuUsage();
      stage(doc, ctx);
      stages[name] += cpuSince(t);
    }
    t = process.cpuUsage();
    const r = toAnalysis(doc, ctx);
    stages.output += cpuSince(t);
    events += r.events.length;
    attacks += r.events.filter((e) => e.type === 'attack' && e.reported).length;
  }
  const cpu = process.cpuUsage(c0);
  const seconds = (cpu.user + cpu.system) / 1e6;

  const total = opts.memoryArticles ?? 20_000;
  gc?.();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  for (let i = 0; i < total; i++) {
    analyzeText(articles[i % articles.length], ctx);
    if (i % 1000 === 999) {
      gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  gc?.();
  const end = process.memoryUsage();
  return {
    articles: articles.length,
    seconds,
    articlesPerSecond: Math.round(articles.length / seconds),
    meanChars: Math.round(articles.reduce((x, a) => x + a.text.length, 0) / articles.length),
    events,
    attacks,
    stages,
    memory: { articles: total, heapStartMB: mb(start), heapEndMB: mb(end.heapUsed), heapPeakMB: mb(peak), rssEndMB: mb(end.rss), growthMB: mb(end.heapUsed - start) },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 1000);
  const memoryArticles = Number(process.argv[3] ?? 20_000);
  const r = benchAnalyze({ n, memoryArticles });
  console.log(`full analysis: ${r.articles} Arabic articles (${r.meanChars} characters on average) in ${r.seconds.toFixed(2)} s CPU → ${r.articlesPerSecond} articles/s on one core (target ≥ 300)`);
  console.log(`  ${r.events} events, ${r.attacks} reported attacks`);
  const staged = Object.values(r.stages).reduce((x, y) => x + y, 0);
  console.log(`per stage, CPU ms per article (sum ${((staged / r.articles) * 1000).toFixed(2)} ms):`);
  console.log('  ' + Object.entries(r.stages).map(([k, v]) => `${k} ${((v / r.articles) * 1000).toFixed(2)}`).join(' · '));
  const m = r.memory;
  console.log(`memory over ${m.articles} articles: heap ${m.heapStartMB} MB → ${m.heapEndMB} MB (peak ${m.heapPeakMB} MB, growth ${m.growthMB} MB), rss ${m.rssEndMB} MB${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
}
