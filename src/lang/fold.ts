// One lookup table that folds every UTF-16 code unit the way the text layer needs (Arabic letter
// variants, diacritics, tatweel, Eastern digits, Latin case), so hot loops do an array read per
// character instead of a regex test or a switch.

import { stringFromCodes } from './codes.js';

/** FOLD[c] = folded code unit; DROP marks characters that vanish from normalised text. */
export const DROP = 0xffff;
export const FOLD: Uint16Array = buildFold();

function buildFold(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  const drop = (a: number, b = a) => { for (let c = a; c <= b; c++) t[c] = DROP; };
  // Arabic diacritics, Quranic marks, superscript alef and tatweel carry no lexical identity.
  drop(0x0610, 0x061a);
  drop(0x064b, 0x065f);
  drop(0x0670);
  drop(0x06d6, 0x06ed);
  drop(0x0640);
  // Zero-width joiners and direction marks sit inside words in scraped text.
  drop(0x200b, 0x200f);
  drop(0xfeff);
  drop(0x061c);
  const map = (from: string, to: string) => { for (const ch of from) t[ch.charCodeAt(0)] = to.charCodeAt(0); };
  map('أإآٱٲٳ', 'ا');
  map('ى', 'ي');
  map('ة', 'ه');
  map('یۍېے', 'ي'); // Persian / Urdu yeh forms
  map('کڪ', 'ك');
  map('ہۀ', 'ه');
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 48 + d; // Arabic-Indic
    t[0x06f0 + d] = 48 + d; // Persian
    t[0xff10 + d] = 48 + d; // full-width
  }
  for (let c = 65; c <= 90; c++) t[c] = c + 32;
  for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) t[c] = c + 32;
  // Arabic presentation forms (old PDFs, some CMSs): fold to the base letter when it is 1:1.
  for (let c = 0xfe70; c <= 0xfefc; c++) {
    const n = String.fromCharCode(c).normalize('NFKC');
    if (n.length === 1) t[c] = t[n.charCodeAt(0)];
  }
  return t;
}

/** Fold a short string (no offset map). */
export function foldString(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (FOLD[c] !== c) break;
  }
  if (i === s.length) return s;
  if (s.length > WORD_BUF.length) {
    let out = '';
    for (let k = 0; k < s.length; k++) {
      const f = FOLD[s.charCodeAt(k)];
      if (f !== DROP) out += String.fromCharCode(f);
    }
    return out;
  }
  // the folded units go to a buffer, made into one flat string (see ./codes.ts)
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const f = FOLD[s.charCodeAt(k)];
    if (f !== DROP) WORD_BUF[n++] = f;
  }
  return stringFromCodes(WORD_BUF, n);
}

const WORD_BUF = new Uint16Array(512);
