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
export function viterbi(emit: Float64Array, n: number, trans: ArrayLike<number>, out: Int32Array = new Int32Array(n)): Int32Array {
  if (n === 0) return out;
  const N = N_TAGS;
  const delta = new Float64Array(n * N);
  const back = new Int32Array(n * N);
  for (let c = 0; c < N; c++) delta[c] = ALLOWED[N * N + c] ? emit[c] + trans[N * N + c] : NEG;
  for (let i = 1; i < n; i++) {
    const row = i * N;
    const prevRow = row - N;
    for (let c = 0; c < N; c++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < N; p++) {
        if (!ALLOWED[p * N + c]) continue;
        const s = delta[prevRow + p] + trans[p * N + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[row + c] = best + emit[row + c];
      back[row + c] = arg;
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
