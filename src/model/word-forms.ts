// The word forms the tagger's features read: normalised form, proclitic-stripped base, and a
// coarse shape. The tagger derives them itself from the surface text (rather than reading the
// segmenter's Token fields) so a trained model sees exactly the same features in CoNLL mode, in
// the pipeline, and after the text layer's own clitic rules change.
import { normalizeWord } from '../lang/ar/normalize.js';

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]/;

export function hasArabic(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

const isArabicLetterCode = (c: number): boolean =>
  (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff);

const HAS_DIGIT = /[0-9]/;
const DIGITS = /[0-9]/g;

/** normalizeWord's form with every digit folded to 0 so years and counts share features */
export function featureNorm(surface: string): string {
  const n = normalizeWord(surface);
  return HAS_DIGIT.test(n) ? n.replace(DIGITS, '0') : n;
}

/**
 * English base form: the normalised word without a possessive 's (the tokenizer keeps it on the
 * word), so Sudan's meets the place lists, the consistency pass and the features of Sudan.
 */
export function englishBase(norm: string): string {
  const n = norm.length;
  return n > 3 && norm[n - 1] === 's' && (norm[n - 2] === "'" || norm[n - 2] === '’') ? norm.slice(0, n - 2) : norm;
}

export interface Stripped {
  base: string;
  /** proclitics removed, joined by '+', '' if none: e.g. 'و+ال' */
  prefixes: string;
}

/**
 * Conservative proclitic stripping on a normalised Arabic word. Only the article (with its
 * conjunction/preposition companions) and a leading و on longer words are removed: these are
 * frequent and rarely part of a name, so the base groups وبغداد / لبغداد / بغداد together. The full
 * form stays a feature too, so a wrong strip (وليد) only costs a redundant feature.
 */
export function stripProclitics(w: string): Stripped {
  const n = w.length;
  if (n >= 5) {
    const c0 = w[0];
    if ((c0 === 'و' || c0 === 'ف' || c0 === 'ب' || c0 === 'ك') && w[1] === 'ا' && w[2] === 'ل') {
      return { base: w.slice(3), prefixes: `${c0}+ال` };
    }
    if ((c0 === 'و' || c0 === 'ف') && w[1] === 'ل' && w[2] === 'ل') return { base: w.slice(3), prefixes: `${c0}+ل+ال` };
    if ((c0 === 'و' || c0 === 'ف') && (w[1] === 'ب' || w[1] === 'ل') && w[2] === 'ا' && w[3] === 'ل') {
      return { base: w.slice(4), prefixes: `${c0}+${w[1]}+ال` };
    }
  }
  if (n >= 4) {
    if (w[0] === 'ل' && w[1] === 'ل') return { base: w.slice(2), prefixes: 'ل+ال' };
    if (w[0] === 'ا' && w[1] === 'ل') return { base: w.slice(2), prefixes: 'ال' };
    if (w[0] === 'و') return { base: w.slice(1), prefixes: 'و' };
  }
  return { base: w, prefixes: '' };
}

/**
 * Word shape: runs of character classes collapsed (X upper, x lower, a Arabic, d digit, p other),
 * so "Baghdad" → "Xx", "ISIS" → "X", "2017" → "d", "بغداد" → "a", "U.S." → "XpXp".
 */
export function wordShape(surface: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < surface.length; i++) {
    const ch = surface[i];
    const code = ch.charCodeAt(0);
    let k: string;
    if (code >= 65 && code <= 90) k = 'X';
    else if (code >= 97 && code <= 122) k = 'x';
    else if (code >= 48 && code <= 57) k = 'd';
    else if (code >= 0x0660 && code <= 0x0669) k = 'd';
    else if (isArabicLetterCode(code)) k = 'a';
    else if (code >= 0xc0 && code < 0x250) k = ch === ch.toUpperCase() ? 'X' : 'x';
    else if (code >= 0x064b && code <= 0x065f) continue; // diacritics do not change the shape
    else k = 'p';
    if (k !== last) out += k;
    last = k;
    if (out.length >= 6) break;
  }
  return out;
}
