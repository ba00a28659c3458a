// CoNLL exact-span scoring: a predicted chunk counts only if its type and both boundaries match a
// gold chunk; precision, recall and F1 per type and micro-averaged overall.
import { NER_TYPES, tagsToSpans } from './tags.js';

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface NerScores {
  perType: Record<string, Prf>;
  overall: Prf;
  tokens: number;
  sentences: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Score sentence-aligned gold and predicted tag sequences (already canonical: PER/ORG/LOC/MISC). */
export function scoreSpans(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): NerScores {
  if (gold.length !== pred.length) throw new Error('scoreSpans: sentence counts differ');
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, key: 'tp' | 'fp' | 'fn') => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    c[key]++;
  };
  let tokens = 0;
  for (let s = 0; s < gold.length; s++) {
    if (gold[s].length !== pred[s].length) throw new Error(`scoreSpans: sentence ${s} lengths differ`);
    tokens += gold[s].length;
    const g = new Set(tagsToSpans(gold[s]).map((x) => `${x.start}:${x.end}:${x.type}`));
    const p = new Set(tagsToSpans(pred[s]).map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const key of p) bump(key.split(':')[2], g.has(key) ? 'tp' : 'fp');
    for (const key of g) if (!p.has(key)) bump(key.split(':')[2], 'fn');
  }
  const perType: Record<string, Prf> = {};
  let tp = 0, fp = 0, fn = 0;
  const types = [...new Set([...NER_TYPES, ...counts.keys()])];
  for (const t of types) {
    const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    perType[t] = prf(c.tp, c.fp, c.fn);
    tp += c.tp; fp += c.fp; fn += c.fn;
  }
  return { perType, overall: prf(tp, fp, fn), tokens, sentences: gold.length };
}

/** A fixed-width table, as conlleval prints it. */
export function formatScores(s: NerScores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, r: Prf) =>
    `${name.padEnd(8)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${String(r.tp + r.fn).padStart(7)} ${String(r.tp + r.fp).padStart(7)}`;
  return [
    `${'type'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(7)} ${'pred'.padStart(7)}`,
    ...Object.entries(s.perType).map(([t, r]) => row(t, r)),
    row('overall', s.overall),
    `${s.sentences} sentences, ${s.tokens} tokens`,
  ].join('\n');
}

/**
 * Recall split by whether a gold name's words (with its type) occur as a name in the training
 * data: on a held-out slice of one corpus, most errors sit on unseen names, and this says how
 * much of a figure is memory and how much generalisation.
 */
export function recallBySeen(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  tokens: readonly (readonly string[])[],
  seen: ReadonlySet<string>,
): { seen: { found: number; total: number }; unseen: { found: number; total: number } } {
  const out = { seen: { found: 0, total: 0 }, unseen: { found: 0, total: 0 } };
  for (let s = 0; s < gold.length; s++) {
    const p = new Set(tagsToSpans(pred[s]).map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of tagsToSpans(gold[s])) {
      const bucket = seen.has(nameKey(tokens[s].slice(x.start, x.end), x.type)) ? out.seen : out.unseen;
      bucket.total++;
      if (p.has(`${x.start}:${x.end}:${x.type}`)) bucket.found++;
    }
  }
  return out;
}

/** The key recallBySeen looks names up by: the type and the words as written. */
export const nameKey = (words: readonly string[], type: string): string => `${type} ${words.join(' ')}`;
