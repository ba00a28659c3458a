// Name normalisation and the "atom" stream the knowledge base matches over: maximal runs of
// letters or digits with their exact spans, so that «داعش», إم.آي5 and ISIS-K all line up with
// the way aliases are written in the data files.
import { foldChar } from '../lang/ar/normalize.js';
import { stringFromCodes } from '../lang/codes.js';
import { DROP, FOLD } from '../lang/fold.js';
import type { Document } from '../core/types.js';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Separators that end a name: a name never runs across these (a dot inside إم.آي5 does not). */
const HARD_BREAK = /[،؛؟!?;:\n\r]|[.,]\s|\s[-–—]\s/;

export function isArabic(s: string): boolean {
  // the letters U+0621–U+064A, U+0671–U+06D3, U+06FA–U+06FF; a loop, as this runs per token form
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x06ff && (c <= 0x064a || (c >= 0x0671 && c <= 0x06d3) || c >= 0x06fa)) return true;
  }
  return false;
}

const MARK = /\p{M}/u;
const APOSTROPHES = /[‘’ʼʻ`´']/g;

/** Fold Arabic (alef, ya, ta marbuta, diacritics, tatweel, digits) and lower-case Latin, strip Latin accents. */
export function fold(s: string): string {
  // fold is the hottest function of linking: a per-code-unit table gives the same result without
  // normalising the whole string (see UNIT); surrogate pairs take the general path
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = KEEPS[c];
    if (k === 1) continue;
    if (k === 0 && learnUnit(c)) continue;
    break;
  }
  if (i === s.length) return s; // nothing folds: no new string
  if (s.length > FOLD_BUF.length >> 2) return foldAppending(s, i);
  // the folded code units go to a buffer, made into one flat string at the end (appending to a
  // string unit by unit would build a chain of partial strings)
  let n = 0;
  for (let k = 0; k < i; k++) FOLD_BUF[n++] = s.charCodeAt(k);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return foldSlow(s);
    if (KEEPS[c] === 0) learnUnit(c);
    const u = UNIT[c]!;
    if (n + u.length > FOLD_BUF.length) return foldAppending(s, 0);
    for (let j = 0; j < u.length; j++) FOLD_BUF[n++] = u.charCodeAt(j);
  }
  return stringFromCodes(FOLD_BUF, n);
}

/** fold for long strings, from the first code unit that changes. */
function foldAppending(s: string, i: number): string {
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return foldSlow(s);
    if (KEEPS[c] === 0) learnUnit(c);
    out += UNIT[c]!;
  }
  return out;
}

const FOLD_BUF = new Uint16Array(256);

/**
 * The folded form of each BMP code unit, learnt on first sight. Folding a string equals folding its
 * code units one by one: NFD decomposes each character on its own, canonical reordering only moves
 * combining marks, and every combining mark is dropped. KEEPS[c]: 0 not yet seen, 1 folds to itself,
 * 2 changes (or is half of a surrogate pair, which only the general path handles).
 */
const UNIT: Array<string | undefined> = [];
const KEEPS = new Uint8Array(0x10000);

function learnUnit(c: number): boolean {
  const ch = String.fromCharCode(c);
  const surrogate = c >= 0xd800 && c <= 0xdfff;
  const f = surrogate ? ch : foldSlow(ch);
  UNIT[c] = f;
  KEEPS[c] = !surrogate && f === ch ? 1 : 2;
  return KEEPS[c] === 1;
}

function foldSlow(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD')) {
    if (MARK.test(ch) && !isArabic(ch)) continue; // Latin combining accents: Trípoli → tripoli
    out += foldChar(ch);
  }
  return out.replace(APOSTROPHES, '');
}

/** The tokens of a name as written in a data file or a query: folded letter/digit runs. */
export function nameAtoms(name: string): string[] {
  const runs = fold(name).match(LETTER_DIGIT_RUNS);
  if (!runs) return [];
  const out: string[] = [];
  for (const run of runs) {
    if (singleScript(run)) out.push(run);
    else for (const part of splitScripts(run)) out.push(part);
  }
  return out;
}

const LETTER_DIGIT_RUNS = /[\p{L}\p{N}]+/gu;

/** A run of basic Arabic letters only, or of ASCII letters only: splitScripts would return it whole. */
function singleScript(run: string): boolean {
  const c0 = run.charCodeAt(0);
  const arabic = c0 >= 0x0621 && c0 <= 0x064a;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (arabic ? !(c >= 0x0621 && c <= 0x064a) : !((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return false;
  }
  return true;
}

/** "آي5" → ["اي", "5"]: letters and digits, Arabic and Latin, are separate atoms. */
function splitScripts(run: string): string[] {
  return run.match(/\p{N}+|[\u0600-\u06FF]+|[^\p{N}\u0600-\u06FF]+/gu) ?? [run];
}

/** One letter-or-digit run of the document text. */
export class Atom {
  constructor(
    /** as written */
    readonly text: string,
    readonly start: number,
    readonly end: number,
    /** folded form */
    readonly norm: string,
    /** the tokenizer's clitic-stripped form, when it proposed one */
    readonly base: string | undefined,
    /** true when a hard separator (comma, colon, newline…) lies between this atom and the previous */
    readonly breakBefore: boolean,
    /** Latin atom that starts with an upper-case letter */
    readonly capital: boolean,
    /** Latin atom written all in capitals (ISIS, ISIL) */
    readonly upper: boolean,
  ) {}

  private formsMemo: string[] | undefined = undefined;
  private strippedMemo = -1;

  /** strippedMask(norm), computed once */
  get stripped(): number {
    return this.strippedMemo >= 0 ? this.strippedMemo : (this.strippedMemo = strippedMask(this.norm));
  }

  /**
   * Clitic-stripped forms the tokenizer (or we) proposed, norm first. Made on first use: most atoms
   * are answered from norm, base and `stripped` without the list.
   */
  get forms(): string[] {
    return (this.formsMemo ??= cliticForms(this.norm, this.base));
  }
}

/**
 * Arabic proclitics, longest first; a form is kept only while ≥ 2 letters remain. ك ("like") only
 * with the article: alone it is rare before a name, and many names start with the letter (كريم
 * is not ريم, a spelling of Rome).
 */
const PROCLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

/** PROCLITICS grouped by first letter (indexed by its code unit), in their order (a word can only start with one group). */
const PROCLITICS_BY_FIRST: Array<string[] | undefined> = [];
for (const p of PROCLITICS) (PROCLITICS_BY_FIRST[p.charCodeAt(0)] ??= []).push(p);

/**
 * The lengths of the proclitics cliticForms strips from `norm`, as a bit mask: bit L-1 set when
 * norm.slice(L) is one of its forms (proclitics are 1 to 4 letters long).
 */
export function strippedMask(norm: string): number {
  const candidates = PROCLITICS_BY_FIRST[norm.charCodeAt(0)];
  if (!candidates || !isArabic(norm)) return 0;
  let mask = 0;
  for (const p of candidates) if (norm.length - p.length >= 2 && norm.startsWith(p)) mask |= 1 << (p.length - 1);
  return mask;
}

/** Scratch list for cliticForms: the result is copied out at its exact length (most words have one
 * or two forms, and a list grown by push would keep room for many more). */
const FORMS: string[] = [];

/** The folded word and its plausible clitic-stripped variants (a superset: matching decides). */
export function cliticForms(norm: string, extra?: string): string[] {
  const x = extra && extra !== norm ? extra : undefined;
  const candidates = PROCLITICS_BY_FIRST[norm.charCodeAt(0)];
  if (!candidates || !isArabic(norm)) return x === undefined ? [norm] : [norm, x];
  let n = 0;
  FORMS[n++] = norm;
  if (x !== undefined) FORMS[n++] = x;
  for (const p of candidates) {
    if (norm.length - p.length >= 2 && norm.startsWith(p)) {
      const f = norm.slice(p.length);
      let seen = false;
      for (let k = 0; k < n && !seen; k++) seen = FORMS[k] === f;
      if (!seen) FORMS[n++] = f;
    }
  }
  if (n === 1) return [norm];
  const out = FORMS.slice(0, n);
  FORMS.length = 0;
  return out;
}

/** The atom stream of a document: from doc.tokens when the segmenter ran, else from the raw text. */
export function atomize(doc: Pick<Document, 'text' | 'tokens'>): Atom[] {
  const text = doc.text;
  const atoms: Atom[] = [];
  let prevEnd = 0;
  const addSpan = (spStart: number, spEnd: number, base: string | undefined, tokenNorm: string | undefined) => {
    const piece = text.slice(spStart, spEnd);
    // most tokens are one run of Arabic letters, Latin letters or digits: no regex needed, and
    // their folded form is usually the tokenizer's (see sameAsTokenizer)
    const simple = simpleRun(piece);
    if (simple !== NOT_SIMPLE) {
      const norm = tokenNorm !== undefined && sameAsTokenizer(piece) ? tokenNorm : fold(piece);
      prevEnd = pushAtom(atoms, text, prevEnd, piece, norm, spStart, base, simple);
      return;
    }
    // a token may still hold mixed runs (إم.آي5): split into letter/digit atoms
    for (const m of piece.matchAll(RUN)) {
      const raw = m[0];
      prevEnd = pushAtom(atoms, text, prevEnd, raw, fold(raw), spStart + m.index, raw === piece ? base : undefined, caseOf(raw));
    }
  };
  if (doc.tokens.length > 0) {
    for (const t of doc.tokens) {
      if (t.kind === 'word' || t.kind === 'number' || t.kind === 'other') addSpan(t.start, t.end, t.base, t.norm);
    }
  } else {
    for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) addSpan(m.index, m.index + m[0].length, undefined, undefined);
  }
  return atoms;
}

/**
 * SAME[c]: 1 when the tokenizer's table (lang/fold.ts) folds code unit c exactly as fold does, 2
 * when not (ؤ and ئ: fold drops the hamza), 0 not yet seen. Both fold unit by unit, so a word made
 * only of units marked 1 has the tokenizer's norm as its folded form.
 */
const SAME = new Uint8Array(0x10000);

function sameAsTokenizer(piece: string): boolean {
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    let k = SAME[c];
    if (k === 0) {
      const t = FOLD[c] === DROP ? '' : String.fromCharCode(FOLD[c]);
      k = SAME[c] = c < 0xd800 || c > 0xdfff ? (fold(String.fromCharCode(c)) === t ? 1 : 2) : 2;
    }
    if (k !== 1) return false;
  }
  return true;
}

const RUN = /\p{N}+|[\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]+|[\p{L}\p{M}]+/gu;

/** Case flags of a run: bit 1 = capital (starts upper-case), bit 2 = upper (all capitals/digits, one capital at least). */
const CAPITAL = 1;
const UPPER = 2;
const NOT_SIMPLE = -1;

function caseOf(raw: string): number {
  return (/^\p{Lu}/u.test(raw) ? CAPITAL : 0) | (/^[\p{Lu}\p{N}]+$/u.test(raw) && /\p{Lu}/u.test(raw) ? UPPER : 0);
}

/**
 * When the whole piece is one run of the RUN pattern made only of Arabic letters, ASCII letters or
 * ASCII digits, its case flags; else NOT_SIMPLE.
 */
function simpleRun(piece: string): number {
  const n = piece.length;
  if (n === 0) return NOT_SIMPLE;
  const c0 = piece.charCodeAt(0);
  if ((c0 >= 0x0621 && c0 <= 0x065f) || (c0 >= 0x0670 && c0 <= 0x06d3) || (c0 >= 0x06fa && c0 <= 0x06ff)) {
    for (let i = 1; i < n; i++) {
      const c = piece.charCodeAt(i);
      if (!((c >= 0x0621 && c <= 0x065f) || (c >= 0x0670 && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff))) return NOT_SIMPLE;
    }
    return 0;
  }
  if (c0 >= 0x30 && c0 <= 0x39) {
    for (let i = 1; i < n; i++) {
      const c = piece.charCodeAt(i);
      if (!(c >= 0x30 && c <= 0x39)) return NOT_SIMPLE;
    }
    return 0;
  }
  let upper = 0;
  for (let i = 0; i < n; i++) {
    const c = piece.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (!(c >= 0x61 && c <= 0x7a)) return NOT_SIMPLE;
  }
  const c = piece.charCodeAt(0);
  return (c >= 0x41 && c <= 0x5a ? CAPITAL : 0) | (upper === n ? UPPER : 0);
}

/** Append the atom for one run (when it folds to letters or digits); returns the new end of the last atom. */
function pushAtom(atoms: Atom[], text: string, prevEnd: number, raw: string, norm: string, start: number, base: string | undefined, caseFlags: number): number {
  if (!norm || !(startsWithLetterOrDigit(norm) || LETTER_OR_DIGIT.test(norm))) return prevEnd;
  const end = start + raw.length;
  const breakBefore = atoms.length === 0 || hardBreakBetween(text, prevEnd, start);
  atoms.push(new Atom(raw, start, end, norm, base || undefined, breakBefore, (caseFlags & CAPITAL) !== 0, (caseFlags & UPPER) !== 0));
  return end;
}

/** The usual answer of LETTER_OR_DIGIT without the regex: a basic Arabic letter, a-z or 0-9 first. */
function startsWithLetterOrDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** HARD_BREAK in text[from, to); the usual single space is answered without a slice. */
function hardBreakBetween(text: string, from: number, to: number): boolean {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    // the one-character alternatives of HARD_BREAK: ، ؛ ؟ ! ? ; : \n \r
    return c === 0x060c || c === 0x061b || c === 0x061f || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a || c === 0x0a || c === 0x0d;
  }
  return to > from && HARD_BREAK.test(text.slice(from, to));
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
