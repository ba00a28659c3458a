// Proclitic segmentation for normalised Arabic words: (و|ف)? (ب|ل|ك)? (ال)? + base, driven by
// the lists in data/clitics.json so that words which merely begin with those letters stay whole.
import data from './data/clitics.json' with { type: 'json' };

export interface CliticSplit {
  prefixes: string[];
  base: string;
}

const KEEP = new Set<string>(data.keep);
const KEEP_STEMS = new Set<string>(data.keepStems);
const SHORT_BASES = new Set<string>(data.shortBases);
const MIN_BASE = data.minBase;
const MIN_AFTER_ARTICLE = data.minBaseAfterArticle;
const MIN_AFTER_PREP = data.minBaseAfterPreposition;
const PREP_SHORT_BASES = new Set<string>(data.prepositionShortBases);
const WAW = 0x0648, FA = 0x0641, BA = 0x0628, LAM = 0x0644, KAF = 0x0643, ALEF = 0x0627;
const NONE: readonly string[] = Object.freeze([]);

/** Endings a protected stem may carry: pronouns, plural and feminine endings (بينهم، وزيرها، بلدات). */
const STEM_ENDINGS = new Set<string>(data.stemEndings);

// protected stems are looked up only for the lengths and first letters that exist in the list
const STEM_LENGTHS = [...new Set([...KEEP_STEMS].map((x) => x.length))].sort((a, b) => a - b);
const STEM_FIRST = new Set([...KEEP_STEMS].map((x) => x.charCodeAt(0)));

/** True when `w` (the rest of the word from some position) is a protected word. */
function isProtected(w: string): boolean {
  if (KEEP.has(w)) return true;
  if (!STEM_FIRST.has(w.charCodeAt(0))) return false;
  for (const n of STEM_LENGTHS) {
    if (n >= w.length) break;
    if (KEEP_STEMS.has(w.slice(0, n)) && STEM_ENDINGS.has(w.slice(n))) return true;
  }
  return false;
}

function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return w.length > 0;
}

/** A one-letter clitic at `pos - 1` may go when what is left is long enough and not protected. */
function canStrip(w: string, pos: number, allowShort: boolean): boolean {
  const rest = w.slice(pos);
  if (isDigits(rest)) return true; // و25
  if (rest.length < MIN_BASE && !(allowShort && SHORT_BASES.has(rest))) return false;
  return !isProtected(w.slice(pos - 1));
}

/** A lone ب or ل is often the first letter of the word (بصمات، لجنة), so it needs more evidence. */
function canStripPreposition(w: string, pos: number, hamzaMask: number): boolean {
  const rest = w.slice(pos);
  if (isDigits(rest)) return true;
  if (isProtected(w.slice(pos - 1))) return false;
  if (PREP_SHORT_BASES.has(rest)) return true;
  if (pos < 31 && hamzaMask & (1 << pos) && rest.length >= 2) return true; // بأن، لإعلان
  return rest.length >= MIN_AFTER_PREP;
}

/** The definite article at `pos` is real when the alef was bare and the rest is a word. */
function articleAt(w: string, pos: number, hamzaMask: number): boolean {
  if (w.charCodeAt(pos) !== ALEF || w.charCodeAt(pos + 1) !== LAM) return false;
  if (pos < 31 && hamzaMask & (1 << pos)) return false; // إلى، ألف، ألمانيا: hamza-alef is no article
  if (w.length - pos - 2 < MIN_AFTER_ARTICLE) return false;
  return !isProtected(w.slice(pos));
}

/**
 * Split the proclitics off a normalised word. `hamzaMask` (optional) has bit i set when norm[i]
 * came from a hamza-carrying alef (أ إ آ) in the original; callers holding only normalised text
 * omit it and rely on the exception list (الى، الف، المانيا…).
 */
export function splitClitics(norm: string, hamzaMask = 0): CliticSplit {
  if (norm.length < 3 || KEEP.has(norm)) return { prefixes: NONE as string[], base: norm };
  let pos = 0;
  let prefixes: string[] | null = null;
  const c0 = norm.charCodeAt(0);
  if ((c0 === WAW || c0 === FA) && canStrip(norm, 1, true)) {
    prefixes = [norm[0]];
    pos = 1;
  }
  const c = norm.charCodeAt(pos);
  if (c === BA || c === LAM || c === KAF) {
    if (articleAt(norm, pos + 1, hamzaMask)) {
      (prefixes ??= []).push(norm[pos], 'ال');
      return { prefixes, base: norm.slice(pos + 3) };
    }
    // لل = ل + ال with the alef dropped (للتنظيم); لله is kept whole by the list
    if (c === LAM && norm.charCodeAt(pos + 1) === LAM && norm.length - pos - 2 >= MIN_AFTER_ARTICLE && !isProtected(norm.slice(pos))) {
      (prefixes ??= []).push('ل', 'ال');
      return { prefixes, base: norm.slice(pos + 2) };
    }
    // كـ alone is rare and most ك-words are not كـ + word, so it only goes before the article
    if (c !== KAF && canStripPreposition(norm, pos + 1, hamzaMask)) {
      (prefixes ??= []).push(norm[pos]);
      pos++;
    }
  }
  if (articleAt(norm, pos, hamzaMask)) {
    (prefixes ??= []).push('ال');
    pos += 2;
  }
  if (!prefixes) return { prefixes: NONE as string[], base: norm };
  return { prefixes, base: norm.slice(pos) };
}
