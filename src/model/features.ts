// Feature extraction for the sequence tagger: each token gets a list of hashed feature keys
// (forms, affixes, shape, ±2 context, word clusters, gazetteer membership). Hashing keeps the
// model a flat table and lets the same code serve training and tagging.
import { FNV_SEED, finish, mixInt, mixStr } from './hash.js';
import { Gazetteer } from './gazetteer.js';
import { featureNorm, stripProclitics, wordShape } from './word-forms.js';

export type ModelLang = 'ar' | 'en';

export interface FeatureResources {
  lang: ModelLang;
  /** word form → fine cluster id (Arabic: learned from unlabelled news) */
  clusters: Map<string, number>;
  /** fine cluster id → coarse cluster id */
  coarse: ArrayLike<number>;
  gazetteer: Gazetteer;
}

/** Per-sentence working arrays, reused across calls to avoid garbage on the hot path. */
export interface SentenceForms {
  norm: string[];
  base: string[];
  prefixes: string[];
  shape: string[];
  fine: number[];
  coarse: number[];
  gaz: Uint8Array;
}

// template ids; their numbers are part of the model format, so append only
const enum T {
  Bias = 1, W0, B0, Wm1, Wp1, Wm2, Wp2, Bm1, Bp1, Bm1B0, B0Bp1, Pre0, Pre1, Pfx, Sfx, Len, Shape0,
  Shapem1, Shapep1, Cf0, Cc0, Cfm1, Cfp1, Ccm1, Ccp1, Ccm2, Ccp2, CfNone, Gaz0, Gazm1, Gazp1, First,
  CapFirst, AllCaps, Sfxp1, Prem1, Cf0Cfp1, Shape0Shapep1, Wm1Shape0, Surface0, Last,
}

const PAD = '<s>';
const PAD_END = '</s>';

export function computeForms(tokens: readonly string[], res: FeatureResources): SentenceForms {
  const n = tokens.length;
  const forms: SentenceForms = {
    norm: new Array(n), base: new Array(n), prefixes: new Array(n), shape: new Array(n),
    fine: new Array(n), coarse: new Array(n), gaz: new Uint8Array(n * res.gazetteer.lists.length),
  };
  for (let i = 0; i < n; i++) {
    const norm = featureNorm(tokens[i]);
    let base = norm;
    let prefixes = '';
    if (res.lang === 'ar') {
      const s = stripProclitics(norm);
      base = s.base;
      prefixes = s.prefixes;
    }
    forms.norm[i] = norm;
    forms.base[i] = base;
    forms.prefixes[i] = prefixes;
    forms.shape[i] = wordShape(tokens[i]);
    // the full form's cluster is more specific; the base's covers unseen clitic combinations
    const c = res.clusters.get(norm) ?? res.clusters.get(base) ?? -1;
    forms.fine[i] = c;
    forms.coarse[i] = c >= 0 ? res.coarse[c] : -1;
  }
  res.gazetteer.match(forms.base, forms.gaz);
  return forms;
}

const str = (out: number[], t: T, s: string) => out.push(finish(mixStr(mixInt(FNV_SEED, t), s)));
const str2 = (out: number[], t: T, a: string, b: string) =>
  out.push(finish(mixStr(mixInt(mixStr(mixInt(FNV_SEED, t), a), 0x7c), b)));
const int = (out: number[], t: T, v: number) => out.push(finish(mixInt(mixInt(FNV_SEED, t), v)));

/**
 * Append the hashed features of token i to `out` (a plain array, reused); returns the count.
 * Each key is template id + value, hashed; conjunctions hash both values with a separator.
 */
export function tokenFeatures(tokens: readonly string[], f: SentenceForms, i: number, res: FeatureResources, out: number[]): number {
  const n = tokens.length;
  const start = out.length;
  const word = (k: number, arr: string[]) => (k < 0 ? PAD : k >= n ? PAD_END : arr[k]);

  const w = f.norm[i];
  const b = f.base[i];
  out.push(finish(mixInt(FNV_SEED, T.Bias)));
  str(out, T.W0, w);
  if (b !== w) str(out, T.B0, b);
  str(out, T.Wm1, word(i - 1, f.norm));
  str(out, T.Wp1, word(i + 1, f.norm));
  str(out, T.Wm2, word(i - 2, f.norm));
  str(out, T.Wp2, word(i + 2, f.norm));
  str(out, T.Bm1, word(i - 1, f.base));
  str(out, T.Bp1, word(i + 1, f.base));
  str2(out, T.Bm1B0, word(i - 1, f.base), b);
  str2(out, T.B0Bp1, b, word(i + 1, f.base));
  str(out, T.Pre0, f.prefixes[i]);
  if (i > 0) str(out, T.Prem1, f.prefixes[i - 1]);
  if (i + 1 < n) str(out, T.Pre1, f.prefixes[i + 1]);
  // affixes of the base: nisba endings (ي، يه، ون) mark adjectives, and name morphology shows in both ends
  for (let k = 1; k <= 4 && k < b.length; k++) {
    out.push(finish(mixStr(mixInt(mixInt(FNV_SEED, T.Pfx), k), b, 0, k)));
    out.push(finish(mixStr(mixInt(mixInt(FNV_SEED, T.Sfx), k), b, b.length - k)));
  }
  if (i + 1 < n) {
    const nb = f.base[i + 1];
    if (nb.length > 2) out.push(finish(mixStr(mixInt(FNV_SEED, T.Sfxp1), nb, nb.length - 2)));
  }
  int(out, T.Len, Math.min(b.length, 10));
  str(out, T.Shape0, f.shape[i]);
  str(out, T.Shapem1, i > 0 ? f.shape[i - 1] : PAD);
  str(out, T.Shapep1, i + 1 < n ? f.shape[i + 1] : PAD_END);
  str2(out, T.Shape0Shapep1, f.shape[i], i + 1 < n ? f.shape[i + 1] : PAD_END);
  str2(out, T.Wm1Shape0, word(i - 1, f.norm), f.shape[i]);
  const cl = (k: number, arr: number[]) => (k < 0 ? -2 : k >= n ? -3 : arr[k]);
  if (f.fine[i] >= 0) {
    int(out, T.Cf0, f.fine[i]);
    int(out, T.Cc0, f.coarse[i]);
    out.push(finish(mixInt(mixInt(mixInt(FNV_SEED, T.Cf0Cfp1), f.fine[i]), cl(i + 1, f.fine))));
  } else {
    str(out, T.CfNone, f.shape[i]);
  }
  int(out, T.Cfm1, cl(i - 1, f.fine));
  int(out, T.Cfp1, cl(i + 1, f.fine));
  int(out, T.Ccm1, cl(i - 1, f.coarse));
  int(out, T.Ccp1, cl(i + 1, f.coarse));
  int(out, T.Ccm2, cl(i - 2, f.coarse));
  int(out, T.Ccp2, cl(i + 2, f.coarse));
  const lists = res.gazetteer.lists.length;
  for (let l = 0; l < lists; l++) {
    const g = f.gaz[l * n + i];
    if (g) int(out, T.Gaz0, l * 4 + g);
    if (i > 0 && f.gaz[l * n + i - 1]) int(out, T.Gazm1, l * 4 + f.gaz[l * n + i - 1]);
    if (i + 1 < n && f.gaz[l * n + i + 1]) int(out, T.Gazp1, l * 4 + f.gaz[l * n + i + 1]);
  }
  if (i === 0) out.push(finish(mixInt(FNV_SEED, T.First)));
  if (res.lang === 'en') {
    // capitalisation is the strongest English name cue, but sentence-initial capitals say little
    const s = tokens[i];
    str(out, T.Surface0, s);
    const cap = s.length > 0 && s[0] >= 'A' && s[0] <= 'Z';
    if (cap) int(out, T.CapFirst, i === 0 ? 1 : 2);
    if (s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase()) int(out, T.AllCaps, 1);
  }
  return out.length - start;
}

/** All features of a sentence, flattened: keys of token i are keys[offsets[i] .. offsets[i+1]). */
export function sentenceFeatures(tokens: readonly string[], res: FeatureResources): { keys: Uint32Array; offsets: Int32Array } {
  const forms = computeForms(tokens, res);
  const out: number[] = [];
  const offsets = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    tokenFeatures(tokens, forms, i, res, out);
    offsets[i + 1] = out.length;
  }
  return { keys: Uint32Array.from(out), offsets };
}
