// Text folding shared by both backends: the exact-duplicate hash, the text that goes into the
// full-text index, query terms, and snippets mapped back onto the stored (unfolded) text. Both the
// index and the query go through normalizeWord, so diacritics, alef forms, ta marbuta and Eastern
// digits never decide whether a search matches.
import { createHash } from 'node:crypto';
import { normalize, normalizeWord, toOriginal } from '../lang/ar/normalize.js';
import { MarsadError } from '../core/errors.js';

const WORD = /[\p{L}\p{N}]+/gu;
// Longest first. Only the article and its common carriers: stripping single letters such as ب or ف
// would turn بغداد into غداد; و is kept because "and" is glued to nearly every noun and verb.
const PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و'];
const MIN_STEM = 3;

export function words(text: string): string[] {
  return normalizeWord(text).match(WORD) ?? [];
}

/** The word without a leading article or conjunction, or the word itself when too short to strip. */
export function stripProclitic(word: string): string {
  for (const p of PROCLITICS) {
    if (word.startsWith(p) && word.length - p.length >= MIN_STEM) return word.slice(p.length);
  }
  return word;
}

/** sha256 of the normalised words: copies differing only in diacritics, spacing or punctuation collide. */
export function contentHash(text: string): string {
  return hashWords(words(text));
}

function hashWords(ws: string[]): string {
  return createHash('sha256').update(ws.join(' ')).digest('hex');
}

/** The indexed form of a text: normalised words, then the clitic-stripped variants that differ,
 * so "الهجوم" and "والهجوم" are both found by "هجوم". */
export function indexText(text: string): string {
  return indexWords(words(text));
}

function indexWords(ws: string[]): string {
  const extra = new Set<string>();
  for (const w of ws) {
    const s = stripProclitic(w);
    if (s !== w) extra.add(s);
  }
  return extra.size ? ws.join(' ') + ' ' + [...extra].join(' ') : ws.join(' ');
}

/** The words a search ranks by (see the PostgreSQL search): the first `n` words of a text, indexed
 * like indexText (clitic-stripped variants included), so a lead is small enough to rank in place. */
export function leadText(text: string, n: number): string {
  const ws = words(text);
  return indexWords(ws.length > n ? ws.slice(0, n) : ws);
}

/** What a store keeps of a document's text, from one normalisation pass: the exact-duplicate hash,
 * the full-text form (indexText) and, when `leadWords` > 0, the lead (leadText). */
export function textForms(text: string, leadWords = 0): { hash: string; index: string; lead: string } {
  const ws = words(text);
  return {
    hash: hashWords(ws),
    index: indexWords(ws),
    lead: leadWords > 0 ? indexWords(ws.length > leadWords ? ws.slice(0, leadWords) : ws) : '',
  };
}

export interface QueryTerm {
  /** the normalised word and its stripped form (one or two entries); a document needs one of them */
  forms: string[];
  prefix: boolean;
}

/** Split a user query into terms; all terms must match. Throws E_USAGE when nothing is left. */
export function queryTerms(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const m of normalizeWord(q).matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) {
    const w = m[1];
    const s = stripProclitic(w);
    terms.push({ forms: s === w ? [w] : [w, s], prefix: m[2] === '*' });
  }
  if (terms.length === 0) throw new MarsadError('E_USAGE', 'the search query has no words');
  return terms;
}

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;
const BEFORE = 60;
const AFTER = 160;

/** An excerpt of `text` around the first match of any term, matches in [ ]; offsets are found on the
 * normalised copy and mapped back, so the excerpt shows the text as stored, diacritics and all. */
export function snippet(text: string, terms: QueryTerm[]): string {
  const n = normalize(text);
  const forms = terms.flatMap((t) => t.forms).sort((a, b) => b.length - a.length);
  const hits: Array<{ start: number; end: number }> = [];
  for (const f of forms) {
    let from = 0;
    for (;;) {
      const i = n.text.indexOf(f, from);
      if (i < 0) break;
      from = i + f.length;
      // extend to the end of the word so "هجوم" highlights "هجومه" whole
      let end = from;
      while (end < n.text.length && /[\p{L}\p{N}]/u.test(n.text[end])) end++;
      let start = i;
      while (start > 0 && /[\p{L}\p{N}]/u.test(n.text[start - 1])) start--;
      const o = toOriginal(n, start, end);
      // the map ends at the last kept letter: take the word's trailing diacritics too
      while (o.end < text.length && MARKS.test(text[o.end])) o.end++;
      if (!hits.some((h) => o.start < h.end && o.end > h.start)) hits.push(o);
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const first = hits[0]?.start ?? 0;
  let from = Math.max(0, first - BEFORE);
  let to = Math.min(text.length, first + AFTER);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  let out = '';
  let at = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    out += text.slice(at, h.start) + '[' + text.slice(h.start, h.end) + ']';
    at = h.end;
  }
  out += text.slice(at, to);
  return (from > 0 ? '…' : '') + out.replace(/\s+/g, ' ').trim() + (to < text.length ? '…' : '');
}
