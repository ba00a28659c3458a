// Training of the tagger: an averaged structured perceptron over BIO sequences (Collins 2002),
// decoded with the same constrained Viterbi as at run time. Deterministic: fixed feature order,
// seeded shuffles, no parallelism.
import { sentenceFeatures, type FeatureResources } from './features.js';
import { mulberry32 } from './hash.js';
import { N_TAGS } from './tags.js';
import { viterbi } from './viterbi.js';

export interface LabelledSentence {
  tokens: string[];
  /** gold tag indices (see TAGS) */
  gold: Int32Array;
}

export interface PreparedSentence {
  /** feature row per key, flattened; -1 = unknown feature (dev data) */
  feats: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
}

/** Hashed keys → dense row numbers, in order of first sight among kept features. */
export class FeatureIndex {
  readonly rows = new Map<number, number>();
  readonly keys: number[] = [];

  add(key: number): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.keys.length;
      this.rows.set(key, r);
      this.keys.push(key);
    }
    return r;
  }
}

export interface RawFeatures {
  keys: Uint32Array;
  offsets: Int32Array;
}

/** `twoWord` false: without the features that combine two words' forms (see contextFeatures) */
export function extract(sents: readonly LabelledSentence[], res: FeatureResources, twoWord = true): RawFeatures[] {
  return sents.map((s) => sentenceFeatures(s.tokens, res, twoWord));
}

/**
 * Map extracted features to rows. With `grow`, features seen at least `minCount` times in these
 * sentences get rows (rare ones are mostly noise and swell the artefact); without it, held-out
 * data is mapped onto the trained rows and unknown features become -1.
 */
export function index(raw: readonly RawFeatures[], sents: readonly LabelledSentence[], idx: FeatureIndex, grow: boolean, minCount = 1): PreparedSentence[] {
  if (grow) {
    const counts = new Map<number, number>();
    for (const r of raw) for (const k of r.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const r of raw) for (const k of r.keys) if ((counts.get(k) ?? 0) >= minCount) idx.add(k);
  }
  return raw.map((r, s) => ({
    feats: Int32Array.from(r.keys, (k) => idx.rows.get(k) ?? -1),
    offsets: r.offsets,
    gold: sents[s].gold,
  }));
}

/** extract + index in one step */
export function prepare(sents: readonly LabelledSentence[], res: FeatureResources, idx: FeatureIndex, grow: boolean, minCount = 1): PreparedSentence[] {
  return index(extract(sents, res), sents, idx, grow, minCount);
}

export interface Weights {
  /** rows × N_TAGS */
  w: Float64Array;
  /** (N_TAGS + 1) × N_TAGS, last row = start */
  trans: Float64Array;
}

export function emissions(s: PreparedSentence, w: Float64Array): Float64Array {
  const N = N_TAGS;
  const n = s.gold.length;
  const emit = new Float64Array(n * N);
  for (let i = 0; i < n; i++) {
    for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
      const r = s.feats[k];
      if (r < 0) continue;
      const o = r * N;
      for (let t = 0; t < N; t++) emit[i * N + t] += w[o + t];
    }
  }
  return emit;
}

export function decode(s: PreparedSentence, weights: Weights): Int32Array {
  return viterbi(emissions(s, weights.w), s.gold.length, weights.trans);
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** called after each epoch with the averaged weights so far */
  onEpoch?: (epoch: number, averaged: Weights) => void;
}

export function trainPerceptron(data: readonly PreparedSentence[], rows: number, opts: TrainOptions): Weights {
  const N = N_TAGS;
  const w = new Float64Array(rows * N);
  const u = new Float64Array(rows * N); // Σ c·Δ, for the averaging trick
  const tw = new Float64Array((N + 1) * N);
  const tu = new Float64Array((N + 1) * N);
  let c = 1;
  const order = data.map((_, i) => i);
  const rand = mulberry32(opts.seed);
  const averaged = (): Weights => ({
    w: Float64Array.from(w, (x, k) => x - u[k] / c),
    trans: Float64Array.from(tw, (x, k) => x - tu[k] / c),
  });
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const s = data[idx];
      const pred = viterbi(emissions(s, w), s.gold.length, tw);
      const gold = s.gold;
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i];
        const p = pred[i];
        if (g !== p) {
          for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
            const o = s.feats[k] * N;
            w[o + g] += 1; u[o + g] += c;
            w[o + p] -= 1; u[o + p] -= c;
          }
        }
        const gp = i === 0 ? N : gold[i - 1];
        const pp = i === 0 ? N : pred[i - 1];
        if (gp !== pp || g !== p) {
          tw[gp * N + g] += 1; tu[gp * N + g] += c;
          tw[pp * N + p] -= 1; tu[pp * N + p] -= c;
        }
      }
      c++;
    }
    opts.onEpoch?.(epoch, averaged());
  }
  return averaged();
}

/**
 * Several perceptrons trained on different shuffle orders, averaged (bagging over the order only):
 * a single averaged perceptron still moves a point or more of F1 with the order of the sentences,
 * and the mean of a few is steadier (Arabic dev split, 4 seeds: the same mean F1, spread 3.1 → 0.6
 * points). The rows are the same, but fewer of them prune to zero, so the artefact grows.
 */
export function trainAveraged(data: readonly PreparedSentence[], rows: number, opts: TrainOptions & { runs: number }): Weights {
  if (opts.runs <= 1) return trainPerceptron(data, rows, opts);
  const sum: Weights = { w: new Float64Array(rows * N_TAGS), trans: new Float64Array((N_TAGS + 1) * N_TAGS) };
  for (let r = 0; r < opts.runs; r++) {
    // seeds far apart so the runs' shuffles share nothing; only the first run reports its epochs
    const one = trainPerceptron(data, rows, { ...opts, seed: opts.seed + 7919 * r, onEpoch: r === 0 ? opts.onEpoch : undefined });
    for (let k = 0; k < sum.w.length; k++) sum.w[k] += one.w[k] / opts.runs;
    for (let k = 0; k < sum.trans.length; k++) sum.trans[k] += one.trans[k] / opts.runs;
  }
  return sum;
}

/**
 * Drop rows whose weights are all near zero and quantise the rest to Int16 with one scale; the
 * result is sorted by key so the artefact is byte-identical across runs.
 */
export function compact(index: FeatureIndex, weights: Weights, minAbs: number): { keys: Uint32Array; q: Int16Array; scale: number } {
  const N = N_TAGS;
  let maxAbs = 0;
  const kept: number[] = [];
  for (let r = 0; r < index.keys.length; r++) {
    let m = 0;
    for (let t = 0; t < N; t++) m = Math.max(m, Math.abs(weights.w[r * N + t]));
    if (m >= minAbs) {
      kept.push(r);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  kept.sort((a, b) => index.keys[a] - index.keys[b]);
  const scale = maxAbs / 32767 || 1;
  const keys = new Uint32Array(kept.length);
  const q = new Int16Array(kept.length * N);
  kept.forEach((r, i) => {
    keys[i] = index.keys[r];
    for (let t = 0; t < N; t++) q[i * N + t] = Math.round(weights.w[r * N + t] / scale);
  });
  return { keys, q, scale };
}
