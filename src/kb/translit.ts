// Cross-script name keys and Arabic→Latin romanisation. Arabic script omits short vowels, so the
// only form an Arabic and an English spelling of a name reliably share is the consonant skeleton
// (مسعود ≈ Masood ≈ Masoud → MSD); readable spellings come from a lexicon of conventional news
// spellings, with letter rules as the last resort.
import { fold, isArabic } from './text.js';

/** Arabic letters → skeleton classes; '' = vowel/glide/ayn (dropped). Confusable sounds share a class. */
const AR_CLASS: Record<string, string> = {
  'ب': 'B', 'ت': 'T', 'ث': 'T', 'ط': 'T', 'ج': 'J', 'ح': 'H', 'ه': 'H', 'خ': 'X', 'د': 'D', 'ض': 'D',
  'ذ': 'Z', 'ز': 'Z', 'ظ': 'Z', 'ر': 'R', 'س': 'S', 'ص': 'S', 'ش': 'S', 'غ': 'G', 'ف': 'F', 'ق': 'K',
  'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ا': '', 'و': '', 'ي': '', 'ء': '', 'ئ': '', 'ؤ': '', 'ع': '',
  'پ': 'B', 'چ': 'S', 'گ': 'G', 'ڤ': 'F',
};

/** Latin digraphs first, then single letters. */
const LATIN_RULES: Array<[RegExp, string]> = [
  [/^(al|el|ul)[- ]?(?=.{3,})/, ''], // article glued to a name: al-Adnani, Elbaghdadi
  [/kh/g, 'X'], [/sh|sch|ch/g, 'S'], [/th/g, 'T'], [/dh/g, 'Z'], [/gh/g, 'G'], [/ph/g, 'F'],
  [/ck/g, 'K'], [/c(?=[eiy])/g, 'S'], [/dj/g, 'J'], [/tz/g, 'TZ'], [/x/g, 'KS'],
];
const LATIN_CLASS: Record<string, string> = {
  b: 'B', p: 'B', t: 'T', j: 'J', h: 'H', d: 'D', z: 'Z', r: 'R', s: 'S', g: 'G', f: 'F', v: 'F',
  q: 'K', k: 'K', c: 'K', l: 'L', m: 'M', n: 'N',
};

/**
 * Skeletons already computed: the same few thousand name tokens recur in every article. A cache of
 * a pure function, emptied when full so that memory stays flat in a long-running process.
 */
const skeletonMemo = new Map<string, string>();
const SKELETON_MEMO_MAX = 50_000;

/** Consonant skeleton of one name token in either script, with a final-vowel mark (ي/i → I, و/o/u → U). */
export function skeleton(token: string): string {
  let sk = skeletonMemo.get(token);
  if (sk === undefined) {
    if (skeletonMemo.size >= SKELETON_MEMO_MAX) skeletonMemo.clear();
    sk = computeSkeleton(token);
    skeletonMemo.set(token, sk);
  }
  return sk;
}

/** The skeleton without the memo: for building an index over many names once. */
export function computeSkeleton(token: string): string {
  const t = fold(token).replace(/[^\p{L}]/gu, '');
  if (!t) return '';
  return isArabic(t) ? arabicSkeleton(t, token.trim().endsWith('ى')) : latinSkeleton(t);
}

function arabicSkeleton(t: string, alifMaqsura: boolean): string {
  let w = t.length > 4 && t.startsWith('ال') ? t.slice(2) : t;
  let mark = '';
  if (w.endsWith('ي') && !alifMaqsura) mark = 'I'; // مصطفى is Mustafa, not Mustafi
  else if (w.endsWith('و')) mark = 'U';
  if (w.endsWith('ه') || w.endsWith('اه')) w = w.replace(/ا?ه$/, ''); // ta marbuta / final -ah is a vowel
  let out = '';
  for (const ch of w) out += AR_CLASS[ch] ?? '';
  return collapse(out) + mark;
}

function latinSkeleton(t: string): string {
  let w = t.toLowerCase();
  let mark = '';
  if (/(i|y|ee|ie)$/.test(w)) mark = 'I';
  else if (/(o|u|ou|oo|ow)$/.test(w)) mark = 'U';
  w = w.replace(/([aeiou])h$/, '$1'); // Okashah, Allah: final h after a vowel is not written in Arabic
  for (const [re, rep] of LATIN_RULES) w = w.replace(re, rep);
  let out = '';
  for (const ch of w) out += /[A-Z]/.test(ch) ? ch : (LATIN_CLASS[ch] ?? '');
  return collapse(out) + mark;
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance ≤ 1 (short strings only; used on skeletons). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Two name tokens are the same name across scripts: same skeleton, or one edit apart when long. */
export function sameNameToken(a: string, b: string): boolean {
  const x = skeleton(a);
  const y = skeleton(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return x.length >= 4 && y.length >= 4 && withinOneEdit(x, y);
}

/** Letter rules for Arabic tokens the lexicon does not know (positional: و/ي are vowels between consonants). */
const AR_LATIN: Record<string, string> = {
  'ا': 'a', 'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r',
  'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f',
  'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'ء': '', 'ئ': '', 'ؤ': '', 'پ': 'p', 'چ': 'ch', 'گ': 'g',
};

export function romanizeByRule(token: string): string {
  const w = fold(token);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const prev = out.slice(-1);
    const vowelBefore = i === 0 || /[aeiou]$/.test(out);
    if (ch === 'و') out += vowelBefore && i < w.length - 1 ? 'w' : i === w.length - 1 && w.length > 3 ? 'o' : 'u';
    else if (ch === 'ي') out += vowelBefore && i < w.length - 1 ? 'y' : 'i';
    else if (ch === 'ه' && i === w.length - 1) out += prev === 'a' ? '' : 'a'; // ta marbuta
    else {
      const lat = AR_LATIN[ch] ?? '';
      // two consonants at the start of a word get an 'a' between them (short vowels are not written)
      if (lat && i === 1 && out.length > 0 && !/[aeiou]/.test(out) && ch !== 'ا') out += 'a';
      out += lat;
    }
  }
  return out;
}
