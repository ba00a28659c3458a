// Finds lexicon phrases in a token stream. Each word of a phrase is matched against every
// candidate form of a token (normalised, proclitics stripped), so one data entry such as هجوم
// covers وهجوم، بالهجوم، للهجوم; a trailing * in the data matches any ending.
import type { TextView } from './text-view.js';

interface WordPattern {
  form: string;
  prefix: boolean;
}

interface Phrase<T> {
  words: WordPattern[];
  value: T;
}

export interface Hit<T> {
  /** first and last token index, inclusive */
  first: number;
  last: number;
  value: T;
}

export class PhraseMatcher<T> {
  private exact = new Map<string, Phrase<T>[]>();
  /** phrases whose first word is a prefix pattern, by the pattern's first code unit, shortest pattern first */
  private prefixed = new Map<number, { form: string; phrases: Phrase<T>[] }[]>();

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
