// Decoding over BIO tags: Viterbi for the best sequence (invalid transitions such as O → I-PER are
// excluded outright, so output is always well-formed) and forward–backward for per-token
// confidences, treating the perceptron scores as log-potentials.
import { N_TAGS, allowedTransition } from './tags.js';

const NEG = -1e30;

/** allowed[p * N + c] for p < N; row N is the sentence start */
const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((N_TAGS + 1) * N_TAGS);
  for (let p = 0; p <= N_TAGS; p++) {
    for (let c = 0; c < N_TAGS; c++) a[p * N_TAGS + c] = allowedTransition(p === N_TAGS ? null : p, c) ? 1 : 0;
  }
  return a;
})();

/**
 * emit[i * N + t]: score of tag t at token i; trans[p * N + c]: score of p → c, with row N for the
 * start of the sentence. Returns the best tag indices.
 */
/** for each tag c, the tags that may precede it (the start row excluded) */
const PREVS: Int32Array[] = Array.from({ length: N_TAGS }, (_, c) => {
  const ps: number[] = [];
  for (let p = 0; p < N_TAGS; p++) if (ALLOWED[p * N_TAGS + c]) ps.push(p);
  return Int32Array.from(ps);
});

/** tags that any tag may precede (O and B-x): their loop needs no list */
const ANY_PREV: Uint8Array = Uint8Array.from(PREVS, (ps) => (ps.length === N_TAGS ? 1 : 0));

// scratch space reused across calls (decoding is synchronous), grown to the longest sentence
let deltaBuf = new Float64Array(0);
let backBuf = new Int32Array(0);

export function viterbi(emit: Float64Array, n: number, trans: ArrayLike<number>, out: Int32Array = new Int32Array(n)): Int32Array {
  if (n === 0) return out;
  const N = N_TAGS;
  if (deltaBuf.length < n * N) {
    deltaBuf = new Float64Array(n * N * 2);
    backBuf = new Int32Array(n * N * 2);
  }
  const delta = deltaBuf;
  const back = backBuf;
  for (let c = 0; c < N; c++) delta[c] = ALLOWED[N * N + c] ? emit[c] + trans[N * N + c] : NEG;
  if (N === 9) forward9(emit, n, trans, delta, back);
  else {
    for (let i = 1; i < n; i++) {
      const row = i * N;
      const prevRow = row - N;
      for (let c = 0; c < N; c++) {
        let best = NEG;
        let arg = 0;
        if (ANY_PREV[c]) {
          for (let p = 0; p < N; p++) {
            const s = delta[prevRow + p] + trans[p * N + c];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        } else {
          const ps = PREVS[c];
          for (let k = 0; k < ps.length; k++) {
            const p = ps[k];
            const s = delta[prevRow + p] + trans[p * N + c];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        }
        delta[row + c] = best + emit[row + c];
        back[row + c] = arg;
      }
    }
  }
  let best = NEG;
  let arg = 0;
  const last = (n - 1) * N;
  for (let c = 0; c < N; c++) {
    if (delta[last + c] > best) {
      best = delta[last + c];
      arg = c;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * N + out[i]];
  return out;
}

/**
 * The forward pass of viterbi for the nine tags O, B-/I- × 4 (tags.ts order), unrolled: the
 * previous token's scores stay in locals, and I-x reads only B-x and I-x. It decodes every
 * sentence twice when the model has a stacked stage, so it is worth the length. Ties go to the
 * lower previous tag, as in the general loop.
 */
function forward9(emit: Float64Array, n: number, trans: ArrayLike<number>, delta: Float64Array, back: Int32Array): void {
  for (let i = 1; i < n; i++) {
    const row = i * 9;
    const q = row - 9;
    const d0 = delta[q], d1 = delta[q + 1], d2 = delta[q + 2], d3 = delta[q + 3], d4 = delta[q + 4];
    const d5 = delta[q + 5], d6 = delta[q + 6], d7 = delta[q + 7], d8 = delta[q + 8];
    // O and B-x: any previous tag
    for (let c = 0; c < 9; c = c === 0 ? 1 : c + 2) {
      let best = d0 + trans[c];
      let arg = 0;
      let s = d1 + trans[9 + c];
      if (s > best) { best = s; arg = 1; }
      s = d2 + trans[18 + c];
      if (s > best) { best = s; arg = 2; }
      s = d3 + trans[27 + c];
      if (s > best) { best = s; arg = 3; }
      s = d4 + trans[36 + c];
      if (s > best) { best = s; arg = 4; }
      s = d5 + trans[45 + c];
      if (s > best) { best = s; arg = 5; }
      s = d6 + trans[54 + c];
      if (s > best) { best = s; arg = 6; }
      s = d7 + trans[63 + c];
      if (s > best) { best = s; arg = 7; }
      s = d8 + trans[72 + c];
      if (s > best) { best = s; arg = 8; }
      delta[row + c] = best + emit[row + c];
      back[row + c] = arg;
    }
    // I-x (c = 2, 4, 6, 8): after B-x (c - 1) or I-x (c)
    let b = d1 + trans[9 + 2], s = d2 + trans[18 + 2];
    if (s > b) { delta[row + 2] = s + emit[row + 2]; back[row + 2] = 2; } else { delta[row + 2] = b + emit[row + 2]; back[row + 2] = 1; }
    b = d3 + trans[27 + 4]; s = d4 + trans[36 + 4];
    if (s > b) { delta[row + 4] = s + emit[row + 4]; back[row + 4] = 4; } else { delta[row + 4] = b + emit[row + 4]; back[row + 4] = 3; }
    b = d5 + trans[45 + 6]; s = d6 + trans[54 + 6];
    if (s > b) { delta[row + 6] = s + emit[row + 6]; back[row + 6] = 6; } else { delta[row + 6] = b + emit[row + 6]; back[row + 6] = 5; }
    b = d7 + trans[63 + 8]; s = d8 + trans[72 + 8];
    if (s > b) { delta[row + 8] = s + emit[row + 8]; back[row + 8] = 8; } else { delta[row + 8] = b + emit[row + 8]; back[row + 8] = 7; }
  }
}

function logSumExp(xs: Float64Array, from: number, len: number): number {
  let m = NEG;
  for (let k = 0; k < len; k++) if (xs[from + k] > m) m = xs[from + k];
  if (m <= NEG) return NEG;
  let s = 0;
  for (let k = 0; k < len; k++) s += Math.exp(xs[from + k] - m);
  return m + Math.log(s);
}

/**
 * Posterior marginals p[i * N + t] under a linear-chain model with potentials score / temperature.
 * A perceptron is not trained to be calibrated; the temperature only makes the numbers usable as a
 * ranking confidence (mentions below some score can be dropped downstream).
 */
export function marginals(emit: Float64Array, n: number, trans: ArrayLike<number>, temperature = 1): Float64Array {
  return marginalsScaled(emit, n, trans, temperature) ?? marginalsLog(emit, n, trans, temperature);
}

/**
 * Forward–backward in probability space with per-token rescaling: one exp per token and tag
 * instead of one per tag pair. Returns null if a row underflows (then the log-space version runs).
 */
function marginalsScaled(emit: Float64Array, n: number, trans: ArrayLike<number>, temperature: number): Float64Array | null {
  const N = N_TAGS;
  const inv = 1 / temperature;
  const tr = new Float64Array((N + 1) * N);
  for (let k = 0; k < (N + 1) * N; k++) tr[k] = ALLOWED[k] ? Math.exp(trans[k] * inv) : 0;
  const e = new Float64Array(n * N);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let t = 0; t < N; t++) if (emit[i * N + t] > m) m = emit[i * N + t];
    for (let t = 0; t < N; t++) e[i * N + t] = Math.exp((emit[i * N + t] - m) * inv);
  }
  const alpha = new Float64Array(n * N);
  const beta = new Float64Array(n * N);
  let sum = 0;
  for (let c = 0; c < N; c++) sum += alpha[c] = tr[N * N + c] * e[c];
  if (!(sum > 1e-280)) return null;
  for (let c = 0; c < N; c++) alpha[c] /= sum;
  for (let i = 1; i < n; i++) {
    const row = i * N;
    sum = 0;
    for (let c = 0; c < N; c++) {
      let a = 0;
      for (let p = 0; p < N; p++) a += alpha[row - N + p] * tr[p * N + c];
      sum += alpha[row + c] = a * e[row + c];
    }
    if (!(sum > 1e-280)) return null;
    for (let c = 0; c < N; c++) alpha[row + c] /= sum;
  }
  for (let c = 0; c < N; c++) beta[(n - 1) * N + c] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const row = i * N;
    sum = 0;
    for (let p = 0; p < N; p++) {
      let b = 0;
      for (let c = 0; c < N; c++) b += tr[p * N + c] * e[row + N + c] * beta[row + N + c];
      sum += beta[row + p] = b;
    }
    if (!(sum > 1e-280)) return null;
    for (let p = 0; p < N; p++) beta[row + p] /= sum;
  }
  const out = new Float64Array(n * N);
  for (let i = 0; i < n; i++) {
    const row = i * N;
    sum = 0;
    for (let t = 0; t < N; t++) sum += out[row + t] = alpha[row + t] * beta[row + t];
    if (!(sum > 0)) return null;
    for (let t = 0; t < N; t++) out[row + t] /= sum;
  }
  return out;
}

function marginalsLog(emit: Float64Array, n: number, trans: ArrayLike<number>, temperature: number): Float64Array {
  const N = N_TAGS;
  const inv = 1 / temperature;
  const alpha = new Float64Array(n * N);
  const beta = new Float64Array(n * N);
  const tmp = new Float64Array(N);
  for (let c = 0; c < N; c++) alpha[c] = ALLOWED[N * N + c] ? (emit[c] + trans[N * N + c]) * inv : NEG;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < N; c++) {
      for (let p = 0; p < N; p++) tmp[p] = ALLOWED[p * N + c] ? alpha[(i - 1) * N + p] + trans[p * N + c] * inv : NEG;
      alpha[i * N + c] = logSumExp(tmp, 0, N) + emit[i * N + c] * inv;
    }
  }
  for (let c = 0; c < N; c++) beta[(n - 1) * N + c] = 0;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < N; p++) {
      for (let c = 0; c < N; c++) {
        tmp[c] = ALLOWED[p * N + c] ? trans[p * N + c] * inv + emit[(i + 1) * N + c] * inv + beta[(i + 1) * N + c] : NEG;
      }
      beta[i * N + p] = logSumExp(tmp, 0, N);
    }
  }
  const z = logSumExp(alpha, (n - 1) * N, N);
  const p = new Float64Array(n * N);
  for (let k = 0; k < n * N; k++) p[k] = alpha[k] <= NEG ? 0 : Math.exp(alpha[k] + beta[k] - z);
  return p;
}
