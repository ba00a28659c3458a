// Word clusters from unlabelled text (training time only): each frequent word is described by
// PPMI-weighted counts of its left and right neighbours, reduced to a dense vector (truncated SVD)
// and grouped by spherical k-means, then the centroids are grouped again for a coarser level — a cheap,
// deterministic stand-in for Brown clusters that gives names seen only in the corpus a useful class.
import { mulberry32 } from './hash.js';

/** floats of the co-occurrence block counted per pass over the corpus (256 MB) */
const COUNT_BLOCK = 1 << 26;

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
  /** a word's vector is U Σ^svdPower (default 0.5: the top directions count, but less than by their variance) */
  svdPower?: number;
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

/** Gram–Schmidt on the columns of a (rows × k, row-major), in place. */
function orthonormalise(a: Float64Array, rows: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += a[r * k + i] * a[r * k + j];
      for (let r = 0; r < rows; r++) a[r * k + j] -= dot * a[r * k + i];
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += a[r * k + j] ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < rows; r++) a[r * k + j] *= inv;
  }
}

/** Eigenvalues and eigenvectors (columns of the returned n × n matrix) of a symmetric matrix, by cyclic Jacobi. */
export function symmetricEigen(m: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: v };
}

/**
 * A projection onto the top right singular vectors of the PPMI matrix M (truncated SVD: the
 * directions that keep most of the rows' variation, where a random projection keeps all of it
 * blurred), scaled so that a row's image is U Σ^power. From the Gram matrix MᵀM (cols × cols) by
 * subspace iteration with a few spare directions, then Rayleigh–Ritz for the exact vectors.
 * `rows` calls its visitor once per row with the row's nonzeros in cols/vals[0, nnz); n columns.
 * Returns n × dims, row-major.
 */
export function svdProjection(rows: (visit: (r: number, nnz: number) => void) => void, cols: Int32Array, vals: Float64Array, n: number, dims: number, seed: number, power: number): Float32Array {
  const g = new Float64Array(n * n);
  rows((_, nnz) => {
    for (let a = 0; a < nnz; a++) {
      const o = cols[a] * n;
      const va = vals[a];
      for (let b = 0; b < nnz; b++) g[o + cols[b]] += va * vals[b];
    }
  });
  const k = Math.min(n, dims + 16);
  const rand = mulberry32(seed ^ 0x2545f491);
  let q = Float64Array.from({ length: n * k }, () => rand() - 0.5);
  orthonormalise(q, n, k);
  for (let it = 0; it < 30; it++) {
    const z = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const gij = g[i * n + j];
        if (gij === 0) continue;
        for (let c = 0; c < k; c++) z[i * k + c] += gij * q[j * k + c];
      }
    }
    orthonormalise(z, n, k);
    q = z;
  }
  // Rayleigh–Ritz: the eigenvectors of Qᵀ G Q rotate Q onto G's eigenvectors
  const gq = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let c = 0; c < k; c++) gq[i * k + c] += g[i * n + j] * q[j * k + c];
  const small = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += q[i * k + a] * gq[i * k + b];
    small[a * k + b] = s;
  }
  const { values, vectors } = symmetricEigen(small, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  // M v_d = σ_d u_d, so scaling v_d by σ_d^(power − 1) gives u_d σ_d^power; σ² = eigenvalue of MᵀM
  const proj = new Float32Array(n * dims);
  for (let d = 0; d < dims; d++) {
    const e = order[d];
    const sigma = Math.sqrt(Math.max(values[e], 1e-12));
    const scale = Math.pow(sigma, power - 1);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += q[i * k + c] * vectors[c * k + e];
      proj[i * dims + d] = s * scale;
    }
  }
  return proj;
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
  const win = opts.window ?? 1;
  const countNeighbours = (add: (r: number, c: number, w: number) => void) => {
    for (let i = 0; i < corpus.length; i++) {
      const id = corpus.at(i);
      if (id < 0 || row[id] < 0) continue;
      const r = row[id];
      for (let d = 1; d <= win; d++) {
        const left = i - d >= 0 ? corpus.at(i - d) : -1;
        if (left < 0) break;
        if (col[left] >= 0) add(r, col[left], 1 / d);
      }
      for (let d = 1; d <= win; d++) {
        const right = i + d < corpus.length ? corpus.at(i + d) : -1;
        if (right < 0) break;
        if (col[right] >= 0) add(r, C + col[right], 1 / d);
      }
    }
  };
  // PPMI with context-distribution smoothing (α = 0.75), as in Levy et al. 2015
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(2 * C);
  countNeighbours((r, c, w) => {
    rowSum[r] += w;
    colSum[c] += w;
  });
  const colPow = Float64Array.from(colSum, (x) => Math.pow(x, 0.75));
  const colPowTotal = colPow.reduce((a, b) => a + b, 0);
  // the dense count matrix of a large vocabulary would not fit in memory: count a block of rows
  // per pass over the corpus (a pass is cheap next to the projection); visit each row's positive
  // PMI values
  const block = Math.max(1, Math.floor(COUNT_BLOCK / (2 * C)));
  const cols = new Int32Array(2 * C);
  const vals = new Float64Array(2 * C);
  const ppmiRows = (visit: (r: number, nnz: number) => void) => {
    for (let r0 = 0; r0 < V; r0 += block) {
      const r1 = Math.min(V, r0 + block);
      const co = new Float32Array((r1 - r0) * 2 * C);
      countNeighbours((r, c, w) => {
        if (r >= r0 && r < r1) co[(r - r0) * 2 * C + c] += w;
      });
      for (let r = r0; r < r1; r++) {
        if (rowSum[r] === 0) continue;
        const o = (r - r0) * 2 * C;
        let nnz = 0;
        for (let c = 0; c < 2 * C; c++) {
          const n = co[o + c];
          if (n === 0) continue;
          // log P(w,c) / (P(w) Pα(c)); the corpus total cancels out
          const pmi = Math.log((n * colPowTotal) / (rowSum[r] * colPow[c]));
          if (pmi <= 0) continue;
          cols[nnz] = c;
          vals[nnz++] = pmi;
        }
        visit(r, nnz);
      }
    }
  };
  const D = opts.dims;
  const proj = svdProjection(ppmiRows, cols, vals, 2 * C, D, opts.seed, opts.svdPower ?? 0.5);
  const emb = new Float32Array(V * D);
  ppmiRows((r, nnz) => {
    for (let k = 0; k < nnz; k++) {
      const c = cols[k];
      const pmi = vals[k];
      for (let d = 0; d < D; d++) emb[r * D + d] += pmi * proj[c * D + d];
    }
  });
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
