// Places the tagger missed, read off the noun that introduces them: "في قرية العكر الغربي",
// "بمنطقة جبل اللوح", "بولاية عين الدفلى". Small towns and districts are where attacks happen, and
// they are the names a tagger trained on other news has least often seen. The word after the head
// noun is a name when the gazetteer knows the phrase, or when it is not an ordinary word of Arabic
// news (the list of ordinary words is counted from an unlabelled news corpus by scripts/build-kb.ts:
// frequent words that seldom follow a place head noun, so "منطقة سكنية" and "ولاية ثانية" stay prose).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Span } from '../core/types.js';
import { placeCandidates } from './gazetteer.js';
import { fold, isArabic, startAfterClitic, type Atom } from './text.js';

/** Head nouns that are not part of the name (مدينة رفح → رفح), as written. */
// (not مديرية: in Egyptian news it is mostly a directorate, مديرية أمن شمال سيناء)
const PLACE_HEADS = ['مدينة', 'بلدة', 'قرية', 'ولاية', 'محافظة', 'منطقة', 'إقليم', 'مقاطعة', 'ناحية', 'قضاء', 'مخيم', 'حي', 'ضاحية'];
/** Head nouns that are (جبل اللوح, وادي سوف, تل أبيض): any word that is no particle completes them. */
const OWN_HEADS = ['جبل', 'وادي', 'تل'];
/**
 * Words that follow a place head noun so often that the corpus count cannot call them ordinary, but
 * name no place: "منطقة عازلة", "منطقة اليورو", "منطقة الجزاء", "مدينة ملاهٍ", as keys (commonKey).
 */
const NOT_NAMES = ['عازله', 'امنه', 'حدوديه', 'نائيه', 'جبليه', 'ريفيه', 'صحراويه', 'ماهوله', 'محظوره', 'منكوبه', 'مغلقه', 'ساحليه', 'زراعيه', 'صناعيه', 'تجاريه', 'سياحيه', 'حره', 'محرره', 'محاصره', 'مجاوره', 'محاذيه', 'قريبه', 'بعيده', 'معزوله', 'خضراء', 'ساخنه', 'واسعه', 'منزوعه', 'عسكريه', 'سكنيه', 'اقتصاديه', 'نفطيه', 'متنازع', 'يورو', 'جزاء', 'ملاه', 'ملاهي', 'امن', 'عمليات', 'نفوذ', 'اشتباكات', 'جديده', 'كبيره', 'صغيره'];
/** Words that continue a place name after its first word: العكر الغربي, بني سويف الجديدة. */
const CONTINUATIONS = ['الغربي', 'الغربية', 'الشرقي', 'الشرقية', 'الشمالي', 'الشمالية', 'الجنوبي', 'الجنوبية', 'الجديد', 'الجديدة', 'القديم', 'القديمة', 'الكبرى', 'الصغرى', 'العليا', 'السفلى', 'الوسطى', 'الفوقا', 'التحتا'];
const HAYY = fold('حي');
/** Directions and relations: "في منطقة شرق المدينة" names no place (the gazetteer still reads شمال سيناء). */
const RELATIONS = ['شرق', 'غرب', 'شمال', 'جنوب', 'وسط', 'قرب', 'بين', 'داخل', 'خارج', 'حول', 'جوار', 'محيط', 'اطراف', 'ضواحي', 'عند', 'تحت', 'فوق', 'امام', 'خلف', 'نحو', 'شرقي', 'غربي', 'شمالي', 'جنوبي'];
/** Particles and pronouns that never start or continue a name. */
const STOP = ['في', 'من', 'الى', 'إلى', 'على', 'عن', 'مع', 'الذي', 'التي', 'هو', 'هي', 'او', 'أو', 'ثم', 'قد', 'لم', 'لا', 'ما', 'كل', 'بعض', 'غير', 'نفس', 'ذات', 'هذه', 'هذا', 'تلك', 'ذلك', 'اخرى', 'أخرى', 'آخر', 'عدة', 'احدى', 'إحدى'];

/** The key ordinary words are counted under: the folded word without a conjunction and an article with its preposition. */
export function commonKey(norm: string): string {
  const k = norm.replace(/^(?:و|ف)?(?:بال|كال|لل|ال)/, '');
  return k.length >= 2 ? k : norm;
}

const CLITICS = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
/** Every head noun with each proclitic run it may carry (بمنطقة, ولولاية…) → the folded head. */
const HEAD_FORMS = new Map<string, string>();
for (const h of [...PLACE_HEADS, ...OWN_HEADS].map(fold)) for (const c of CLITICS) HEAD_FORMS.set(c + h, h);
const OWN = new Set(OWN_HEADS.map(fold));

/** The place head noun a folded word is, without its clitics (بمنطقة → منطقه), or undefined; shared with scripts/build-kb.ts, which counts the words after one. */
export function placeHead(norm: string): string | undefined {
  return HEAD_FORMS.get(norm);
}

interface HeadData {
  continuations: Set<string>;
  stop: Set<string>;
  common: Set<string>;
  glued: Set<string>;
  relations: Set<string>;
  notNames: Set<string>;
}
let memo: HeadData | undefined;

function data(): HeadData {
  if (memo) return memo;
  const raw = JSON.parse(gunzipSync(readFileSync(new URL('../../models/kb/words.json.gz', import.meta.url))).toString('utf8')) as { common: string[]; glued: string[] };
  memo = { continuations: new Set(CONTINUATIONS.map(fold)), stop: new Set(STOP.map(fold)), common: new Set(raw.common), glued: new Set(raw.glued), relations: new Set(RELATIONS.map(fold)), notNames: new Set(NOT_NAMES) };
  return memo;
}

/** A word that cannot be (the first word of) a name: ordinary prose, a non-name, a head noun or a direction. */
const ordinary = (a: Atom, d: HeadData): boolean => {
  const k = commonKey(a.norm);
  return d.common.has(k) || d.notNames.has(k) || d.relations.has(k) || HEAD_FORMS.has(a.norm);
};
/** A one-word Arabic name that is also an everyday word of the news (العيون, صور). */
export function ordinaryWord(text: string): boolean {
  const t = text.trim();
  return isArabic(t) && !/\s/.test(t) && data().common.has(commonKey(fold(t)));
}

/** Arabic letters and the marks written on them (a vowelled بَاكرا is the same word). */
const isArabicLetter = (c: number) => c >= 0x0621 && c <= 0x0652;
const HAMZA_ALEF = /^[أإآ]/;

/**
 * The span starts inside a word whose first letters were read as proclitics, and the whole word is
 * an everyday word or a name the corpus writes glued far more often than the place bare (باكرا
 * 'early' is not ب + أكرا, Accra; والكوت is mostly Walcott, not و + الكوت, Kut). See build-kb's
 * glued list. The linker keeps the place when the article is about its country.
 */
export function gluedWord(text: string, start: number): boolean {
  // the everyday words are not written with a hamza where the place is: بأكرا is in Accra
  if (HAMZA_ALEF.test(text.slice(start, start + 1))) return false;
  let from = start;
  while (from > 0 && isArabicLetter(text.charCodeAt(from - 1))) from--;
  if (from === start) return false;
  let to = start;
  while (to < text.length && isArabicLetter(text.charCodeAt(to))) to++;
  return data().glued.has(fold(text.slice(from, to)));
}

/** A word with a pronoun suffix is prose (حصتهم، يخترقها). */
const suffixed = (a: Atom): boolean => /(?:هم|هن|كم|كن|ها)$/.test(a.norm);

/**
 * Place names introduced by a head noun, over atoms no other name covers. The gazetteer's reading
 * of the following one to three words is taken first (ولاية عين الدفلى); otherwise an unknown
 * word and at most one more (a direction, or a second unknown word) make the name.
 */
export function findPlaceNames(text: string, atoms: Atom[], covered: (i: number) => boolean): Span[] {
  const d = data();
  const out: Span[] = [];
  // the next word, with nothing but space before it (not "وادي (أضم" or "منطقة «X»")
  const usable = (j: number) => j < atoms.length && !atoms[j].breakBefore && !covered(j) && isArabic(atoms[j].norm) && !d.stop.has(atoms[j].norm) && /^\s+$/.test(text.slice(atoms[j - 1].end, atoms[j].start));
  for (let i = 0; i < atoms.length - 1; i++) {
    const head = HEAD_FORMS.get(atoms[i].norm);
    if (head === undefined || !usable(i + 1)) continue;
    const own = OWN.has(head);
    if (own && /[أإآ]/.test(atoms[i].text)) continue; // وأدى (and it led to) folds to وادي
    let end = -1;
    for (let n = 3; n >= 1 && end < 0; n--) {
      let ok = true;
      for (let j = i + 1; j <= i + n; j++) ok &&= usable(j);
      if (ok && placeCandidates(atoms.slice(i + 1, i + n + 1).map((a) => a.text).join(' ')).length > 0) end = i + n;
    }
    if (end < 0) {
      const first = atoms[i + 1];
      const k = commonKey(first.norm);
      if (suffixed(first) || d.notNames.has(k) || d.relations.has(k)) continue;
      // an own head takes any other word (تل أبيض، جبل الشيخ); حي a definite one (حي الزهور, not
      // "حي يرزق"); another head an unknown word only
      if (own ? false : head === HAYY ? !first.norm.startsWith('ال') : ordinary(first, d)) continue;
      end = i + 1;
      // a second unknown word without a clitic (بني سويف), not "لودر لتطهيرها" or "الأندلس والعزيزية"
      const next = atoms[i + 2];
      if (usable(i + 2) && (d.continuations.has(next.norm) || (!ordinary(next, d) && !suffixed(next) && !/^[وفبلك]/.test(next.norm)))) end = i + 2;
    }
    // بجبل اللوح: the name begins after the clitics of an own head
    const start = own ? startAfterClitic(atoms[i], head) : atoms[i + 1].start;
    out.push({ start, end: atoms[end].end, text: '' });
    i = end;
  }
  return out;
}
