import { describe, expect, it } from 'vitest';
import { mulberry32 } from './hash.js';
import { N_TAGS, TAGS, allowedTransition, tagIndex } from './tags.js';
import { marginals, viterbi } from './viterbi.js';

const N = N_TAGS;

function pathScore(path: number[], emit: Float64Array, trans: Float64Array): number {
  let s = 0;
  for (let i = 0; i < path.length; i++) {
    const prev = i === 0 ? N : path[i - 1];
    if (!allowedTransition(i === 0 ? null : prev, path[i])) return -Infinity;
    s += trans[prev * N + path[i]] + emit[i * N + path[i]];
  }
  return s;
}

function bruteForce(n: number, emit: Float64Array, trans: Float64Array): number[] {
  let best: number[] = [];
  let bestScore = -Infinity;
  const path = new Array<number>(n).fill(0);
  const walk = (i: number) => {
    if (i === n) {
      const s = pathScore(path, emit, trans);
      if (s > bestScore) [bestScore, best] = [s, [...path]];
      return;
    }
    for (let t = 0; t < N; t++) {
      path[i] = t;
      walk(i + 1);
    }
  };
  walk(0);
  return best;
}

describe('viterbi', () => {
  it('never starts with I- or puts I-X after O, even when emissions want it', () => {
    const n = 3;
    const emit = new Float64Array(n * N);
    emit[0 * N + tagIndex('I-PER')] = 10; // would start a sentence with I-PER
    emit[1 * N + tagIndex('O')] = 10;
    emit[2 * N + tagIndex('I-LOC')] = 10; // would follow O
    const tags = Array.from(viterbi(emit, n, new Float64Array((N + 1) * N)), (t) => TAGS[t]);
    tags.forEach((t, i) => expect(allowedTransition(i === 0 ? null : tagIndex(tags[i - 1]), tagIndex(t))).toBe(true));
  });

  it('finds the same best path as exhaustive search', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 5; trial++) {
      const n = 4;
      const emit = Float64Array.from({ length: n * N }, () => rand() * 4 - 2);
      const trans = Float64Array.from({ length: (N + 1) * N }, () => rand() * 2 - 1);
      const got = Array.from(viterbi(emit, n, trans));
      expect(pathScore(got, emit, trans)).toBeCloseTo(pathScore(bruteForce(n, emit, trans), emit, trans), 9);
    }
  });

  it('gives marginals that sum to one per token and favour the best tag', () => {
    const n = 3;
    const emit = new Float64Array(n * N);
    emit[1 * N + tagIndex('B-LOC')] = 8;
    const p = marginals(emit, n, new Float64Array((N + 1) * N));
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < N; t++) s += p[i * N + t];
      expect(s).toBeCloseTo(1, 9);
    }
    expect(p[1 * N + tagIndex('B-LOC')]).toBeGreaterThan(0.9);
    expect(p[0 * N + tagIndex('I-PER')]).toBe(0);
  });
});
