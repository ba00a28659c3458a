// Arabic normalisation on a copy of the text, with a map back to the original offsets so that
// spans found on the normalised copy still land on the right words of the stored text.
import { DROP, FOLD, foldString } from '../fold.js';

export interface Normalized {
  /** the normalised string */
  text: string;
  /** map[i] = offset in the original of normalised char i; map[text.length] = original length */
  map: number[];
}

/** Fold one character; returns '' to drop it. Shared by `normalize` and `normalizeWord`. */
export function foldChar(ch: string): string {
  const f = FOLD[ch.charCodeAt(0)];
  return f === DROP ? '' : String.fromCharCode(f);
}

/** Normalise a whole text, keeping an offset map. */
export function normalize(text: string): Normalized {
  const codes: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f === DROP) continue;
    codes.push(f);
    map.push(i);
  }
  map.push(text.length);
  let out = '';
  // fromCharCode in chunks: one call per character would allocate a string each time
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text: out, map };
}

/** Normalise a short string (a word, a name, a query) without keeping a map. */
export function normalizeWord(s: string): string {
  return foldString(s);
}

/** Map a [start, end) range of the normalised text back to the original text. */
export function toOriginal(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.map[start];
  // the end is one past the last kept char's original position
  const e = end > start ? n.map[end - 1] + 1 : s;
  return { start: s, end: e };
}
