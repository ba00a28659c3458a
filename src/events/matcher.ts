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
  private prefixed = new Map<string, Phrase<T>[]>();
  private prefixLengths: number[] = [];
  /** phrases whose first word can match a form, memoised: news vocabulary repeats a lot */
  private heads = new Map<string, Phrase<T>[]>();

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
    const table = head.prefix ? this.prefixed : this.exact;
    const list = table.get(head.form) ?? [];
    list.push({ words, value });
    table.set(head.form, list);
    this.heads.clear();
    if (head.prefix && !this.prefixLengths.includes(head.form.length)) {
      this.prefixLengths.push(head.form.length);
      this.prefixLengths.sort((a, b) => a - b);
    }
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
      const list = this.headsOf(form);
      if (list.length === 0) continue;
      seen ??= new Set();
      this.collect(list, view, i, seen, out);
    }
  }

  private headsOf(form: string): Phrase<T>[] {
    let list = this.heads.get(form);
    if (list) return list;
    list = [...(this.exact.get(form) ?? [])];
    for (const n of this.prefixLengths) {
      if (form.length < n) break;
      list.push(...(this.prefixed.get(form.slice(0, n)) ?? []));
    }
    // bounded so that memory stays flat over any number of articles
    if (this.heads.size > 200_000) this.heads.clear();
    this.heads.set(form, list);
    return list;
  }

  /** All hits over a token range, longest first at each start. */
  findAll(view: TextView, from = 0, to = view.tokens.length): Hit<T>[] {
    const out: Hit<T>[] = [];
    for (let i = from; i < to; i++) this.matchAt(view, i, out);
    return out;
  }

  private collect(list: Phrase<T>[] | undefined, view: TextView, i: number, seen: Set<Phrase<T>>, out: Hit<T>[]): void {
    if (!list) return;
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

function wordMatches(w: WordPattern, forms: string[]): boolean {
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
