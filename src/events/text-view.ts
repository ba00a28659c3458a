// The extractor's view of a document: tokens with every clitic-stripped candidate form, grouped
// into sentence-sized units. It reuses the text layer's tokens when present and falls back to a
// small tokenizer of its own, so event extraction works (more coarsely) before that layer runs.
import type { Document } from '../core/types.js';
import { normalizeWord } from '../lang/ar/normalize.js';

export type Lang = 'ar' | 'en';

export interface ViewToken {
  start: number;
  end: number;
  /** the normalised surface (forms[0]) */
  norm: string;
  /** normalised surface first, then forms with proclitics stripped (Arabic) */
  forms: readonly string[];
  punct: boolean;
  number: boolean;
  unit: number;
  /** word position: counts non-punctuation tokens, for distances in words */
  pos: number;
}

/** A sentence-sized stretch of text, split only at strong boundaries (. ! ? ؟ and line breaks). */
export interface Unit {
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
}

export interface TextView {
  doc: Document;
  lang: Lang;
  text: string;
  tokens: ViewToken[];
  units: Unit[];
}

// Over-generating on purpose: lexicon lookups are exact on closed lists, so a spurious candidate
// such as "بل" from "بلد" cannot match anything, while a missed split would lose a trigger.
const AR_PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال', 'وب', 'فب', 'ول', 'فل', 'وك', 'وس', 'و', 'ف', 'ب', 'ل', 'ك', 'س'];

/** The proclitics that can begin a word, by its first code unit (an Arabic letter), in the order above. */
export const PROCLITICS_BY_FIRST: (string[] | undefined)[] = [];
for (const p of AR_PROCLITICS) {
  const k = p.charCodeAt(0) - 0x600;
  (PROCLITICS_BY_FIRST[k] ??= []).push(p);
}

/**
 * Candidate forms of a normalised Arabic word. Computed afresh each time: a few prefix tests are
 * cheaper than a memo over the whole vocabulary of a corpus (a large map misses the CPU caches).
 */
export function arabicForms(norm: string): string[] {
  const out = [norm];
  const k = norm.charCodeAt(0) - 0x600;
  const ps = k >= 0 && k < 0x100 ? PROCLITICS_BY_FIRST[k] : undefined;
  if (ps === undefined) return out;
  // each proclitic of a length leaves a rest of its own length: no rest can repeat another
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j];
    if (norm.length - p.length >= 2 && norm.startsWith(p)) out.push(norm.slice(p.length));
  }
  return out;
}

export function normalizeForLang(s: string, lang: Lang): string {
  return lang === 'ar' ? normalizeWord(s) : s.toLowerCase().replace(/[’‘]/g, "'");
}

function tokenForms(norm: string, lang: Lang): string[] {
  if (lang === 'ar') return arabicForms(norm);
  const out = [norm];
  if (norm.endsWith("'s")) out.push(norm.slice(0, -2));
  return out;
}

const ARABIC = /[\u0600-\u06FF]/g;

export function detectLang(doc: Document): Lang {
  if (doc.language === 'ar' || doc.language === 'en') return doc.language;
  const sample = doc.text.slice(0, 2000);
  const ar = sample.match(ARABIC)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 1;
  return ar / letters > 0.3 ? 'ar' : 'en';
}

const FALLBACK_TOKEN = /[\p{L}\p{M}\p{N}_]+(?:[-'’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Positions that end a unit: . ! ? ؟ followed by space/quote/end or glued to a capital (BBC-style "century.The"). */
function unitBreaks(text: string): number[] {
  const breaks: number[] = [];
  // the candidate characters found natively; each judged as before
  const candidates = /[\n!?؟.]/g;
  for (let found = candidates.exec(text); found !== null; found = candidates.exec(text)) {
    const i = found.index;
    if (text.charCodeAt(i) !== 0x2e /* . */) breaks.push(i + 1);
    else {
      const next = text[i + 1] ?? ' ';
      const prev = text[i - 1] ?? ' ';
      if (/[\s"”»'’)]/.test(next) || (/[a-z)"”]/.test(prev) && /[A-Z]/.test(next))) {
        // a single capital before the dot is an initial (J. Smith), not a sentence end
        if (/[A-Z]/.test(prev) && !/\w/.test(text[i - 2] ?? ' ')) continue;
        breaks.push(i + 1);
      }
    }
  }
  breaks.push(text.length);
  return breaks;
}

/**
 * A token of the text layer. Its forms are built when first read: the matcher reads the words of
 * most tokens without them (see MultiMatcher), and a list per token is most of a view's cost.
 */
export class LayerToken implements ViewToken {
  start: number;
  end: number;
  norm: string;
  /** the text layer's base form (may be empty) */
  base: string;
  /** Arabic: forms are arabicForms(norm), then the base */
  ar: boolean;
  punct: boolean;
  number: boolean;
  unit: number;
  pos: number;
  private list: string[] | null;

  constructor(start: number, end: number, norm: string, base: string, ar: boolean, punct: boolean, number: boolean) {
    this.start = start;
    this.end = end;
    this.norm = norm;
    this.base = base;
    this.ar = ar;
    this.punct = punct;
    this.number = number;
    this.unit = 0;
    this.pos = 0;
    this.list = null;
  }

  get forms(): readonly string[] {
    if (this.list === null) {
      const forms = this.ar ? arabicForms(this.norm) : tokenForms(this.norm, 'en');
      if (this.base && !forms.includes(this.base)) forms.push(this.base);
      this.list = forms;
    }
    return this.list;
  }
}

export function buildView(doc: Document): TextView {
  const lang = detectLang(doc);
  const text = doc.text;
  const tokens: ViewToken[] = [];
  if (doc.tokens.length > 0) {
    const src = doc.tokens;
    const ar = lang === 'ar';
    for (let k = 0; k < src.length; k++) {
      const t = src[k];
      const norm = t.norm || normalizeForLang(t.text, lang);
      tokens.push(new LayerToken(t.start, t.end, norm, t.base, ar, t.kind === 'punct', t.kind === 'number'));
    }
  } else {
    for (const m of text.matchAll(FALLBACK_TOKEN)) {
      const s = m[0];
      const punct = !/[\p{L}\p{N}]/u.test(s);
      const norm = normalizeForLang(s.replace(/[.]$/, ''), lang);
      const forms = punct ? [s] : tokenForms(norm, lang);
      tokens.push({ start: m.index!, end: m.index! + s.length, norm: forms[0], forms, punct, number: /^\d/.test(norm), unit: 0, pos: 0 });
    }
  }
  for (let k = 0, pos = 0; k < tokens.length; k++) {
    const t = tokens[k];
    t.pos = pos;
    if (!t.punct) pos++;
  }
  const units: Unit[] = [];
  let start = 0;
  let ti = 0;
  for (const b of unitBreaks(text)) {
    if (b <= start) continue;
    const first = ti;
    while (ti < tokens.length && tokens[ti].start < b) tokens[ti++].unit = units.length;
    if (ti > first) units.push({ start: tokens[first].start, end: tokens[ti - 1].end, firstToken: first, endToken: ti });
    start = b;
  }
  return { doc, lang, text, tokens, units };
}

/** Index of the first token whose start is at or after `offset` (binary search). */
export function tokenAtOrAfter(view: TextView, offset: number): number {
  let lo = 0;
  let hi = view.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token index covering `offset`, or the next one. */
export function tokenOf(view: TextView, offset: number): number {
  const i = tokenAtOrAfter(view, offset);
  if (i > 0 && view.tokens[i - 1].end > offset) return i - 1;
  return Math.min(i, view.tokens.length - 1);
}
