// Feature extraction for the sequence tagger: each token gets a list of hashed feature keys
// (forms, affixes, shape, ±2 context, word clusters and their hierarchy, gazetteer membership). Hashing keeps the model a flat table and lets the same code serve training and
// tagging.
//
// Most features read one word only: the token's own forms, or a neighbour's forms seen from the
// token (the previous word's form, the next word's cluster…). Those are computed once per word
// type, grouped by the role the word plays (itself, i-1, i+1, i-2, i+2), so that at run time the
// model can cache each type's summed weights per role and only the few features that combine two
// words, or depend on the sentence (gazetteer phrases, position), are hashed per token.
import { FNV_SEED, finish as finishH, mixInt as mixIntH, mixStr as mixStrH } from './hash.js';
import { Gazetteer } from './gazetteer.js';
import { englishBase, featureNorm, stripProclitics, wordShape } from './word-forms.js';

export type ModelLang = 'ar' | 'en';

// module-local bindings: imported functions are called through the module namespace on every use
// under tsx, which shows on the per-token path
const finish = finishH;
const mixInt = mixIntH;
const mixStr = mixStrH;
const SEED = FNV_SEED;

export interface FeatureResources {
  lang: ModelLang;
  /** word form → fine cluster id (Arabic: learned from unlabelled news) */
  clusters: Map<string, number>;
  /** fine cluster id → coarse cluster id */
  coarse: ArrayLike<number>;
  /** fine cluster id → bit path in the merge tree of the clusters (empty: no hierarchy features) */
  paths?: readonly string[];
  gazetteer: Gazetteer;
}

/** Roles a word type plays for a token: itself, then the neighbours at -1, +1, -2, +2. */
export const ROLES = 5;
export const SELF = 0;
export const PREV = 1;
export const NEXT = 2;
export const PREV2 = 3;
export const NEXT2 = 4;

/** What the features need to know about one word type besides its keys; computed once per type. */
export interface WordCore {
  norm: string;
  base: string;
  fine: number;
  /** unfinished hashes of norm, base and shape, combined into two-word features */
  hNorm: number;
  hBase: number;
  hShape: number;
  /** English: starts with a capital */
  cap: boolean;
  /** gazetteer phrases that start with this word (Gazetteer.startsOf) */
  gazStart: Int32Array | undefined;
}

/** A word type with its keys in each role: keys[roleOff[r] .. roleOff[r + 1]). */
export interface WordInfo extends WordCore {
  keys: Uint32Array;
  roleOff: Int32Array;
}

/** Reusable output of wordKeys: the keys of the last word in keys[0 .. n), by role as in WordInfo. */
export interface KeyScratch {
  keys: Uint32Array;
  n: number;
  roleOff: Int32Array;
}

export function keyScratch(): KeyScratch {
  return { keys: new Uint32Array(128), n: 0, roleOff: new Int32Array(ROLES + 1) };
}

// template ids; their numbers are part of the model format, so append only. Trig* (classes of
// trigger words: titles, organisation and place head nouns) and Quote* (a word's place inside
// « … ») were measured neutral on the dev split and removed; their ids stay taken.
const enum T {
  Bias = 1, W0, B0, Wm1, Wp1, Wm2, Wp2, Bm1, Bp1, Bm1B0, B0Bp1, Pre0, Pre1, Pfx, Sfx, Len, Shape0,
  Shapem1, Shapep1, Cf0, Cc0, Cfm1, Cfp1, Ccm1, Ccp1, Ccm2, Ccp2, CfNone, Gaz0, Gazm1, Gazp1, First,
  CapFirst, AllCaps, Sfxp1, Prem1, Cf0Cfp1, Shape0Shapep1, Wm1Shape0, Surface0, Last,
  Path0, Pathm1, Pathp1, Trig0, Trigm1, Trigm2, Trigp1, Quote0, QuoteShape0,
}

/** Path prefix lengths used as features (Brown-style: a shorter path is used whole). */
const PATH_PREFIXES = [2, 4, 6, 8, 10, 13, 16];
/** For neighbours, the coarser prefixes only. */
const PATH_PREFIXES_CTX = [4, 8];

const PAD = '<s>';
const PAD_END = '</s>';

/** mixInt(SEED, template id) for every template: the common start of each feature's hash */
const TH: Int32Array = (() => {
  const a = new Int32Array(64);
  for (let t = 0; t < a.length; t++) a[t] = mixInt(SEED, t);
  return a;
})();

const hashStr = (s: string) => mixStr(SEED, s);
const strKey = (t: T, s: string) => finish(mixStr(TH[t], s));
const intKey = (t: T, v: number) => finish(mixInt(TH[t], v));
const int2Key = (t: T, a: number, b: number) => finish(mixInt(mixInt(TH[t], a), b));

/** Keys of the gazetteer features: list l's code (1 first word, 2 inside) at the token, before it, after it. */
export const gazKey = (at: -1 | 0 | 1, l: number, code: number): number => intKey(at === 0 ? T.Gaz0 : at < 0 ? T.Gazm1 : T.Gazp1, l * 4 + code);
/** Key of the sentence-initial feature, and of an English capital (1 sentence-initial, 2 elsewhere). */
export const FIRST_KEY = finish(TH[T.First]);
export const capKey = (where: 1 | 2): number => intKey(T.CapFirst, where);

/** Keys of the two-word features, from the words' unfinished hashes (see contextFeatures). */
export const bm1b0Key = (prevBase: number, base: number) => int2Key(T.Bm1B0, prevBase, base);
export const b0bp1Key = (base: number, nextBase: number) => int2Key(T.B0Bp1, base, nextBase);
export const shapeBigramKey = (shape: number, nextShape: number) => int2Key(T.Shape0Shapep1, shape, nextShape);
export const wm1Shape0Key = (prevNorm: number, shape: number) => int2Key(T.Wm1Shape0, prevNorm, shape);
export const clusterBigramKey = (fine: number, nextFine: number) => int2Key(T.Cf0Cfp1, fine, nextFine);

function put(s: KeyScratch, key: number): void {
  if (s.n === s.keys.length) {
    const grown = new Uint32Array(s.keys.length * 2);
    grown.set(s.keys);
    s.keys = grown;
  }
  s.keys[s.n++] = key;
}

function pathKeys(s: KeyScratch, t: T, path: string, lengths: readonly number[]): void {
  let last = -1;
  for (const len of lengths) {
    const l = Math.min(len, path.length);
    if (l === last) break;
    last = l;
    put(s, finish(mixStr(mixInt(TH[t], len), path, 0, l)));
  }
}

/** Template ids of the features a word gives as the token's neighbour at -1 or +1. */
interface NeighbourTemplates { w: T; b: T; pre: T; sfx: T | 0; shape: T; cf: T; cc: T; path: T }
const PREV_TEMPLATES: NeighbourTemplates = { w: T.Wm1, b: T.Bm1, pre: T.Prem1, sfx: 0, shape: T.Shapem1, cf: T.Cfm1, cc: T.Ccm1, path: T.Pathm1 };
const NEXT_TEMPLATES: NeighbourTemplates = { w: T.Wp1, b: T.Bp1, pre: T.Pre1, sfx: T.Sfxp1, shape: T.Shapep1, cf: T.Cfp1, cc: T.Ccp1, path: T.Pathp1 };

// the next word adds its base's last two letters; otherwise both neighbours share one template set
function neighbourKeys(s: KeyScratch, t: NeighbourTemplates, pad: number, norm: string, base: string, prefixes: string, shape: string, fine: number, coarse: number, path: string): void {
  put(s, strKey(t.w, norm));
  put(s, strKey(t.b, base));
  if (!pad) {
    put(s, strKey(t.pre, prefixes));
    if (t.sfx && base.length > 2) put(s, finish(mixStr(TH[t.sfx], base, base.length - 2)));
  }
  put(s, strKey(t.shape, shape));
  put(s, intKey(t.cf, fine));
  put(s, intKey(t.cc, coarse));
  if (path) pathKeys(s, t.path, path, PATH_PREFIXES_CTX);
}

/**
 * The features of one word type in every role (a pad word for positions outside the sentence):
 * the keys go to `s` (overwritten by the next call), the rest is returned.
 */
export function wordKeys(surface: string, res: FeatureResources, pad: 0 | 1 | 2, s: KeyScratch): WordCore {
  let norm: string;
  let base: string;
  let prefixes = '';
  let shape: string;
  let fine: number;
  let coarse: number;
  if (pad) {
    norm = base = shape = pad === 1 ? PAD : PAD_END;
    fine = coarse = pad === 1 ? -2 : -3;
  } else {
    norm = featureNorm(surface);
    base = norm;
    if (res.lang === 'ar') {
      const st = stripProclitics(norm);
      base = st.base;
      prefixes = st.prefixes;
    } else {
      base = englishBase(norm);
    }
    shape = wordShape(surface);
    // the full form's cluster is more specific; the base's covers unseen clitic combinations
    fine = res.clusters.get(norm) ?? res.clusters.get(base) ?? -1;
    coarse = fine >= 0 ? res.coarse[fine] : -1;
  }
  const path = fine >= 0 && res.paths && res.paths.length > fine ? res.paths[fine] : '';
  s.n = 0;
  const roleOff = s.roleOff;
  roleOff[SELF] = 0;

  // SELF
  if (!pad) {
    put(s, finish(TH[T.Bias]));
    put(s, strKey(T.W0, norm));
    if (base !== norm) put(s, strKey(T.B0, base));
    put(s, strKey(T.Pre0, prefixes));
    // affixes of the base: nisba endings (ي، يه، ون) mark adjectives, and name morphology shows in both ends
    for (let k = 1; k <= 4 && k < base.length; k++) {
      put(s, finish(mixStr(mixInt(TH[T.Pfx], k), base, 0, k)));
      put(s, finish(mixStr(mixInt(TH[T.Sfx], k), base, base.length - k)));
    }
    put(s, intKey(T.Len, Math.min(base.length, 10)));
    put(s, strKey(T.Shape0, shape));
    if (fine >= 0) {
      put(s, intKey(T.Cf0, fine));
      put(s, intKey(T.Cc0, coarse));
      if (path) pathKeys(s, T.Path0, path, PATH_PREFIXES);
    } else {
      put(s, strKey(T.CfNone, shape));
    }
    if (res.lang === 'en') {
      put(s, strKey(T.Surface0, surface));
      if (surface.length > 1 && surface === surface.toUpperCase() && surface !== surface.toLowerCase()) put(s, intKey(T.AllCaps, 1));
    }
  }
  roleOff[PREV] = s.n;
  neighbourKeys(s, PREV_TEMPLATES, pad, norm, base, prefixes, shape, fine, coarse, path);
  roleOff[NEXT] = s.n;
  neighbourKeys(s, NEXT_TEMPLATES, pad, norm, base, prefixes, shape, fine, coarse, path);
  roleOff[PREV2] = s.n;
  put(s, strKey(T.Wm2, norm));
  put(s, intKey(T.Ccm2, coarse));
  roleOff[NEXT2] = s.n;
  put(s, strKey(T.Wp2, norm));
  put(s, intKey(T.Ccp2, coarse));
  roleOff[ROLES] = s.n;

  const cap = !pad && res.lang === 'en' && surface.length > 0 && surface[0] >= 'A' && surface[0] <= 'Z';
  return { norm, base, fine, hNorm: hashStr(norm), hBase: hashStr(base), hShape: hashStr(shape), cap, gazStart: pad ? undefined : res.gazetteer.startsOf(base) };
}

const sharedScratch = keyScratch();

/** The features of one word type in every role (a pad word for positions outside the sentence). */
export function wordInfo(surface: string, res: FeatureResources, pad: 0 | 1 | 2 = 0): WordInfo {
  const core = wordKeys(surface, res, pad, sharedScratch);
  return { ...core, keys: sharedScratch.keys.slice(0, sharedScratch.n), roleOff: sharedScratch.roleOff.slice() };
}

/** The pad words for positions before and after the sentence, per resources. */
export function padInfos(res: FeatureResources): [WordInfo, WordInfo] {
  return [wordInfo('', res, 1), wordInfo('', res, 2)];
}

/**
 * Append the features of token i that combine two words or depend on the sentence: form and shape
 * bigrams, cluster bigram, gazetteer phrase membership (gaz[l * n + i], see Gazetteer.match) and
 * position. `words` are the tokens' infos, `pads` the pad words.
 */
export function contextFeatures(words: readonly WordInfo[], pads: readonly [WordInfo, WordInfo], gaz: Uint8Array, lists: number, i: number, out: number[], twoWord = true): void {
  const n = words.length;
  const w = words[i];
  const prev = i > 0 ? words[i - 1] : pads[0];
  const next = i + 1 < n ? words[i + 1] : pads[1];
  if (twoWord) {
    out.push(bm1b0Key(prev.hBase, w.hBase));
    out.push(b0bp1Key(w.hBase, next.hBase));
    out.push(shapeBigramKey(w.hShape, next.hShape));
    out.push(wm1Shape0Key(prev.hNorm, w.hShape));
    if (w.fine >= 0) out.push(clusterBigramKey(w.fine, next.fine));
  }
  for (let l = 0; l < lists; l++) {
    const o = l * n + i;
    const g = gaz[o];
    if (g) out.push(gazKey(0, l, g));
    if (i > 0 && gaz[o - 1]) out.push(gazKey(-1, l, gaz[o - 1]));
    if (i + 1 < n && gaz[o + 1]) out.push(gazKey(1, l, gaz[o + 1]));
  }
  if (i === 0) out.push(FIRST_KEY);
  // capitalisation is the strongest English name cue, but sentence-initial capitals say little
  if (w.cap) out.push(capKey(i === 0 ? 1 : 2));
}

/** Gazetteer codes of a sentence from its word infos. */
export function gazetteerCodes(words: readonly WordInfo[], res: FeatureResources): Uint8Array {
  const n = words.length;
  const codes = new Uint8Array(n * res.gazetteer.lists.length);
  let any = false;
  for (let i = 0; i < n && !any; i++) any = words[i].gazStart !== undefined;
  if (any) res.gazetteer.match(words.map((w) => w.base), codes, words.map((w) => w.gazStart));
  return codes;
}

/** All features of a sentence, flattened: keys of token i are keys[offsets[i] .. offsets[i+1]). */
export function sentenceFeatures(tokens: readonly string[], res: FeatureResources, twoWord = true): { keys: Uint32Array; offsets: Int32Array } {
  const n = tokens.length;
  const words = tokens.map((t) => wordInfo(t, res));
  const pads = padInfos(res);
  const gaz = gazetteerCodes(words, res);
  const lists = res.gazetteer.lists.length;
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  const role = (w: WordInfo, r: number) => {
    for (let k = w.roleOff[r]; k < w.roleOff[r + 1]; k++) out.push(w.keys[k]);
  };
  for (let i = 0; i < n; i++) {
    role(words[i], SELF);
    role(i > 0 ? words[i - 1] : pads[0], PREV);
    role(i + 1 < n ? words[i + 1] : pads[1], NEXT);
    role(i > 1 ? words[i - 2] : pads[0], PREV2);
    role(i + 2 < n ? words[i + 2] : pads[1], NEXT2);
    contextFeatures(words, pads, gaz, lists, i, out, twoWord);
    offsets[i + 1] = out.length;
  }
  return { keys: Uint32Array.from(out), offsets };
}
