// Near-duplicate detection benchmark: MinHash + LSH over the shared corpus (Arabic SaudiNewsNet
// and English BBC), with planted copies (light edits, dropped and added sentences, a different
// trailer) to measure how many are found. Run alone: node --import tsx bench/link.ts [--docs N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { NearDupIndex } from '../src/link/minhash.js';

const CORPUS = '/work/shared/data/corpus';

export interface LinkBenchFigures {
  /** documents indexed (originals + planted copies) */
  docs: number;
  plantedCopies: number;
  /** signature + LSH lookup + insert, per second, one core */
  docsPerSec: number;
  seconds: number;
  /** planted copies linked to their original's cluster */
  plantedFound: number;
  plantedRecall: number;
  /** links between corpus originals (the corpus repeats articles across days and outlets) */
  otherLinks: number;
  /** of the first 1,000 links, how many have an exact shingle Jaccard ≥ 0.4 (MinHash estimates checked) */
  checkedLinks: number;
  exactJaccardAtLeast04: number;
  medianExactJaccard: number;
}

function exactJaccard(a: Int32Array, b: Int32Array): number {
  const x = new Set(a);
  const y = new Set(b);
  let inter = 0;
  for (const v of x) if (y.has(v)) inter++;
  return inter / (x.size + y.size - inter);
}

function loadTexts(limit: number): Array<{ text: string; day: string }> {
  const out: Array<{ text: string; day: string }> = [];
  const ar = join(CORPUS, 'ar-saudinewsnet');
  for (const f of readdirSync(ar).filter((f) => f.endsWith('.json.gz')).sort()) {
    for (const a of JSON.parse(gunzipSync(readFileSync(join(ar, f))).toString('utf8')) as Array<{ content?: string }>) {
      if (a.content && a.content.length > 200) out.push({ text: a.content, day: f.slice(0, 10) });
    }
  }
  const en = gunzipSync(readFileSync(join(CORPUS, 'en-news-bbc2025', 'bbc-news-2025.jsonl.gz'))).toString('utf8');
  for (const line of en.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text?: string; published?: string };
    if (r.text && r.text.length > 200) out.push({ text: r.text, day: r.published ?? '2025-01-01' });
  }
  return out.slice(0, limit);
}

/** Deterministic generator so every run plants the same copies. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A syndicated copy: a few words changed, maybe a sentence dropped, an outlet trailer added. */
function perturb(text: string, rand: () => number): string {
  const sentences = text.split(/(?<=[.!؟?])\s+/);
  if (sentences.length > 4 && rand() < 0.5) sentences.splice(Math.floor(rand() * sentences.length), 1);
  const words = sentences.join(' ').split(/\s+/);
  for (let i = 0; i < Math.max(1, words.length / 40); i++) words[Math.floor(rand() * words.length)] = rand() < 0.5 ? 'وقال' : 'أيضا';
  return words.join(' ') + ' ' + (rand() < 0.5 ? 'المصدر: وكالات' : 'تابعونا على مواقع التواصل');
}

export function benchLink(opts: { docs?: number; plantEvery?: number } = {}): LinkBenchFigures {
  const originals = loadTexts(opts.docs ?? 40_000);
  const rand = rng(20240314);
  const plantEvery = opts.plantEvery ?? 10;
  const docs: Array<{ key: string; text: string; day: string; copyOf?: string }> = [];
  originals.forEach((o, i) => {
    docs.push({ key: `o${i}`, text: o.text, day: o.day });
    if (i % plantEvery === 0) docs.push({ key: `c${i}`, text: perturb(o.text, rand), day: o.day, copyOf: `o${i}` });
  });
  const index = new NearDupIndex();
  const linkOf = new Map<string, string>();
  const t0 = performance.now();
  for (const d of docs) for (const ch of index.add(d.key, d.text, d.day)) linkOf.set(ch.id, ch.of);
  const seconds = (performance.now() - t0) / 1000;
  const root = (k: string) => linkOf.get(k) ?? k;
  const planted = docs.filter((d) => d.copyOf);
  const found = planted.filter((d) => root(d.key) === root(d.copyOf!)).length;
  const otherLinks = [...linkOf.keys()].filter((k) => k.startsWith('o')).length;
  const textOf = new Map(docs.map((d) => [d.key, d.text]));
  const checked = [...linkOf.entries()].slice(0, 1000).map(([id, of]) => exactJaccard(index.hasher.shingles(textOf.get(id)!), index.hasher.shingles(textOf.get(of)!)));
  const sorted = [...checked].sort((p, q) => p - q);
  return {
    docs: docs.length,
    plantedCopies: planted.length,
    docsPerSec: Math.round(docs.length / seconds),
    seconds: Number(seconds.toFixed(2)),
    plantedFound: found,
    plantedRecall: Number((found / planted.length).toFixed(4)),
    otherLinks,
    checkedLinks: checked.length,
    exactJaccardAtLeast04: checked.filter((j) => j >= 0.4).length,
    medianExactJaccard: Number((sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(3)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--docs');
  console.log(JSON.stringify(benchLink(i > 0 ? { docs: Number(process.argv[i + 1]) } : {}), null, 2));
}
