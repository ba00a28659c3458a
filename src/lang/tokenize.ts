// Tokenizer for Arabic and English news text: one pass over the characters, tokens that index the
// original text exactly, with normalised form, proclitics, base and light stem filled in.
import type { Token } from '../core/types.js';
import { CC, CLASS } from './char-class.js';
import { DROP, FOLD } from './fold.js';
import { stringFromCodes } from './codes.js';
import { splitClitics } from './ar/clitics.js';
import { stem as arStem } from './ar/stem.js';

const TATWEEL = 0x0640;
const NO_PREFIXES: string[] = [];
Object.freeze(NO_PREFIXES);
const buf = new Uint16Array(1024);

/** Separators allowed inside a digit run when a digit follows: 1,000 · 2.5 · ٣٫٥ · ١٬٠٠٠ */
function isDigitSeparator(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x066b || c === 0x066c;
}
/** Apostrophes inside Latin words: don't, O'Brien */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Tokenise `text`. `lang` selects clitic splitting and stemming ('ar'); other languages get lower-case norms. */
export function tokenize(text: string, lang: string): Token[] {
  const tokens: Token[] = [];
  const arabic = lang === 'ar' || lang === 'fa' || lang === 'ur';
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c];
    if (cls === CC.Space || cls === CC.Mark) { i++; continue; }
    const start = i;
    if (cls === CC.Punct) {
      i++;
      if (c === 0x2e) while (i < n && text.charCodeAt(i) === 0x2e) i++; // an ellipsis is one token
      const t = text.slice(start, i);
      tokens.push({ text: t, start, end: i, norm: t, base: t, prefixes: NO_PREFIXES, stem: t, kind: 'punct' });
      continue;
    }
    if (cls === CC.Other) {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      const t = text.slice(start, i);
      tokens.push({ text: t, start, end: i, norm: t, base: t, prefixes: NO_PREFIXES, stem: t, kind: 'other' });
      continue;
    }
    if (cls === CC.Digit) {
      i++;
      for (;;) {
        if (i >= n) break;
        const d = CLASS[text.charCodeAt(i)];
        if (d === CC.Digit) { i++; continue; }
        if (isDigitSeparator(text.charCodeAt(i)) && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CC.Digit) { i += 2; continue; }
        if (d === CC.Letter) { // 9mm, 4x4, 1st: Latin letters glued to digits stay with them
          while (i < n && (CLASS[text.charCodeAt(i)] === CC.Letter || CLASS[text.charCodeAt(i)] === CC.Digit)) i++;
        }
        break;
      }
      pushWord(tokens, text, start, i, arabic);
      continue;
    }
    // a word: Arabic letters stay apart from digits (2015م، 1441هـ، و25); Latin keeps them (G7, MH17)
    const script = cls;
    i++;
    while (i < n) {
      const c2 = text.charCodeAt(i);
      const d = CLASS[c2];
      if (d === script || d === CC.Mark) { i++; continue; }
      if (script === CC.Letter && d === CC.Digit) { i++; continue; }
      // و25، ب12: a bare proclitic glued to digits stays with them, as the clitic of a number
      if (script === CC.Arabic && d === CC.Digit && isBareProclitic(text, start, i)) {
        while (i < n && (CLASS[text.charCodeAt(i)] === CC.Digit || (isDigitSeparator(text.charCodeAt(i)) && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CC.Digit))) i++;
        break;
      }
      if (script === CC.Letter && isApostrophe(c2) && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CC.Letter) { i += 2; continue; }
      break;
    }
    pushWord(tokens, text, start, i, arabic && script === CC.Arabic);
  }
  return tokens;
}

function pushWord(tokens: Token[], text: string, start: number, end: number, arabic: boolean): void {
  const surface = text.slice(start, end);
  // fold into the buffer; remember which of the first positions were hamza-alef (إلى is no article)
  let len = 0;
  let changed = false;
  let hamzaMask = 0;
  let hasLetter = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const f = FOLD[c];
    if (f !== c) changed = true;
    if (f === DROP) continue;
    if ((c === 0x0623 || c === 0x0625 || c === 0x0622) && len < 31) hamzaMask |= 1 << len;
    if ((f < 48 || f > 57) && !isDigitSeparator(f)) hasLetter = true;
    if (len < buf.length) buf[len] = f;
    len++;
  }
  let norm: string;
  if (!changed) norm = surface;
  else if (len <= buf.length) norm = stringFromCodes(buf, len);
  else { norm = ''; for (let k = start; k < end; k++) { const f = FOLD[text.charCodeAt(k)]; if (f !== DROP) norm += String.fromCharCode(f); } }
  let prefixes = NO_PREFIXES;
  let base = norm;
  let st = norm;
  if (arabic) {
    // only a word starting with و ف ب ل ك or ا can carry a proclitic (see splitClitics)
    const c0 = norm.charCodeAt(0);
    if (c0 === 0x0648 || c0 === 0x0641 || c0 === 0x0628 || c0 === 0x0644 || c0 === 0x0643 || c0 === 0x0627) {
      const split = splitClitics(norm, hamzaMask);
      prefixes = split.prefixes;
      base = split.base;
    }
    st = arStem(base);
  }
  let kind: Token['kind'] = hasLetter ? 'word' : 'number';
  if (hasLetter && base.length > 0 && isAllDigits(base)) kind = 'number'; // و25
  const token: Token = { text: surface, start, end, norm, base, prefixes, stem: st, kind };
  // لـ«داعش»، بـ"الذئاب": a proclitic written apart with tatweel belongs to the next word
  if (arabic && text.charCodeAt(end - 1) === TATWEEL && norm.length <= 2) token.clitic = true;
  tokens.push(token);
}

const PROCLITIC_LETTERS = new Set([0x0648, 0x0641, 0x0628, 0x0644]); // و ف ب ل
function isBareProclitic(text: string, start: number, end: number): boolean {
  if (end - start > 2) return false;
  for (let k = start; k < end; k++) if (!PROCLITIC_LETTERS.has(text.charCodeAt(k))) return false;
  return true;
}

function isAllDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c < 48 || c > 57) && !isDigitSeparator(c)) return false;
  }
  return true;
}

/**
 * Offset in the text where a token's word begins once its conjunction/preposition clitics (و ب ل ف ك)
 * are skipped; with `keepArticle` the ال stays inside. Spans of numbers and dates start here.
 */
export function afterProclitics(text: string, t: Token, keepArticle = true): number {
  let letters = 0;
  for (const p of t.prefixes) if (!(keepArticle && p === 'ال')) letters += p === 'ال' ? 2 : 1;
  let k = t.start;
  while (letters > 0 && k < t.end) {
    if (FOLD[text.charCodeAt(k)] !== DROP) letters--;
    k++;
  }
  while (k < t.end && FOLD[text.charCodeAt(k)] === DROP) k++;
  return k;
}
