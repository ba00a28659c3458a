// Features of the second (stacked) tagger: what the first tagger said about the surrounding text.
// News repeat their names, and a later mention often lacks the context that gave the first one
// away (or the other way round); a second perceptron that sees "this word was tagged B-PER three
// times in the nearby sentences" can learn when to trust such evidence, which the rule-based
// consistency pass cannot. The "document" is a sliding window of ±window sentences, so the same
// code serves a CoNLL stream without document breaks and a single article.
//
// Training must see first-stage tags with realistic errors: the caller tags the training data by
// jackknifing (each fold by a model trained on the others), and the tagger at run time by the
// first-stage model itself.
import { FNV_SEED, finish, mixInt, mixStr } from './hash.js';
import { N_TAGS, isInside, typeOf } from './tags.js';

/** Sentences either side that count as the token's document. */
export const STACK_WINDOW = 20;
/** Longest phrase whose first-stage type is looked up elsewhere. */
const MAX_PHRASE = 4;
/** Phrase keys shorter than this (letters, all words together) are too ambiguous to vote. */
const MIN_KEY_CHARS = 3;
/** Stand-in tag for positions outside the sentence. */
const PAD_TAG = N_TAGS;

// template ids of the stacked features; their numbers are part of the model format, so append only
const enum S {
  Tag0 = 1, Tagm1, Tagp1, Tagm1Tag0, Tag0Tagp1, WordTag, WordMajority, WordMajorityOwn, WordEntityShare,
  Phrase, PhraseOwn, PhraseShare, NoEvidence,
}

const SH: Int32Array = (() => {
  const a = new Int32Array(32);
  // a seed apart from the first stage's templates, so the two key sets do not collide by design
  const seed = mixStr(FNV_SEED, 'stack');
  for (let t = 0; t < a.length; t++) a[t] = mixInt(seed, t);
  return a;
})();

const key1 = (t: S, a: number) => finish(mixInt(SH[t], a));
const key2 = (t: S, a: number, b: number) => finish(mixInt(mixInt(SH[t], a), b));
const key3 = (t: S, a: number, b: number, c: number) => finish(mixInt(mixInt(mixInt(SH[t], a), b), c));

const bucket = (n: number): number => (n >= 4 ? 4 : n);
/** a share in [0, 1] → 0 none, 1 under a third, 2 under two thirds, 3 most, 4 all */
const shareBucket = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 4 : x < 1 / 3 ? 1 : x < 2 / 3 ? 2 : 3);

const hasLetter = /\p{L}/u;

/** Per sentence, the stacked keys of each token: keys[offsets[i] .. offsets[i + 1]). */
export interface StackedFeatures {
  keys: Uint32Array;
  offsets: Int32Array;
}

/** Counts of first-stage evidence over a window of sentences, updated as the window slides. */
class Evidence {
  /** base form → first-stage tag counts (N_TAGS) */
  readonly words = new Map<string, Int32Array>();
  /** phrase key → per-type span counts (4), from spans of ≤ MAX_PHRASE words and PER surnames */
  readonly phrases = new Map<string, Int32Array>();
  /** first word of a phrase → longest voted phrase starting with it (an upper bound once spans leave) */
  readonly longest = new Map<string, number>();

  add(bases: readonly string[], tags: ArrayLike<number>, sign: 1 | -1): void {
    for (let i = 0; i < bases.length; i++) {
      let c = this.words.get(bases[i]);
      if (!c) this.words.set(bases[i], (c = new Int32Array(N_TAGS)));
      c[tags[i]] += sign;
      // forget words that left the window, so memory follows the window, not the stream
      if (sign < 0 && c.every((x) => x === 0)) this.words.delete(bases[i]);
    }
    forEachVote(bases, tags, (k, first, len, type) => {
      let c = this.phrases.get(k);
      if (!c) this.phrases.set(k, (c = new Int32Array(4)));
      c[type] += sign;
      if (sign < 0 && c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 0) this.phrases.delete(k);
      if (sign > 0 && (this.longest.get(first) ?? 0) < len) this.longest.set(first, len);
    });
  }
}

/** The phrase votes of one sentence: each span of ≤ MAX_PHRASE words, and a person's surname. */
function forEachVote(bases: readonly string[], tags: ArrayLike<number>, fn: (key: string, first: string, len: number, type: number) => void): void {
  const n = bases.length;
  const vote = (from: number, to: number, type: number) => {
    const k = bases.slice(from, to).join(' ');
    if (k.length - (to - from - 1) < MIN_KEY_CHARS || !hasLetter.test(k)) return;
    fn(k, bases[from], to - from, type);
  };
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === 0) continue;
    // conlleval chunks: an I- after another type opens a span too
    if (isInside(t) && i > 0 && tags[i - 1] !== 0 && typeOf(tags[i - 1]) === typeOf(t)) continue;
    let j = i + 1;
    while (j < n && isInside(tags[j]) && typeOf(tags[j]) === typeOf(t)) j++;
    const type = typeOf(t);
    if (j - i <= MAX_PHRASE) vote(i, j, type);
    if (type === 0 && j - i >= 2) vote(j - 1, j, 0);
    i = j - 1;
  }
}

/**
 * Stacked features of every sentence of one document (or stream): `bases` are the tokens' base
 * forms (consistencyKey's words), `tags` the first stage's tag indices. Evidence about a token
 * comes from the other sentences within ±window, never from its own sentence, so a jackknifed
 * training tag and a run-time tag play the same role.
 */
export function stackedFeatures(bases: readonly (readonly string[])[], tags: readonly ArrayLike<number>[], window = STACK_WINDOW, opts: StackOptions = {}): StackedFeatures[] {
  const ev = new Evidence();
  const out: StackedFeatures[] = [];
  const S_ = bases.length;
  // window [s - window, s + window], own sentence excluded by subtracting it while it is read
  for (let s = 0; s <= Math.min(window, S_ - 1); s++) ev.add(bases[s], tags[s], 1);
  for (let s = 0; s < S_; s++) {
    if (s > 0) {
      const enter = s + window;
      const leave = s - window - 1;
      if (enter < S_) ev.add(bases[enter], tags[enter], 1);
      if (leave >= 0) ev.add(bases[leave], tags[leave], -1);
    }
    ev.add(bases[s], tags[s], -1);
    out.push(sentenceKeys(bases[s], tags[s], ev, opts));
    ev.add(bases[s], tags[s], 1);
  }
  return out;
}

/** Which groups of stacked features to emit. */
export interface StackOptions {
  /** the first stage's tags of the token and its neighbours (default on) */
  ownTags?: boolean;
}

function sentenceKeys(bases: readonly string[], tags: ArrayLike<number>, ev: Evidence, opts: StackOptions): StackedFeatures {
  const ownTags = opts.ownTags ?? true;
  const n = bases.length;
  const keys: number[] = [];
  const offsets = new Int32Array(n + 1);
  // phrase matches: greedy longest-first, left to right, as the consistency pass reads them
  const phraseType = new Int8Array(n).fill(-1);
  const phraseInside = new Uint8Array(n);
  const phraseShare = new Uint8Array(n);
  const phraseCount = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const max = ev.longest.get(bases[i]);
    if (max === undefined) continue;
    for (let len = Math.min(max, n - i); len >= 1; len--) {
      const v = ev.phrases.get(len === 1 ? bases[i] : bases.slice(i, i + len).join(' '));
      if (!v) continue;
      let best = -1;
      let total = 0;
      for (let t = 0; t < 4; t++) {
        total += v[t];
        if (v[t] > 0 && (best < 0 || v[t] > v[best])) best = t;
      }
      if (best < 0) continue;
      // how often the words were tagged at all: a word tagged once among many O's is weak evidence
      const w = ev.words.get(bases[i]);
      let seen = 0;
      if (w) for (let t = 0; t < N_TAGS; t++) seen += w[t];
      for (let k = i; k < i + len; k++) {
        phraseType[k] = best;
        phraseInside[k] = k > i ? 1 : 0;
        phraseShare[k] = shareBucket(seen > 0 ? total / seen : 1);
        phraseCount[k] = bucket(v[best]);
      }
      i += len - 1;
      break;
    }
  }
  for (let i = 0; i < n; i++) {
    const t0 = tags[i];
    const tm1 = i > 0 ? tags[i - 1] : PAD_TAG;
    const tp1 = i + 1 < n ? tags[i + 1] : PAD_TAG;
    if (ownTags) {
      keys.push(key1(S.Tag0, t0), key1(S.Tagm1, tm1), key1(S.Tagp1, tp1));
      keys.push(key2(S.Tagm1Tag0, tm1, t0), key2(S.Tag0Tagp1, t0, tp1));
    }
    const w = bases[i].length >= 2 && hasLetter.test(bases[i]) ? ev.words.get(bases[i]) : undefined;
    let total = 0;
    let major = 0;
    if (w) {
      for (let t = 0; t < N_TAGS; t++) {
        total += w[t];
        if (w[t] > w[major]) major = t;
        if (t > 0 && w[t] > 0) keys.push(key2(S.WordTag, t, bucket(w[t])));
      }
    }
    if (total > 0) {
      keys.push(key1(S.WordMajority, major));
      if (ownTags) keys.push(key2(S.WordMajorityOwn, major, t0));
      keys.push(key1(S.WordEntityShare, shareBucket((total - w![0]) / total)));
    }
    if (phraseType[i] >= 0) {
      const p = phraseType[i];
      keys.push(key3(S.Phrase, p, phraseInside[i], phraseCount[i]));
      if (ownTags) keys.push(key3(S.PhraseOwn, p, phraseInside[i], t0));
      keys.push(key3(S.PhraseShare, p, phraseInside[i], phraseShare[i]));
    } else if (total === 0 && ownTags) {
      keys.push(key1(S.NoEvidence, t0));
    }
    offsets[i + 1] = keys.length;
  }
  return { keys: Uint32Array.from(keys), offsets };
}
