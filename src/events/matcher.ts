// Finds lexicon phrases in a token stream. Each word of a phrase is matched against every
// candidate form of a token (normalised, proclitics stripped), so one data entry such as هجوم
// covers وهجوم، بالهجوم، للهجوم; a trailing * in the data matches any ending.
import { LayerToken, PROCLITICS_BY_FIRST, type TextView } from './text-view.js';

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
/** The number of the token being read (0 until one of its forms has candidates). */
let mark = 0;

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
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.punct) continue;
      mark = 0;
      if (!(tok instanceof LayerToken) || !tok.ar) {
        const forms = tok.forms;
        for (let f = 0; f < forms.length; f++) this.scanForm(forms[f], view, i, outs);
        continue;
      }
      // an Arabic token of the text layer: its forms (arabicForms, then the base) without building
      // them — a stripped form is cut out of the word only when the filters let it through
      const norm = tok.norm;
      const base = tok.base;
      let baseSeen = base === norm;
      this.scanForm(norm, view, i, outs);
      const k0 = norm.charCodeAt(0) - 0x600;
      const ps = k0 >= 0 && k0 < 0x100 ? PROCLITICS_BY_FIRST[k0] : undefined;
      if (ps !== undefined) {
        for (let j = 0; j < ps.length; j++) {
          const p = ps[j];
          const o = p.length;
          const len = norm.length - o;
          if (len < 2 || !norm.startsWith(p)) continue;
          if (!baseSeen && base.length === len && norm.endsWith(base)) baseSeen = true;
          if (this.mayMatchAt(norm, o)) this.scanForm(norm.slice(o), view, i, outs);
        }
      }
      if (base && !baseSeen) this.scanForm(base, view, i, outs);
    }
    return outs;
  }

  /** Whether scanForm(s.slice(o)) can find anything: the same filter tests, on the rest in place (at least 2 code units). */
  private mayMatchAt(s: string, o: number): boolean {
    const n = s.length - o;
    const hk = Math.imul((s.charCodeAt(o) * 31 + s.charCodeAt(o + 1)) * 31 + s.charCodeAt(s.length - 1) * 7 + n, 0x9e3779b1) >>> 17;
    if (hasBit(this.headFilter, hk)) return true;
    if (n >= 4) {
      const pk = Math.imul(((s.charCodeAt(o) * 31 + s.charCodeAt(o + 1)) * 31 + s.charCodeAt(o + 2)) * 31 + s.charCodeAt(o + 3), 0x9e3779b1) >>> 17;
      if (hasBit(this.prefixFilter, pk)) return true;
    }
    return this.shortPrefixFirst.size > 0 && this.shortPrefixFirst.has(s.charCodeAt(o));
  }

  /** The phrases of every matcher that start at token i with this form of it, after those found already. */
  private scanForm(form: string, view: TextView, i: number, outs: Hit<unknown>[][]): void {
    const e = form.length === 0 || hasBit(this.headFilter, filterKey(form)) ? this.heads.get(form) : undefined;
    const c = form.charCodeAt(0);
    // a prefix pattern can match only a word that begins with its first four code units (or its first, when shorter)
    const pre =
      c !== c ? this.prefixEmpty : (form.length >= 4 && hasBit(this.prefixFilter, prefixKey(form))) || (this.shortPrefixFirst.size > 0 && this.shortPrefixFirst.has(c));
    if (e === undefined && !pre) return;
    if (mark === 0) mark = ++stamp;
    for (let k = 0; k < this.matchers.length; k++) {
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
