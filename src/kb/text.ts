// Name normalisation and the "atom" stream the knowledge base matches over: maximal runs of
// letters or digits with their exact spans, so that «داعش», إم.آي5 and ISIS-K all line up with
// the way aliases are written in the data files.
import { foldChar } from '../lang/ar/normalize.js';
import type { Document } from '../core/types.js';

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Separators that end a name: a name never runs across these (a dot inside إم.آي5 does not). */
const HARD_BREAK = /[،؛؟!?;:\n\r]|[.,]\s|\s[-–—]\s/;

export function isArabic(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

/** Fold Arabic (alef, ya, ta marbuta, diacritics, tatweel, digits) and lower-case Latin, strip Latin accents. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD')) {
    if (/\p{M}/u.test(ch) && !isArabic(ch)) continue; // Latin combining accents: Trípoli → tripoli
    out += foldChar(ch);
  }
  return out.replace(/[‘’ʼʻ`´']/g, '');
}

/** The tokens of a name as written in a data file or a query: folded letter/digit runs. */
export function nameAtoms(name: string): string[] {
  return fold(name).match(/[\p{L}\p{N}]+/gu)?.map(splitScripts).flat() ?? [];
}

/** "آي5" → ["اي", "5"]: letters and digits, Arabic and Latin, are separate atoms. */
function splitScripts(run: string): string[] {
  return run.match(/\p{N}+|[\u0600-\u06FF]+|[^\p{N}\u0600-\u06FF]+/gu) ?? [run];
}

/** One letter-or-digit run of the document text. */
export interface Atom {
  /** as written */
  text: string;
  start: number;
  end: number;
  /** folded form */
  norm: string;
  /** clitic-stripped forms the tokenizer (or we) proposed, norm first */
  forms: string[];
  /** true when a hard separator (comma, colon, newline…) lies between this atom and the previous */
  breakBefore: boolean;
  /** Latin atom that starts with an upper-case letter */
  capital: boolean;
  /** Latin atom written all in capitals (ISIS, ISIL) */
  upper: boolean;
}

/** Arabic proclitics, longest first; a form is kept only while ≥ 2 letters remain. */
const PROCLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** The folded word and its plausible clitic-stripped variants (a superset: matching decides). */
export function cliticForms(norm: string, extra?: string): string[] {
  const forms = [norm];
  if (extra && !forms.includes(extra)) forms.push(extra);
  if (isArabic(norm)) {
    for (const p of PROCLITICS) {
      if (norm.startsWith(p) && norm.length - p.length >= 2) {
        const f = norm.slice(p.length);
        if (!forms.includes(f)) forms.push(f);
      }
    }
  }
  return forms;
}

/** The atom stream of a document: from doc.tokens when the segmenter ran, else from the raw text. */
export function atomize(doc: Pick<Document, 'text' | 'tokens'>): Atom[] {
  const text = doc.text;
  const spans: Array<{ start: number; end: number; base?: string }> = [];
  if (doc.tokens.length > 0) {
    for (const t of doc.tokens) {
      if (t.kind === 'word' || t.kind === 'number' || t.kind === 'other') spans.push({ start: t.start, end: t.end, base: t.base });
    }
  } else {
    for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  const atoms: Atom[] = [];
  let prevEnd = 0;
  for (const sp of spans) {
    // a token may still hold mixed runs (إم.آي5): split into letter/digit atoms
    const piece = text.slice(sp.start, sp.end);
    for (const m of piece.matchAll(/\p{N}+|[\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]+|[\p{L}\p{M}]+/gu)) {
      const start = sp.start + m.index;
      const end = start + m[0].length;
      const raw = m[0];
      const norm = fold(raw);
      if (!norm || !LETTER_OR_DIGIT.test(norm)) continue;
      const between = text.slice(prevEnd, start);
      const baseForm = sp.base && raw === piece ? sp.base : undefined;
      atoms.push({
        text: raw,
        start,
        end,
        norm,
        forms: cliticForms(norm, baseForm),
        breakBefore: atoms.length === 0 || HARD_BREAK.test(between),
        capital: /^\p{Lu}/u.test(raw),
        upper: /^[\p{Lu}\p{N}]+$/u.test(raw) && /\p{Lu}/u.test(raw),
      });
      prevEnd = end;
    }
  }
  return atoms;
}

/** Where the name starts inside its first atom: after a proclitic (بلندن → لندن), never inside the article. */
export function startAfterClitic(atom: Atom, form: string): number {
  if (form === atom.norm || !atom.norm.endsWith(form)) return atom.start;
  const prefix = atom.norm.length - form.length;
  let folded = 0;
  for (let i = 0; i < atom.text.length; i++) {
    if (folded >= prefix) return atom.start + i;
    folded += fold(atom.text[i]).length;
  }
  return atom.start;
}
