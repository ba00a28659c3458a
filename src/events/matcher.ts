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
    const p: Phrase<T> = { words, value };
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

/** Phrases of one matcher already found at the current token (a handful at most: a plain array). */
function collectInto<T>(list: Phrase<T>[], view: TextView, i: number, seen: Phrase<T>[], out: Hit<T>[]): void {
  for (let k = 0; k < list.length; k++) {
    const p = list[k];
    if (seen.length > 0 && seen.includes(p)) continue;
    const last = p.words.length === 1 ? i : matchRest(p.words, view, i);
    if (last >= 0) {
      seen.push(p);
      out.push({ first: i, last, value: p.value });
    }
  }
}

/**
 * Several matchers in one pass over the tokens: each candidate form is looked up once in a table
 * of the first words of all their phrases. Each matcher's hits are exactly what its own findAll
 * gives, in the same order.
 */
export class MultiMatcher {
  /** whole first words → the phrases of each matcher (by matcher index) that start with them */
  private heads = new Map<string, (Phrase<unknown>[] | undefined)[]>();
  /** first code units of prefix patterns, any matcher */
  private prefixFirst = new Uint8Array(65536);
  private prefixNaN = false;

  constructor(private matchers: readonly PhraseMatcher<unknown>[]) {
    matchers.forEach((m, k) => {
      for (const [form, list] of m.exact) {
        let e = this.heads.get(form);
        if (!e) this.heads.set(form, (e = matchers.map(() => undefined)));
        e[k] = list;
      }
      for (const key of m.prefixed.keys()) {
        if (Number.isNaN(key)) this.prefixNaN = true;
        else this.prefixFirst[key] = 1;
      }
    });
  }

  /** The hits of every matcher over the whole view, one list per matcher, each in token order. */
  findAll(view: TextView): Hit<unknown>[][] {
    const n = this.matchers.length;
    const outs: Hit<unknown>[][] = [];
    const seen: Phrase<unknown>[][] = [];
    for (let k = 0; k < n; k++) {
      outs.push([]);
      seen.push([]);
    }
    const tokens = view.tokens;
    const heads = this.heads;
    const prefixFirst = this.prefixFirst;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.punct) continue;
      const forms = tok.forms;
      let fresh = false;
      for (let f = 0; f < forms.length; f++) {
        const form = forms[f];
        const e = heads.get(form);
        const c = form.charCodeAt(0);
        const pre = c === c ? prefixFirst[c] === 1 : this.prefixNaN;
        if (e === undefined && !pre) continue;
        if (!fresh) {
          for (let k = 0; k < n; k++) seen[k].length = 0;
          fresh = true;
        }
        for (let k = 0; k < n; k++) {
          if (e !== undefined) {
            const list = e[k];
            if (list !== undefined) collectInto(list, view, i, seen[k], outs[k]);
          }
          if (!pre) continue;
          const groups = this.matchers[k].prefixed.get(c);
          if (groups === undefined) continue;
          for (const g of groups) {
            if (g.form.length > form.length) break;
            if (form.startsWith(g.form)) collectInto(g.phrases, view, i, seen[k], outs[k]);
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
