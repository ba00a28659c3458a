// Features of the second (stacked) tagger: what the first tagger said about the surrounding text.
// News repeat their names, and a later mention often lacks the context that gave the first one
// away (or the other way round); a second stage that sees "this word was tagged B-PER three times
// in the nearby sentences" can learn when to trust such evidence, which the rule-based consistency
// pass cannot. The "document" is a sliding window of ±window sentences, so the same code serves a
// CoNLL stream without document breaks and a single article.
//
// Training must see first-stage tags with realistic errors: the caller tags the training data by
// jackknifing (each fold by a model trained on the others), and the tagger at run time by the
// first-stage model itself.
//
// Every feature here is a combination of a few small numbers (tags, counts, buckets), so the
// features are dense ids (0 … STACK_FEATURES - 1) rather than hashed keys: the second stage's
// weights are one small table, and the per-token work is counting in typed arrays indexed by
// interned base forms — no strings are built or hashed on the tagging path except for the rare
// multi-word phrase.
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
const N = N_TAGS;

// Dense feature ids: each template owns a block of ids, one per value combination. The layout is
// part of the model format (the weights are stored in this order), so append only.
const TAG0 = 0; // t0: 9
const TAGM1 = TAG0 + N; // t-1 (or pad): 10
const TAGP1 = TAGM1 + N + 1; // t+1 (or pad): 10
const TAGM1_TAG0 = TAGP1 + N + 1; // 10 × 9
const TAG0_TAGP1 = TAGM1_TAG0 + (N + 1) * N; // 9 × 10
const WORD_TAG = TAG0_TAGP1 + N * (N + 1); // tag × count bucket: 9 × 5
const WORD_MAJORITY = WORD_TAG + N * 5; // 9
const WORD_MAJORITY_OWN = WORD_MAJORITY + N; // majority × t0: 9 × 9
const WORD_ENTITY_SHARE = WORD_MAJORITY_OWN + N * N; // share bucket: 5
const PHRASE = WORD_ENTITY_SHARE + 5; // type × inside × count bucket: 4 × 2 × 5
const PHRASE_OWN = PHRASE + 40; // type × inside × t0: 4 × 2 × 9
const PHRASE_SHARE = PHRASE_OWN + 8 * N; // type × inside × share bucket: 4 × 2 × 5
const NO_EVIDENCE = PHRASE_SHARE + 40; // t0: 9
/** Number of stacked features (rows of the second stage's weight table). */
export const STACK_FEATURES = NO_EVIDENCE + N;

// a seed apart from the first stage's templates, so the two key sets do not collide by design
const KEY_SEED = mixStr(FNV_SEED, 'stack');
/** The hashed key under which the second stage's weight table stores stacked feature `id`. */
export const stackKey = (id: number): number => finish(mixInt(KEY_SEED, id));

const bucket = (n: number): number => (n >= 4 ? 4 : n);
/** a share in [0, 1] → 0 none, 1 under a third, 2 under two thirds, 3 most, 4 all */
const shareBucket = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 4 : x < 1 / 3 ? 1 : x < 2 / 3 ? 2 : 3);

const hasLetter = /\p{L}/u;

/** Which groups of stacked features to emit. */
export interface StackOptions {
  /** the first stage's tags of the token and its neighbours (default on) */
  ownTags?: boolean;
}

/**
 * Base forms as small integers, with what the evidence rules need to know about each: its length
 * and whether it has a letter. The tagger keeps one for its lifetime (see NerModel), so a word
 * type is looked at once, not once per occurrence.
 */
export class BaseForms {
  private readonly ids = new Map<string, number>();
  chars = new Int32Array(1024);
  letter = new Uint8Array(1024);

  get size(): number {
    return this.ids.size;
  }

  id(base: string): number {
    let id = this.ids.get(base);
    if (id === undefined) {
      id = this.ids.size;
      if (id >= this.chars.length) {
        const chars = new Int32Array(id * 2);
        chars.set(this.chars);
        this.chars = chars;
        const letter = new Uint8Array(id * 2);
        letter.set(this.letter);
        this.letter = letter;
      }
      this.ids.set(base, id);
      this.chars[id] = base.length;
      this.letter[id] = hasLetter.test(base) ? 1 : 0;
    }
    return id;
  }

  clear(): void {
    this.ids.clear();
  }
}

/** A document (or stream) for the stacked features: sentence s is tokens starts[s] … starts[s + 1] - 1. */
export interface StackInput {
  /** base-form ids (BaseForms) of all tokens */
  bases: Int32Array;
  /** first-stage tag indices of all tokens */
  tags: Int32Array;
  starts: Int32Array;
}

/**
 * Counts of first-stage evidence over a window of sentences, updated as the window slides. Kept
 * between documents (its arrays are indexed by base-form id and would be costly to allocate per
 * article); stackDocument leaves it empty again.
 */
export class StackEvidence {
  /** base id × N_TAGS: first-stage tag counts of the word */
  private words = new Int32Array(0);
  /** base id × 4: per-type counts of the word as a one-word span */
  private ones = new Int32Array(0);
  /** phrase of 2 … MAX_PHRASE base ids (joined by ',') → per-type span counts */
  private readonly phrases = new Map<string, Int32Array>();
  /** base id → longest voted phrase starting with it (an upper bound once spans leave) */
  private longest = new Uint8Array(0);
  private readonly touched: number[] = [];
  // per-sentence scratch
  ids = new Int32Array(64);
  offsets = new Int32Array(64);
  private pType = new Int8Array(64);
  private pInside = new Uint8Array(64);
  private pShare = new Uint8Array(64);
  private pCount = new Uint8Array(64);

  constructor(readonly forms: BaseForms) {}

  private fit(): void {
    const size = this.forms.size;
    if (this.longest.length >= size) return;
    const grow = <A extends Int32Array | Uint8Array>(a: A, per: number, make: (n: number) => A): A => {
      const b = make(size * 2 * per);
      b.set(a);
      return b;
    };
    this.words = grow(this.words, N, (n) => new Int32Array(n));
    this.ones = grow(this.ones, 4, (n) => new Int32Array(n));
    this.longest = grow(this.longest, 1, (n) => new Uint8Array(n));
  }

  private add(d: StackInput, s: number, sign: 1 | -1): void {
    const { bases, tags } = d;
    const from = d.starts[s];
    const to = d.starts[s + 1];
    const words = this.words;
    let named = false;
    for (let i = from; i < to; i++) {
      words[bases[i] * N + tags[i]] += sign;
      if (tags[i] !== 0) named = true;
    }
    if (!named) return;
    // the phrase votes: each span of ≤ MAX_PHRASE words, and a person's surname
    for (let i = from; i < to; i++) {
      const t = tags[i];
      if (t === 0) continue;
      // conlleval chunks: an I- after another type opens a span too
      if (isInside(t) && i > from && tags[i - 1] !== 0 && typeOf(tags[i - 1]) === typeOf(t)) continue;
      let j = i + 1;
      while (j < to && isInside(tags[j]) && typeOf(tags[j]) === typeOf(t)) j++;
      const type = typeOf(t);
      if (j - i <= MAX_PHRASE) this.vote(bases, i, j, type, sign);
      if (type === 0 && j - i >= 2) this.vote(bases, j - 1, j, 0, sign);
      i = j - 1;
    }
  }

  private vote(bases: Int32Array, from: number, to: number, type: number, sign: 1 | -1): void {
    const { chars, letter } = this.forms;
    let len = 0;
    let any = 0;
    for (let k = from; k < to; k++) {
      len += chars[bases[k]];
      any |= letter[bases[k]];
    }
    if (len < MIN_KEY_CHARS || !any) return;
    const first = bases[from];
    if (to - from === 1) {
      this.ones[first * 4 + type] += sign;
    } else {
      const k = phraseKey(bases, from, to);
      let c = this.phrases.get(k);
      if (!c) this.phrases.set(k, (c = new Int32Array(4)));
      c[type] += sign;
      if (sign < 0 && c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 0) this.phrases.delete(k);
    }
    if (sign > 0 && this.longest[first] < to - from) {
      if (this.longest[first] === 0) this.touched.push(first);
      this.longest[first] = to - from;
    }
  }

  /** the per-type counts of a phrase: v[at … at + 4), or at = -1 */
  private phrase(bases: Int32Array, from: number, to: number): number {
    if (to - from === 1) {
      this.v = this.ones;
      return bases[from] * 4;
    }
    const c = this.phrases.get(phraseKey(bases, from, to));
    if (!c) return -1;
    this.v = c;
    return 0;
  }
  private v: Int32Array = new Int32Array(0);

  /**
   * Stacked features of every sentence of one document: `visit(s, n)` is called for each
   * sentence in order, with the feature ids of its token i in this.ids[this.offsets[i] …
   * this.offsets[i + 1]) (overwritten by the next call). Evidence about a token comes from the
   * other sentences within ±window, never from its own sentence, so a jackknifed training tag
   * and a run-time tag play the same role.
   */
  stackDocument(d: StackInput, window: number, opts: StackOptions, visit: (s: number, n: number) => void): void {
    this.fit();
    const S = d.starts.length - 1;
    // window [s - window, s + window], own sentence excluded by subtracting it while it is read
    for (let s = 0; s <= Math.min(window, S - 1); s++) this.add(d, s, 1);
    for (let s = 0; s < S; s++) {
      if (s > 0) {
        const enter = s + window;
        const leave = s - window - 1;
        if (enter < S) this.add(d, enter, 1);
        if (leave >= 0) this.add(d, leave, -1);
      }
      this.add(d, s, -1);
      this.sentence(d, s, opts.ownTags ?? true);
      visit(s, d.starts[s + 1] - d.starts[s]);
      this.add(d, s, 1);
    }
    // empty again for the next document
    for (let s = Math.max(0, S - window - 1); s < S; s++) this.add(d, s, -1);
    for (const b of this.touched) this.longest[b] = 0;
    this.touched.length = 0;
  }

  private sentence(d: StackInput, s: number, ownTags: boolean): void {
    const { bases, tags } = d;
    const from = d.starts[s];
    const n = d.starts[s + 1] - from;
    if (this.pType.length < n) {
      this.pType = new Int8Array(n * 2);
      this.pInside = new Uint8Array(n * 2);
      this.pShare = new Uint8Array(n * 2);
      this.pCount = new Uint8Array(n * 2);
      this.offsets = new Int32Array(n * 2 + 1);
    }
    // at most 19 features a token (5 own-tag, 8 word-tag, 3 word, 3 phrase)
    if (this.ids.length < n * 19) this.ids = new Int32Array(n * 38);
    const { pType, pInside, pShare, pCount, ids, offsets, words } = this;
    const { chars, letter } = this.forms;
    // phrase matches: greedy longest-first, left to right, as the consistency pass reads them
    pType.fill(-1, 0, n);
    for (let i = 0; i < n; i++) {
      const max = this.longest[bases[from + i]];
      if (max === 0) continue;
      for (let len = Math.min(max, n - i); len >= 1; len--) {
        const at = this.phrase(bases, from + i, from + i + len);
        if (at < 0) continue;
        const v = this.v;
        let best = -1;
        let total = 0;
        for (let t = 0; t < 4; t++) {
          total += v[at + t];
          if (v[at + t] > 0 && (best < 0 || v[at + t] > v[at + best])) best = t;
        }
        if (best < 0) continue;
        // how often the words were tagged at all: a word tagged once among many O's is weak evidence
        const w = bases[from + i] * N;
        let seen = 0;
        for (let t = 0; t < N; t++) seen += words[w + t];
        for (let k = i; k < i + len; k++) {
          pType[k] = best;
          pInside[k] = k > i ? 1 : 0;
          pShare[k] = shareBucket(seen > 0 ? total / seen : 1);
          pCount[k] = bucket(v[at + best]);
        }
        i += len - 1;
        break;
      }
    }
    let o = 0;
    offsets[0] = 0;
    for (let i = 0; i < n; i++) {
      const t0 = tags[from + i];
      if (ownTags) {
        const tm1 = i > 0 ? tags[from + i - 1] : PAD_TAG;
        const tp1 = i + 1 < n ? tags[from + i + 1] : PAD_TAG;
        ids[o++] = TAG0 + t0;
        ids[o++] = TAGM1 + tm1;
        ids[o++] = TAGP1 + tp1;
        ids[o++] = TAGM1_TAG0 + tm1 * N + t0;
        ids[o++] = TAG0_TAGP1 + t0 * (N + 1) + tp1;
      }
      const b = bases[from + i];
      let total = 0;
      let major = 0;
      if (chars[b] >= 2 && letter[b]) {
        const w = b * N;
        for (let t = 0; t < N; t++) {
          const c = words[w + t];
          total += c;
          if (c > words[w + major]) major = t;
          if (t > 0 && c > 0) ids[o++] = WORD_TAG + t * 5 + bucket(c);
        }
        if (total > 0) {
          ids[o++] = WORD_MAJORITY + major;
          if (ownTags) ids[o++] = WORD_MAJORITY_OWN + major * N + t0;
          ids[o++] = WORD_ENTITY_SHARE + shareBucket((total - words[w]) / total);
        }
      }
      if (pType[i] >= 0) {
        const p = pType[i] * 2 + pInside[i];
        ids[o++] = PHRASE + p * 5 + pCount[i];
        if (ownTags) ids[o++] = PHRASE_OWN + p * N + t0;
        ids[o++] = PHRASE_SHARE + p * 5 + pShare[i];
      } else if (total === 0 && ownTags) {
        ids[o++] = NO_EVIDENCE + t0;
      }
      offsets[i + 1] = o;
    }
  }
}

function phraseKey(bases: Int32Array, from: number, to: number): string {
  let k = String(bases[from]);
  for (let i = from + 1; i < to; i++) k += ',' + bases[i];
  return k;
}

/** Per sentence, the stacked feature ids of each token: ids[offsets[i] .. offsets[i + 1]). */
export interface StackedFeatures {
  ids: Int32Array;
  offsets: Int32Array;
}

/**
 * Stacked features of every sentence of one document (or stream), copied out: `bases` are the
 * tokens' base forms (consistencyKey's words), `tags` the first stage's tag indices. For training
 * and tests; the tagger runs StackEvidence.stackDocument on its own buffers.
 */
export function stackedFeatures(bases: readonly (readonly string[])[], tags: readonly ArrayLike<number>[], window = STACK_WINDOW, opts: StackOptions = {}): StackedFeatures[] {
  const forms = new BaseForms();
  const input = flatten(bases.map((b) => Int32Array.from(b, (x) => forms.id(x))), tags);
  const ev = new StackEvidence(forms);
  const out: StackedFeatures[] = [];
  ev.stackDocument(input, window, opts, (_s, n) => {
    out.push({ ids: ev.ids.slice(0, ev.offsets[n]), offsets: ev.offsets.slice(0, n + 1) });
  });
  return out;
}

/** Sentences' base ids and tags as one StackInput. */
export function flatten(bases: readonly Int32Array[], tags: readonly ArrayLike<number>[]): StackInput {
  const starts = new Int32Array(bases.length + 1);
  for (let s = 0; s < bases.length; s++) starts[s + 1] = starts[s] + bases[s].length;
  const all = new Int32Array(starts[bases.length]);
  const t = new Int32Array(starts[bases.length]);
  for (let s = 0; s < bases.length; s++) {
    all.set(bases[s], starts[s]);
    t.set(tags[s], starts[s]);
  }
  return { bases: all, tags: t, starts };
}
