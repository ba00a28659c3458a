// Finds lexicon phrases in a token stream. Each word of a phrase is matched against every
// candidate form of a token (normalised, proclitics stripped), so one data entry such as هجوم
// covers وهجوم، بالهجوم، للهجوم; a trailing * in the data matches any ending.
import type { TextView } from './text-view.js';

interface WordPattern {
  form: string;
  prefix: boolean;
}

export interface Phrase<T> {
  words: WordPattern[];
  value: T;
  /** MultiMatcher's mark: the pass number of the token at which the phrase was last found */
  stamp: number;
}

export interface Hit<T> {
  /** first and last token index, inclusive */
  first: number;
  last: number;
  value: T;
}

export interface PrefixGroup<T> {
  form: string;
  phrases: Phrase<T>[];
}

export class PhraseMatcher<T> {
  /** phrases by their first word, when it is a whole word */
  readonly exact = new Map<string, Phrase<T>[]>();
  /** phrases whose first word is a prefix pattern, by the pattern's first code unit, shortest pattern first */
  readonly prefixed = new Map<number, PrefixGroup<T>[]>();

  constructor(private normalize: (s: string) => string) {}

  add(phrase: string, value: T): void {
    const words = phrase
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => {
        const prefix = w.endsWith('*');
        return { form: this.normalize(prefix ? w.slice(0, -1) : w), prefix };
      });
    if (words.length === 0) return;
    const head = words[0];
    const p: Phrase<T> = { words, value, stamp: 0 };
    if (!head.prefix) {
      const list = this.exact.get(head.form) ?? [];
      list.push(p);
      this.exact.set(head.form, list);
      return;
    }
    const key = head.form.charCodeAt(0);
    const groups = this.prefixed.get(key) ?? [];
    let g = groups.find((x) => x.form === head.form);
    if (!g) {
      g = { form: head.form, phrases: [] };
      groups.push(g);
      // stable: equal lengths keep their order of addition
      groups.sort((a, b) => a.form.length - b.form.length);
    }
    g.phrases.push(p);
    this.prefixed.set(key, groups);
  }

  addAll(phrases: readonly string[], value: T): void {
    for (const p of phrases) this.add(p, value);
  }

  /** Every phrase that starts at token `i`; later words may skip punctuation tokens. */
  matchAt(view: TextView, i: number, out: Hit<T>[]): void {
    const tok = view.tokens[i];
    if (tok.punct) return;
    let seen: Set<Phrase<T>> | null = null;
    for (const form of tok.forms) {
      // exact heads first, then prefix patterns from the shortest: no allocation for the many words that match nothing
      const list = this.exact.get(form);
      if (list) this.collect(list, view, i, (seen ??= new Set()), out);
      const groups = this.prefixed.get(form.charCodeAt(0));
      if (!groups) continue;
      for (const g of groups) {
        if (g.form.length > form.length) break;
        if (form.startsWith(g.form)) this.collect(g.phrases, view, i, (seen ??= new Set()), out);
      }
    }
  }

  /** All hits over a token range, in token order. */
  findAll(view: TextView, from = 0, to = view.tokens.length): Hit<T>[] {
    const out: Hit<T>[] = [];
    for (let i = from; i < to; i++) this.matchAt(view, i, out);
    return out;
  }

  private collect(list: Phrase<T>[], view: TextView, i: number, seen: Set<Phrase<T>>, out: Hit<T>[]): void {
    for (const p of list) {
      if (seen.has(p)) continue;
      const last = matchRest(p.words, view, i);
      if (last >= 0) {
        seen.add(p);
        out.push({ first: i, last, value: p.value });
      }
    }
  }
}

/** Numbers the tokens MultiMatcher looks at, across calls: a phrase found at a token carries its number. */
let stamp = 0;

/** The phrases of the list found at token i that were not found there already (through another form). */
function collectInto<T>(list: Phrase<T>[], view: TextView, i: number, mark: number, out: Hit<T>[]): void {
  for (let k = 0; k < list.length; k++) {
    const p = list[k];
    if (p.stamp === mark) continue;
    const last = p.words.length === 1 ? i : matchRest(p.words, view, i);
    if (last >= 0) {
      p.stamp = mark;
      out.push({ first: i, last, value: p.value });
    }
  }
}

/** A cheap filter over whole words (first two and last code units, length): 2^15 slots. */
const FILTER_SIZE = 1 << 15;
function filterKey(form: string): number {
  const n = form.length;
  return Math.imul((form.charCodeAt(0) * 31 + form.charCodeAt(1 % n)) * 31 + form.charCodeAt(n - 1) * 7 + n, 0x9e3779b1) >>> 17;
}

const setBit = (bits: Int32Array, k: number) => {
  bits[k >>> 5] |= 1 << (k & 31);
};
const hasBit = (bits: Int32Array, k: number) => (bits[k >>> 5] & (1 << (k & 31))) !== 0;

/** Filter key of the first four code units of a word (four at least). */
function prefixKey(form: string): number {
  return Math.imul(((form.charCodeAt(0) * 31 + form.charCodeAt(1)) * 31 + form.charCodeAt(2)) * 31 + form.charCodeAt(3), 0x9e3779b1) >>> 17;
}

/**
 * Several matchers in one pass over the tokens: each candidate form is looked up once in a table
 * of the first words of all their phrases. Each matcher's hits are exactly what its own findAll
 * gives, in the same order.
 */
export class MultiMatcher {
  /** whole first words → the phrases of each matcher (by matcher index) that start with them */
  private heads = new Map<string, (Phrase<unknown>[] | undefined)[]>();
  /** bits set for the filter keys of the whole first words: most words of a text skip the table (4 KB: stays in cache) */
  private headFilter = new Int32Array(FILTER_SIZE >>> 5);
  /** bits set for the filter keys of the first four code units of prefix patterns (all but the short ones) */
  private prefixFilter = new Int32Array(FILTER_SIZE >>> 5);
  /** first code units of prefix patterns shorter than four: any word with one may match */
  private shortPrefixFirst = new Set<number>();
  /** an empty prefix pattern (a bare * in the data) */
  private prefixEmpty = false;

  constructor(private matchers: readonly PhraseMatcher<unknown>[]) {
    matchers.forEach((m, k) => {
      for (const [form, list] of m.exact) {
        let e = this.heads.get(form);
        if (!e) this.heads.set(form, (e = matchers.map(() => undefined)));
        e[k] = list;
        if (form.length > 0) setBit(this.headFilter, filterKey(form));
      }
      for (const [key, groups] of m.prefixed) {
        if (Number.isNaN(key)) this.prefixEmpty = true;
        for (const g of groups) {
          if (g.form.length >= 4) setBit(this.prefixFilter, prefixKey(g.form));
          else if (g.form.length > 0) this.shortPrefixFirst.add(key);
        }
      }
    });
  }

  /** The hits of every matcher over the whole view, one list per matcher, each in token order. */
  findAll(view: TextView): Hit<unknown>[][] {
    const n = this.matchers.length;
    const outs: Hit<unknown>[][] = [];
    for (let k = 0; k < n; k++) outs.push([]);
    const tokens = view.tokens;
    const heads = this.heads;
    const headFilter = this.headFilter;
    const prefixFilter = this.prefixFilter;
    const shortPrefixFirst = this.shortPrefixFirst.size > 0 ? this.shortPrefixFirst : null;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.punct) continue;
      const forms = tok.forms;
      let mark = 0;
      for (let f = 0; f < forms.length; f++) {
        const form = forms[f];
        const e = form.length === 0 || hasBit(headFilter, filterKey(form)) ? heads.get(form) : undefined;
        const c = form.charCodeAt(0);
        // a prefix pattern can match only a word that begins with its first four code units (or its first, when shorter)
        const pre = c !== c ? this.prefixEmpty : (form.length >= 4 && hasBit(prefixFilter, prefixKey(form))) || (shortPrefixFirst !== null && shortPrefixFirst.has(c));
        if (e === undefined && !pre) continue;
        if (mark === 0) mark = ++stamp;
        for (let k = 0; k < n; k++) {
          if (e !== undefined) {
            const list = e[k];
            if (list !== undefined) collectInto(list, view, i, mark, outs[k]);
          }
          if (!pre) continue;
          const groups = this.matchers[k].prefixed.get(c);
          if (groups === undefined) continue;
          for (let g = 0; g < groups.length; g++) {
            const group = groups[g];
            if (group.form.length > form.length) break;
            if (form.startsWith(group.form)) collectInto(group.phrases, view, i, mark, outs[k]);
          }
        }
      }
    }
    return outs;
  }
}

function wordMatches(w: WordPattern, forms: readonly string[]): boolean {
  for (const f of forms) if (w.prefix ? f.startsWith(w.form) : f === w.form) return true;
  return false;
}

/** Index of the last token of the phrase, or -1; stays within the unit of token `i`. */
function matchRest(words: WordPattern[], view: TextView, i: number): number {
  const unit = view.tokens[i].unit;
  let j = i;
  for (let k = 1; k < words.length; k++) {
    j++;
    while (j < view.tokens.length && view.tokens[j].punct && view.tokens[j].unit === unit && k > 0) j++;
    const t = view.tokens[j];
    if (!t || t.unit !== unit || !wordMatches(words[k], t.forms)) return -1;
  }
  return j;
}
