import { describe, expect, it } from 'vitest';
import { CorpusStream, learnClusters, svdProjection, symmetricEigen, type ClusterOptions } from './clusters.js';

describe('symmetricEigen', () => {
  it('gives eigenpairs of a symmetric matrix (A v = λ v)', () => {
    const n = 3;
    const a = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = symmetricEigen(a, n);
    expect([...values].sort((x, y) => x - y).reduce((s, x) => s + x, 0)).toBeCloseTo(12, 9); // trace
    for (let e = 0; e < n; e++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[j * n + e];
        expect(av).toBeCloseTo(values[e] * vectors[i * n + e], 9);
      }
    }
  });
});

describe('svdProjection', () => {
  // a 4 × 3 matrix, handed over row by row as the PPMI rows are (column indices and values)
  const M = [
    [1, 0, 2],
    [0, 3, 1],
    [2, 1, 0],
    [1, 1, 1],
  ];
  const cols = new Int32Array(3);
  const vals = new Float64Array(3);
  const rows = (visit: (r: number, nnz: number) => void) =>
    M.forEach((row, r) => {
      row.forEach((v, c) => ((cols[c] = c), (vals[c] = v)));
      visit(r, 3);
    });
  const embed = (power: number) => {
    const p = svdProjection(rows, cols, vals, 3, 3, 1, power);
    return M.map((row) => [0, 1, 2].map((d) => row.reduce((s, v, c) => s + v * p[c * 3 + d], 0)));
  };
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

  it('keeps the rows\' dot products at full rank with power 1 (E = U Σ)', () => {
    const e = embed(1);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(dot(e[i], e[j])).toBeCloseTo(dot(M[i], M[j]), 6);
  });

  it('gives orthonormal columns with power 0 (E = U), the largest singular direction first', () => {
    const e = embed(0);
    const col = (d: number) => e.map((r) => r[d]);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) expect(dot(col(a), col(b))).toBeCloseTo(a === b ? 1 : 0, 6);
    const e1 = embed(1);
    const norms = [0, 1, 2].map((d) => Math.hypot(...e1.map((r) => r[d])));
    expect(norms[0]).toBeGreaterThan(norms[1]);
    expect(norms[1]).toBeGreaterThan(norms[2]);
  });
});

/**
 * Invented two-topic text: animals come after "the" and before "runs"/"sleeps", cities after
 * "in" and before "today"/"again".
 */
function corpus(): CorpusStream {
  const c = new CorpusStream();
  const animals = ['cat', 'dog', 'horse', 'goat'];
  const cities = ['paris', 'rome', 'cairo', 'lima'];
  const verbs = ['runs', 'sleeps'];
  const times = ['today', 'again'];
  for (let r = 0; r < 30; r++) {
    for (const a of animals) for (const v of verbs) ['the', a, v].forEach((w) => c.push(w)), c.boundary();
    for (const x of cities) for (const t of times) ['in', x, t].forEach((w) => c.push(w)), c.boundary();
  }
  return c;
}

const OPTS: ClusterOptions = { vocab: 14, contexts: 14, dims: 4, k: 2, kCoarse: 1, iterations: 10, seed: 7 };

describe('learnClusters', () => {
  it('groups words that share neighbours', () => {
    const cl = learnClusters(corpus(), OPTS);
    const id = (w: string) => cl.ids[cl.words.indexOf(w)];
    expect(new Set(['cat', 'dog', 'horse', 'goat'].map(id)).size).toBe(1);
    expect(new Set(['paris', 'rome', 'cairo', 'lima'].map(id)).size).toBe(1);
    expect(id('cat')).not.toBe(id('paris'));
  });

  it('is deterministic', () => {
    expect(learnClusters(corpus(), OPTS)).toEqual(learnClusters(corpus(), OPTS));
  });
});
