// Arabic normalisation on a copy of the text, with a map back to the original offsets so that
// spans found on the normalised copy still land on the right words of the stored text.

export interface Normalized {
  /** the normalised string */
  text: string;
  /** map[i] = offset in the original of normalised char i; map[text.length] = original length */
  map: number[];
}

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/;
const TATWEEL = '\u0640';

/** Fold one character; returns '' to drop it. Shared by `normalize` and `normalizeWord`. */
export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch === TATWEEL || DIACRITICS.test(ch)) return '';
  switch (ch) {
    case 'أ': case 'إ': case 'آ': case 'ٱ': return 'ا';
    case 'ى': return 'ي';
    case 'ة': return 'ه';
    case 'ی': return 'ي'; // Persian yeh
    case 'ک': return 'ك'; // Persian kaf
  }
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48); // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48); // Persian digits
  if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
  return ch;
}

/** Normalise a whole text, keeping an offset map. */
export function normalize(text: string): Normalized {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text[i]);
    if (f.length === 0) continue;
    out += f;
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

/** Normalise a short string (a word, a name, a query) without keeping a map. */
export function normalizeWord(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s[i]);
  return out;
}

/** Map a [start, end) range of the normalised text back to the original text. */
export function toOriginal(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.map[start];
  // the end is one past the last kept char's original position
  const e = end > start ? n.map[end - 1] + 1 : s;
  return { start: s, end: e };
}
