// Word clusters from unlabelled text (training time only): each frequent word is described by
// PPMI-weighted counts of its left and right neighbours, randomly projected to a dense vector and
// grouped by spherical k-means, then the centroids are grouped again for a coarser level — a cheap,
// deterministic stand-in for Brown clusters that gives names seen only in the corpus a useful class.
import { mulberry32 } from './hash.js';

export interface ClusterOptions {
  vocab: number;
  contexts: number;
  dims: number;
  k: number;
  kCoarse: number;
  iterations: number;
  seed: number;
  /** neighbours on each side counted as contexts (1 = the adjacent words only) */
  window?: number;
}

export interface Clusters {
  words: string[];
  ids: number[];
  coarse: number[];
  /** bit path of each fine cluster in a binary merge tree of the centroids (Brown-style prefixes) */
  paths?: string[];
}

/** Interns words to ids as a corpus is fed in, keeping a flat id stream (-1 between documents). */
export class CorpusStream {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  counts: number[] = [];
  private stream = new Int32Array(1 << 20);
  length = 0;

  push(word: string): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.counts.push(0);
    }
    this.counts[id]++;
    this.put(id);
  }

  boundary(): void {
    this.put(-1);
  }

  private put(v: number): void {
    if (this.length === this.stream.length) {
      const next = new Int32Array(this.stream.length * 2);
      next.set(this.stream);
      this.stream = next;
    }
    this.stream[this.length++] = v;
  }

  at(i: number): number {
    return this.stream[i];
  }
}

function topIds(c: CorpusStream, n: number): number[] {
  const ids = c.words.map((_, i) => i);
  ids.sort((a, b) => c.counts[b] - c.counts[a] || (c.words[a] < c.words[b] ? -1 : 1));
  return ids.slice(0, n);
}

function normaliseRows(m: Float32Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += m[r * dims + d] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dims; d++) m[r * dims + d] *= inv;
  }
}

/** Spherical k-means with a seeded pick of initial centroids; returns the assignment per row. */
export function kmeans(x: Float32Array, rows: number, dims: number, k: number, iterations: number, seed: number): { assign: Int32Array; centroids: Float32Array } {
  const rand = mulberry32(seed);
  const cent = new Float32Array(k * dims);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r: number;
    do r = Math.floor(rand() * rows);
    while (picked.has(r) && picked.size < rows);
    picked.add(r);
    cent.set(x.subarray(r * dims, (r + 1) * dims), c * dims);
  }
  const assign = new Int32Array(rows);
  for (let it = 0; it < iterations; it++) {
    for (let r = 0; r < rows; r++) {
      let best = -Infinity;
      let arg = 0;
      const o = r * dims;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const co = c * dims;
        for (let d = 0; d < dims; d++) s += x[o + d] * cent[co + d];
        if (s > best) {
          best = s;
          arg = c;
        }
      }
      assign[r] = arg;
    }
    const sum = new Float32Array(k * dims);
    const size = new Int32Array(k);
    for (let r = 0; r < rows; r++) {
      size[assign[r]]++;
      for (let d = 0; d < dims; d++) sum[assign[r] * dims + d] += x[r * dims + d];
    }
    for (let c = 0; c < k; c++) {
      // an emptied cluster keeps its old centroid rather than collapsing to zero
      if (size[c] > 0) cent.set(sum.subarray(c * dims, (c + 1) * dims), c * dims);
    }
    normaliseRows(cent, k, dims);
  }
  return { assign, centroids: cent };
}

export function learnClusters(corpus: CorpusStream, opts: ClusterOptions): Clusters {
  const vocab = topIds(corpus, opts.vocab);
  const ctx = topIds(corpus, opts.contexts);
  const V = vocab.length;
  const C = ctx.length;
  const row = new Int32Array(corpus.words.length).fill(-1);
  vocab.forEach((id, r) => (row[id] = r));
  const col = new Int32Array(corpus.words.length).fill(-1);
  ctx.forEach((id, c) => (col[id] = c));
  // left neighbours in columns [0, C), right neighbours in [C, 2C); farther ones count less
  const co = new Float32Array(V * 2 * C);
  const win = opts.window ?? 1;
  for (let i = 0; i < corpus.length; i++) {
    const id = corpus.at(i);
    if (id < 0 || row[id] < 0) continue;
    const o = row[id] * 2 * C;
    for (let d = 1; d <= win; d++) {
      const left = i - d >= 0 ? corpus.at(i - d) : -1;
      if (left < 0) break;
      if (col[left] >= 0) co[o + col[left]] += 1 / d;
    }
    for (let d = 1; d <= win; d++) {
      const right = i + d < corpus.length ? corpus.at(i + d) : -1;
      if (right < 0) break;
      if (col[right] >= 0) co[o + C + col[right]] += 1 / d;
    }
  }
  // PPMI with context-distribution smoothing (α = 0.75), as in Levy et al. 2015
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(2 * C);
  for (let r = 0; r < V; r++) {
    for (let c = 0; c < 2 * C; c++) {
      rowSum[r] += co[r * 2 * C + c];
      colSum[c] += co[r * 2 * C + c];
    }
  }
  const colPow = Float64Array.from(colSum, (x) => Math.pow(x, 0.75));
  const colPowTotal = colPow.reduce((a, b) => a + b, 0);
  const rand = mulberry32(opts.seed ^ 0x5bd1e995);
  const gauss = () => {
    const u = rand() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const D = opts.dims;
  const proj = Float32Array.from({ length: 2 * C * D }, gauss);
  const emb = new Float32Array(V * D);
  for (let r = 0; r < V; r++) {
    if (rowSum[r] === 0) continue;
    for (let c = 0; c < 2 * C; c++) {
      const n = co[r * 2 * C + c];
      if (n === 0) continue;
      // log P(w,c) / (P(w) Pα(c)); the corpus total cancels out
      const pmi = Math.log((n * colPowTotal) / (rowSum[r] * colPow[c]));
      if (pmi <= 0) continue;
      for (let d = 0; d < D; d++) emb[r * D + d] += pmi * proj[c * D + d];
    }
  }
  normaliseRows(emb, V, D);
  const fine = kmeans(emb, V, D, opts.k, opts.iterations, opts.seed);
  const coarse = kmeans(fine.centroids, opts.k, D, opts.kCoarse, opts.iterations * 2, opts.seed + 1);
  return {
    words: vocab.map((id) => corpus.words[id]),
    ids: Array.from(fine.assign),
    coarse: Array.from(coarse.assign),
    paths: mergePaths(fine.centroids, fine.assign, opts.k, D),
  };
}

/**
 * Agglomerative clustering of the fine centroids with Ward's criterion (the merge that adds the
 * least within-cluster variance; it keeps the tree balanced) into one binary tree; each fine
 * cluster's path from the root as a '0'/'1' string, so prefixes of several lengths give
 * Brown-style class hierarchies.
 */
export function mergePaths(centroids: Float32Array, assign: Int32Array, k: number, dims: number): string[] {
  const size: number[] = new Array(k).fill(0);
  for (const a of assign) size[a]++;
  for (let c = 0; c < k; c++) size[c] = Math.max(size[c], 1);
  const mean: Float64Array[] = [];
  for (let c = 0; c < k; c++) mean.push(Float64Array.from(centroids.subarray(c * dims, (c + 1) * dims)));
  const children: Array<[number, number] | null> = Array.from({ length: k }, () => null);
  const alive: number[] = Array.from({ length: k }, (_, c) => c);
  const ward = (a: number, b: number) => {
    let s = 0;
    for (let d = 0; d < dims; d++) s += (mean[a][d] - mean[b][d]) ** 2;
    return ((size[a] * size[b]) / (size[a] + size[b])) * s;
  };
  while (alive.length > 1) {
    let best = Infinity, bi = 0, bj = 1;
    for (let i = 0; i < alive.length; i++) {
      for (let j = i + 1; j < alive.length; j++) {
        const s = ward(alive[i], alive[j]);
        if (s < best) { best = s; bi = i; bj = j; }
      }
    }
    const a = alive[bi], b = alive[bj];
    const v = new Float64Array(dims);
    for (let d = 0; d < dims; d++) v[d] = (mean[a][d] * size[a] + mean[b][d] * size[b]) / (size[a] + size[b]);
    mean.push(v);
    size.push(size[a] + size[b]);
    children.push([a, b]);
    alive.splice(bj, 1);
    alive[bi] = mean.length - 1;
  }
  const paths = new Array<string>(k).fill('');
  const walk = (node: number, path: string) => {
    const ch = children[node];
    if (!ch) paths[node] = path;
    else { walk(ch[0], path + '0'); walk(ch[1], path + '1'); }
  };
  walk(alive[0], '');
  return paths;
}
