// Character classes for the tokenizer, computed once into a table so the scan is an array read.

export const enum CC {
  Space = 0,
  Letter = 1, // Latin, Greek, Cyrillic…
  Arabic = 2, // Arabic-script letters (and tatweel)
  Mark = 3, // combining marks, diacritics and zero-width joiners: continue a word, never start one
  Digit = 4,
  Punct = 5,
  Other = 6, // symbols, emoji, surrogates
}

export const CLASS: Uint8Array = buildClasses();

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u, mark = /\p{M}/u, digit = /\p{Nd}/u, space = /\s/u, punct = /\p{P}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { t[c] = CC.Other; continue; }
    const ch = String.fromCharCode(c);
    if (space.test(ch)) t[c] = CC.Space;
    else if (letter.test(ch)) t[c] = isArabicScript(c) ? CC.Arabic : CC.Letter;
    else if (mark.test(ch)) t[c] = CC.Mark;
    else if (digit.test(ch)) t[c] = CC.Digit;
    else if (punct.test(ch)) t[c] = CC.Punct;
    else t[c] = CC.Other;
  }
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff, 0x061c, 0x00ad]) t[c] = CC.Mark;
  return t;
}

function isArabicScript(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}
