// The tagger's mentions as the linker reads them: the English tagger's surface slips undone (a
// possessive, a hyphenated word cut short, an honorific on a "place"), and the article's own evidence
// of who is a person.
import type { EntityMention } from '../core/types.js';

/** The mention with the English tagger's slips of surface undone (see below). */
export function normaliseMention(text: string, m: EntityMention): EntityMention {
  return asTitledPerson(withoutPossessive(wholeHyphenated(text, m)));
}

/**
 * The English tagger reads "Trinidad's" as one token: the name is without the possessive, so that it
 * is the same entity as "Trinidad" (one in 45 of the English tagger's mentions on 671 BBC articles carried it).
 */
function withoutPossessive(m: EntityMention): EntityMention {
  if (!/[\p{L}\p{N}]['’]s$/u.test(m.text)) return m;
  return { ...m, end: m.end - 2, text: m.text.slice(0, -2) };
}

/**
 * The text layer splits hyphenated words, and the English tagger (trained on unsplit ones) may stop at
 * the hyphen: "Port-" of Port-au-Prince, "north-" of north-western. The mention takes the whole word
 * (about 60 mentions in 671 BBC articles).
 */
function wholeHyphenated(text: string, m: EntityMention): EntityMention {
  // Latin script only: in Arabic a hyphen more often joins two names (a byline's name-city)
  if (!/\p{Script=Latin}/u.test(m.text)) return m;
  let end = m.end;
  while (/[-‐]/.test(text[end - 1] ?? '') || (text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? ''))) {
    if (text[end - 1] !== '-' && text[end - 1] !== '‐') end++;
    if (!/\p{L}/u.test(text[end] ?? '')) break;
    while (/[\p{L}\p{M}'’]/u.test(text[end] ?? '')) end++;
  }
  if (end === m.end || /['’]$/.test(text.slice(m.end, end))) return m;
  return { ...m, end, text: text.slice(m.start, end) };
}

/**
 * "Ms Ames", "Mr Cottrell": an English honorific makes a person of what the tagger called a place or an
 * organisation (74 of 529 such mentions in 671 BBC articles).
 */
function asTitledPerson(m: EntityMention): EntityMention {
  return m.type !== 'PER' && /^(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.? \p{Lu}/u.test(m.text) ? { ...m, type: 'PER' } : m;
}

/**
 * Names the tagger reads as people in this article: a text it marks as a person at least as often as
 * a place. A "place" nobody can locate under such a name is that person (Maduro, Le Scouarnec, Kiir:
 * about 60 entities of 671 BBC articles; a last name alone, Maduro after Nicolás Maduro, was tried and
 * also took South Korea's Korea).
 */
export function personNames(mentions: readonly EntityMention[]): (text: string) => boolean {
  const per = new Map<string, number>();
  const loc = new Map<string, number>();
  for (const m of mentions) {
    if (m.type === 'PER') per.set(m.text, (per.get(m.text) ?? 0) + 1);
    else if (m.type === 'LOC') loc.set(m.text, (loc.get(m.text) ?? 0) + 1);
  }
  return (text) => (per.get(text) ?? 0) >= Math.max(1, loc.get(text) ?? 0);
}

/** "in Zamzam", "near Kissufim", "في الزمزم": a word that introduces a place stands right before the name. */
const PLACE_PREPOSITION = /(?:^|[\s(])(?:in|at|near|into|outside|inside|across|around|towards?|from|في|قرب|بمدينة|مدينة|مخيم|بلدة|قرية)\s+$/i;
export function afterPlacePreposition(text: string, start: number): boolean {
  return PLACE_PREPOSITION.test(text.slice(Math.max(0, start - 16), start));
}

/**
 * "Attacks on peacekeepers…": a capitalised Latin word the text also writes in lower case (or its
 * singular: "an outrageous attack") is an ordinary word that opens a sentence, not a name the
 * gazetteer happens not to know.
 */
export function writtenLowercase(text: string, word: string): boolean {
  if (!/^[A-Z][a-z]+$/.test(word)) return false;
  const words = lowercaseWords(text);
  const lower = word.toLowerCase();
  return words.has(lower) || (lower.length > 4 && lower.endsWith('s') && words.has(lower.slice(0, -1)));
}

/** The Latin words a text writes in lower case, for the last text asked about (the linker asks per mention). */
let lowerMemo: { text: string; words: Set<string> } | null = null;
function lowercaseWords(text: string): Set<string> {
  if (lowerMemo?.text !== text) lowerMemo = { text, words: new Set(text.match(/(?<![A-Za-z])[a-z]+(?![A-Za-z])/g) ?? []) };
  return lowerMemo.words;
}

/** Arabic spellings of Latin letter names, with and without hamza (إم = M, إيه = A, بي = B…). */
const LETTERS: Record<string, string> = {
  'إيه': 'A', 'ايه': 'A', 'أيه': 'A', 'بي': 'B', 'سي': 'C', 'دي': 'D', 'إي': 'E', 'إف': 'F', 'اف': 'F', 'جي': 'G',
  'إتش': 'H', 'اتش': 'H', 'إيتش': 'H', 'ايتش': 'H', 'آي': 'I', 'اي': 'I', 'جيه': 'J', 'جاي': 'J', 'كيه': 'K', 'إل': 'L', 'ال': 'L',
  'إم': 'M', 'ام': 'M', 'إن': 'N', 'ان': 'N', 'أو': 'O', 'او': 'O', 'كيو': 'Q', 'آر': 'R', 'ار': 'R', 'إس': 'S', 'اس': 'S',
  'تي': 'T', 'يو': 'U', 'في': 'V', 'دبليو': 'W', 'إكس': 'X', 'اكس': 'X', 'واي': 'Y', 'زد': 'Z',
};
/** Letter names that are also everyday words (ال, أم, إن, أو, في, أي): an acronym needs another letter. */
const AMBIGUOUS_LETTERS = new Set(['ال', 'ام', 'ان', 'او', 'في', 'اي']);

/**
 * "إم.إيه", "سي إن إن": Latin letters spelt out in Arabic make an acronym (a company, a channel), never
 * a person (the tagger's "Umm Aya"). The acronym in Latin letters (MA, CNN), or null.
 */
export function spelledAcronym(text: string): string | null {
  const parts = text.trim().split(/[.\s\u00b7-]+/).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => Object.hasOwn(LETTERS, p))) return null;
  if (parts.every((p) => AMBIGUOUS_LETTERS.has(p.replace(/[أإآ]/g, 'ا')))) return null;
  return parts.map((p) => LETTERS[p]).join('');
}
