// People in one document: a rule-based finder (a fallback beside the trained tagger), then
// coreference — مسعود after خالد مسعود, Masood beside مسعود — into one canonical person each.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Span } from '../core/types.js';
import { fold, isArabic, startAfterClitic, type Atom } from './text.js';
import { famousFullNames, nameData, sharedNameTokens, personId, personKey, romanizeName, isCommonGivenName, isFamousSurname } from './names.js';
import { skeleton } from './translit.js';
import { countryOfAdjective } from './adjectives.js';
import { placeCandidates } from './gazetteer.js';

interface NameParts {
  first: Set<string>;
  part: Set<string>;
  common: Set<string>;
  /** folded Arabic words that may start a name: kunyas (أبو, أم), given names, first names */
  arabicTriggers: Set<string>;
}
let partsMemo: NameParts | undefined;

function nameParts(): NameParts {
  if (partsMemo) return partsMemo;
  const raw = JSON.parse(gunzipSync(readFileSync(new URL('../../models/kb/name-parts.json.gz', import.meta.url))).toString('utf8')) as { first: string[]; part: string[]; common: string[] };
  const lex = nameData();
  const first = new Set(raw.first);
  const part = new Set(raw.part);
  for (const [ar] of lex.spelling) part.add(ar);
  const arabicTriggers = new Set([...lex.given, ...first]);
  for (const [ar, en] of lex.particles) if (en === 'abu' || en === 'umm') arabicTriggers.add(ar);
  partsMemo = { first, part, common: new Set(raw.common), arabicTriggers };
  return partsMemo;
}

/**
 * Titles, ranks, offices and honorifics (folded, without clitics) that stand before a name and are
 * not part of it (ANERcorp leaves الرئيس, الشيخ, اللواء… outside). Forms without the article only
 * where they are no given name (أمير, سلطان, سيد, شيخ and قائد are names too).
 */
const TITLE_WORDS = new Set(
  ['الرئيس', 'رئيس', 'الشيخ', 'الأمير', 'الأميرة', 'الملك', 'الملكة', 'السلطان', 'ولي', 'سمو', 'صاحب', 'معالي', 'سعادة',
    'فخامة', 'جلالة', 'فضيلة', 'العاهل', 'الإمام', 'السيد', 'السيدة', 'الدكتور', 'الدكتورة', 'المهندس', 'الأستاذ',
    'المحامي', 'القاضي', 'الوزير', 'وزير', 'وزيرة', 'نائب', 'النائب', 'السفير', 'المستشار', 'اللواء', 'العميد', 'العقيد',
    'المقدم', 'الرائد', 'النقيب', 'الملازم', 'الجنرال', 'الفريق', 'المشير', 'الملا', 'المولوي', 'الحاج', 'الحاجة',
    'القائد', 'الزعيم', 'المرشد', 'المفتي', 'العلامة', 'الداعية', 'المتحدث', 'الناطق', 'المدعو'].map(fold),
);

/**
 * The titles and offices of TITLE_WORDS that are never a family name either: after a name's first
 * word they end it (محمد بن سلمان ولي العهد). الشيخ, الأمير, السيد, القاضي, السلطان, المهندس… are
 * family names as well (آل الشيخ, صالح القاضي, إبراهيم السلطان) and are left alone there.
 */
const TITLE_AFTER_NAME = new Set(
  ['الرئيس', 'رئيس', 'ولي', 'سمو', 'معالي', 'سعادة', 'فخامة', 'جلالة', 'فضيلة', 'العاهل', 'الوزير', 'وزير', 'وزيرة', 'نائب',
    'السفير', 'المستشار', 'اللواء', 'العميد', 'العقيد', 'المقدم', 'الرائد', 'النقيب', 'الملازم', 'الجنرال', 'المشير',
    'الزعيم', 'المرشد', 'الداعية', 'المتحدث', 'الناطق', 'المدعو'].map(fold),
);

/**
 * Nisba-shaped words (ال…ي) that follow a name as a description, not as a family name: roles,
 * ideologies, sects and ethnic groups (nationality adjectives are told apart by the nationality
 * table), and the ordinals that are no regnal number of a name's own.
 */
const DESCRIPTIVE_NISBA = new Set(
  ['الأمني', 'القيادي', 'الصحفي', 'الصحافي', 'الإعلامي', 'الإرهابي', 'الانتحاري', 'الجهادي', 'التكفيري', 'السلفي',
    'الإخواني', 'الداعشي', 'القاعدي', 'الشرعي', 'الميداني', 'المحامي', 'القاضي', 'الحقوقي', 'الدبلوماسي', 'البرلماني',
    'الرئاسي', 'الحزبي', 'النيابي', 'الطبي', 'الرياضي', 'الدولي', 'المحلي', 'الكردي', 'الدرزي', 'المسيحي', 'اليهودي',
    'التركماني', 'الإيزيدي', 'اليزيدي', 'الأمازيغي', 'البلوشي', 'البشتوني', 'الطاجيكي', 'الأوزبكي', 'القبطي', 'الآشوري',
    'السرياني', 'الأرمني', 'الشيعي', 'السني', 'الليبرالي', 'الشيوعي', 'الاشتراكي', 'اليساري', 'اليميني', 'الماضي',
    'الحالي', 'الثاني', 'الحادي', 'المستقبلي', 'الرسمي', 'الشخصي', 'الحكومي', 'العسكري', 'السياسي'].map(fold),
);

/** Words that end a name even when they look like one. */
const STOP = new Set(['ان', 'انه', 'انها', 'الذي', 'التي', 'في', 'من', 'على', 'علي', 'الي', 'عن', 'مع', 'هو', 'هي', 'قد', 'لم', 'لا', 'ما', 'بن', 'ابن'].map(fold));
const TRIGGER_LATIN = /^(Mr|Mrs|Ms|Dr|Colonel|Col|General|Gen|Sheikh|President|Minister)$/;

/** A word of the set, also behind a conjunction or preposition (والرئيس, للشيخ, وسمو). */
function inTitleSet(set: ReadonlySet<string>, norm: string): boolean {
  if (set.has(norm)) return true;
  const c = norm.charCodeAt(0);
  // و ف ب ل ك: the only letters a clitic starts with
  if (c !== 0x648 && c !== 0x641 && c !== 0x628 && c !== 0x644 && c !== 0x643) return false;
  const bare = norm.replace(/^[وف]/, '');
  return set.has(bare) || set.has(bare.replace(/^[بلك]/, '')) || set.has(bare.replace(/^لل/, 'ال'));
}

/** A nationality adjective: the nationality table, or a country's name with the nisba ending (الأرجنتيني). */
function isNationality(norm: string): boolean {
  if (countryOfAdjective(norm) !== null) return true;
  return norm.endsWith('ي') && placeCandidates(norm.slice(0, -1)).some((p) => p.kind === 'country');
}

/** An al- family name of the nisba pattern (الحموي, الإدريسي): not a nationality, a description or a common word. */
function isFamilyNisba(norm: string): boolean {
  return norm.length >= 5 && norm.startsWith('ال') && norm.endsWith('ي') && !DESCRIPTIVE_NISBA.has(norm) &&
    !nameParts().common.has(norm) && !isNationality(norm);
}

/**
 * The conjunction و or the preposition لـ glued to the article (والجيش, وللزمالك, للمحققين): never
 * a later word of a name. Not ف + article: فالكاو and فالنسيا are names of their own.
 */
const CLITIC_ARTICLE = /^(?:و(?:ال|لل|بال|كال)|لل)[\u0621-\u064A]{3}/;
/**
 * Prepositions, function words and the verbs and adverbs that follow a name in news (… كان, … أمس)
 * that end a name the tagger ran on (على only as written with alef maqsura: علي is Ali).
 */
const NAME_BREAK = new Set(['في', 'من', 'عن', 'مع', 'الى', 'منذ', 'لدى', 'عند', 'ان', 'انه', 'انها', 'الذي', 'التي', 'هو', 'هي', 'قد', 'لم', 'لا', 'ما',
  'كان', 'وكان', 'قال', 'وقال', 'أمس', 'لو', 'كما', 'حيث', 'أيضا', 'صلى'].map(fold));
const isPrepositionAla = (a: Atom) => /^[وف]?على$/.test(a.text.replace(/[\u064B-\u0652\u0640]/g, ''));
const isNameBreak = (a: Atom) => NAME_BREAK.has(a.norm) || (a.norm === 'علي' && isPrepositionAla(a));

/** A word of a person's name as the lexicons know it (given, first, part, spelled, عبد…). */
function knownNameWord(norm: string): boolean {
  const parts = nameParts();
  return parts.arabicTriggers.has(norm) || parts.part.has(norm) || nameData().spelling.has(norm) || /^عبد/.test(norm);
}

/**
 * The name inside a word that carries a proclitic (ومحمد, لإدريس, بمروان): the clitic-free form
 * when the rest is a known name word, else undefined. A word the curated lexicon knows whole is
 * its own name (وسام, بسام); ANERcorp's lists hold clitic forms too (ومحمد) and do not count. After
 * ب or ل the rest must be a first name or a name word of four letters at least (بابا is no ب + ابا).
 */
function nameAfterClitic(a: Atom): string | undefined {
  const norm = a.norm;
  const c = norm.charCodeAt(0);
  // و ف ب ل: most words start with none of them, and no look-up is needed
  if (norm.length < 4 || (c !== 0x648 && c !== 0x641 && c !== 0x628 && c !== 0x644)) return undefined;
  const lex = nameData();
  const parts = nameParts();
  if (lex.spelling.has(norm) || lex.given.has(norm) || parts.common.has(norm)) return undefined;
  const conjunction = c === 0x648 || c === 0x641;
  // one clitic: the conjunction before any known name word, ب or ل before a first name or a longer name word
  const one = norm.slice(1);
  if (conjunction ? knownNameWord(one) || lex.particles.has(one) : parts.arabicTriggers.has(one) || lex.particles.has(one) || (one.length >= 4 && knownNameWord(one))) return one;
  // two: the conjunction, then ب or ل (ولمحمد)
  const c2 = norm.charCodeAt(1);
  if (conjunction && (c2 === 0x628 || c2 === 0x644) && norm.length >= 5) {
    const two = norm.slice(2);
    if (parts.arabicTriggers.has(two) || lex.particles.has(two) || (two.length >= 4 && knownNameWord(two))) return two;
  }
  return undefined;
}

/** Whether atom k follows atom k - 1 after a single space: no bracket, quote or break between (فلاديمير) بوتين). */
const nextWord = (atoms: Atom[], k: number) => !atoms[k].breakBefore && atoms[k].start - atoms[k - 1].end === 1;

/** Person-name spans found by rule: a known first name or a kunya (أبو X), then name parts. */
export function findPersonNames(atoms: Atom[], covered: (i: number) => boolean): Span[] {
  const parts = nameParts();
  const lex = nameData();
  const out: Span[] = [];
  const nextNorm = (k: number) => (k < atoms.length && !atoms[k].breakBefore && !covered(k) ? atoms[k].norm : '');
  for (let i = 0; i < atoms.length; i++) {
    if (covered(i)) continue;
    const a = atoms[i];
    const ar = isArabic(a.norm);
    // a first name behind a proclitic (لإدريس, ومحمد) starts a name after the clitic
    const bare = ar ? nameAfterClitic(a) : undefined;
    const head = bare ?? a.norm;
    // a known name word before two al- family names starts a name too (إدريس الفاسي الفهري)
    const beforeNisba = ar && parts.part.has(head) && !head.startsWith('ال') && !lex.particles.has(head) && isFamilyNisba(nextNorm(i + 1)) && isFamilyNisba(nextNorm(i + 2));
    // most words start no name: one look-up (Arabic) or the case (Latin) says so
    if (ar ? !parts.arabicTriggers.has(head) && !beforeNisba : !a.capital) continue;
    // behind a clitic the word may be a common noun (وحسن السيرة, لجان): the next word must be a name's
    if (bare !== undefined && !beforeNisba && !(knownNameWord(nextNorm(i + 1)) || isFamilyNisba(nextNorm(i + 1)) || (bare === 'عبد' && nextNorm(i + 1) !== ''))) continue;
    const kunya = ar && (lex.particles.get(head) === 'abu' || lex.particles.get(head) === 'umm');
    // على (the preposition) folds to علي (Ali): the written alef maqsura tells them apart
    const preposition = ar && (a.norm === 'علي' || a.norm === 'وعلي' || a.norm === 'فعلي') && isPrepositionAla(a);
    const trigger = preposition ? false : ar ? kunya || beforeNisba || lex.given.has(head) || parts.first.has(head) : a.capital && (lex.given.has(a.norm) || TRIGGER_LATIN.test(a.text));
    if (!trigger) continue;
    let j = i + 1;
    let unknown = 0;
    // after an al- family name only known name words and further family names go on (… السوادي ومشعل)
    let closed = false;
    const startAtom = ar || !TRIGGER_LATIN.test(a.text) ? i : i + 1;
    while (j < atoms.length && j - startAtom < 4 && nextWord(atoms, j) && !covered(j)) {
      const t = atoms[j];
      if (ar) {
        if (!isArabic(t.norm) || STOP.has(t.norm) || CLITIC_ARTICLE.test(t.norm) || inTitleSet(TITLE_AFTER_NAME, t.norm)) break;
        // a second name joined by و (… وسالم الدوسري) is a second person
        if (/^[وف]/.test(t.norm) && nameAfterClitic(t) !== undefined) break;
        // عبد and the word after it are one name (عبد الإله, عبد الرحيم)
        const afterAbd = atoms[j - 1].norm === 'عبد' || (j - 1 === i && head === 'عبد');
        const nisba = t.norm.startsWith('ال') && t.norm.endsWith('ي');
        // an article word is a family name only right after a lone first name (سامي الحداد), never a
        // third word (خالد عكاشة المحلل: the analyst), unless it is a nisba (جوزيف نعمة الخوري)
        if (!afterAbd && t.norm.startsWith('ال') && !nisba && !parts.part.has(t.norm) && (j - startAtom > 1 || parts.common.has(t.norm))) break;
        if (nisba && countryOfAdjective(t.norm) && !kunya) break; // خالد مسعود البريطاني: the adjective is not his name
        const known = afterAbd || parts.part.has(t.norm) || lex.spelling.has(t.norm) || lex.particles.has(t.norm) || /^عبد/.test(t.norm);
        if (!known) {
          if (parts.common.has(t.norm) || DESCRIPTIVE_NISBA.has(t.norm) || closed) break;
          // an unknown word behind و is a conjunction (هادي ومقاتلي); one with a possessive suffix is
          // a noun (برنامجه, شعبها: ة is written apart from the pronoun ه; a short word may end in a
          // root ه, as فقيه and نبيه do)
          if (t.norm.startsWith('و') || /(?:ها|هم|هما|هن)$/.test(t.text) || (t.text.endsWith('ه') && t.text.length >= 6)) break;
          // an al- family name ends a name even after one unknown word; any other unknown word only once
          if (isFamilyNisba(t.norm)) closed = true;
          else if (unknown >= 1) break;
          else unknown++;
        }
      } else if (!t.capital || t.upper) break;
      j++;
    }
    if (j - startAtom >= 2) {
      out.push({ start: startAtom === i && bare !== undefined ? startAfterClitic(a, bare) : atoms[startAtom].start, end: atoms[j - 1].end, text: '' });
      i = j - 1;
    }
  }
  return out;
}

/**
 * A person span that holds a second name joined by و (… ومحمد الزعبي: a list the tagger read as
 * one name), cut into one span per name. The و word must be no name of its own (وليد, وائل).
 */
export function splitJoinedNames(atoms: Atom[], s: { start: number; end: number }): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = s.start;
  for (let k = firstAtomEndingAfter(atoms, s.start) + 1; k < atoms.length && atoms[k].start < s.end; k++) {
    const t = atoms[k];
    if (!/^[وف]/.test(t.norm) || nameData().particles.has(atoms[k - 1].norm) || atoms[k - 1].norm === 'عبد') continue;
    const bare = nameAfterClitic(t);
    if (bare === undefined || nameData().particles.has(bare)) continue;
    out.push({ start, end: atoms[k - 1].end });
    start = startAfterClitic(t, bare);
  }
  out.push({ start, end: s.end });
  return out;
}

/**
 * Whether a rule-found name may replace the tagger's person span it holds: it ends in a name word
 * the lexicons know or an al- family name (جوزيف [نعمة الخوري]), not in an unknown word
 * (خالد الفيصل ومتابعة, فؤاد بطلب).
 */
export function endsInNameWord(atoms: Atom[], s: { start: number; end: number }): boolean {
  const k = firstAtomEndingAfter(atoms, s.end - 1);
  if (k >= atoms.length) return false;
  const last = atoms[k].norm;
  return knownNameWord(last) || isFamilyNisba(last) || (k > 0 && atoms[k - 1].norm === 'عبد');
}

/** Whether the span's last word starts at `at` and follows بن, ابن or بنت (… بن [علي]). */
export function endsInNasab(atoms: Atom[], s: { start: number; end: number }, at: number): boolean {
  const k = firstAtomEndingAfter(atoms, s.end - 1);
  if (k < 1 || k >= atoms.length || atoms[k].start !== at) return false;
  const p = nameData().particles.get(atoms[k - 1].norm);
  return (p === 'bin' || p === 'ibn' || p === 'bint') && atoms[k - 1].start >= s.start;
}

/** Index of the first atom whose end lies after `pos` (atoms are in text order and do not overlap). */
export function firstAtomEndingAfter(atoms: Atom[], pos: number): number {
  let lo = 0;
  let hi = atoms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atoms[mid].end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The extent of an Arabic person name by the rules of Arabic names, whoever proposed the span (the
 * tagger or findPersonNames): titles and offices before it are dropped (الرئيس, وسمو ولي العهد); an
 * office, a preposition or a word with conjunction and article after its first word ends it
 * (… ولي العهد, … وللزمالك); a proclitic on the first name is left out (ومحمد → محمد); a kunya
 * just before a known first name is taken in (أم محمد); a nasab (بن X, ابن X, بنت X) or an al-
 * family name of the nisba pattern just after it is taken in (ياسين العلمي الإدريسي), and a name
 * never ends on a particle (عبدالله بن [مساعد]). Returns the span's new [start, end), or null when
 * nothing of a name is left; a span that does not start with an Arabic word comes back as it was.
 */
export function refinePersonSpan(atoms: Atom[], s: { start: number; end: number }, covered: (i: number) => boolean): { start: number; end: number } | null {
  let i0 = firstAtomEndingAfter(atoms, s.start);
  let i1 = i0;
  while (i1 < atoms.length && atoms[i1].start < s.end) i1++;
  if (i0 >= i1 || !isArabic(atoms[i0].norm)) return s;
  const particles = nameData().particles;
  let start = s.start;
  const first = i0;
  while (i0 < i1 && inTitleSet(TITLE_WORDS, atoms[i0].norm)) i0++;
  if (i0 >= i1) return null;
  if (i0 !== first) start = atoms[i0].start;
  for (let k = i0 + 1; k < i1; k++) {
    const t = atoms[k];
    const prev = atoms[k - 1].norm;
    // آل الشيخ, ولد الشيخ, عبد الملك: the particle makes the next word part of the name
    if (particles.has(prev) || prev === 'ولد' || prev === 'عبد') continue;
    if (t.breakBefore || !isArabic(t.norm) || inTitleSet(TITLE_AFTER_NAME, t.norm) || CLITIC_ARTICLE.test(t.norm) || isNameBreak(t)) { i1 = k; break; }
  }
  // the proclitic of the first word: ومحمد بن سلمان is محمد بن سلمان
  let firstWord = atoms[i0].norm;
  if (start === atoms[i0].start) {
    const bare = nameAfterClitic(atoms[i0]);
    if (bare !== undefined) { start = startAfterClitic(atoms[i0], bare); firstWord = bare; }
  }
  // a kunya just before a known first name: أم [محمد]
  if (start === atoms[i0].start && i0 > 0 && !atoms[i0].breakBefore && !covered(i0 - 1) && knownNameWord(firstWord)) {
    const p = particles.get(atoms[i0 - 1].norm);
    if (p === 'abu' || p === 'umm') { i0--; start = atoms[i0].start; }
  }
  const fits = (k: number) => k < atoms.length && !atoms[k].breakBefore && !covered(k) && isArabic(atoms[k].norm) &&
    !inTitleSet(TITLE_AFTER_NAME, atoms[k].norm) && !CLITIC_ARTICLE.test(atoms[k].norm) && !isNameBreak(atoms[k]) && !particles.has(atoms[k].norm);
  const isFamilyWord = (norm: string) => norm.startsWith('ال') && norm.length >= 4;
  for (let added = 0; added < 4;) {
    const last = particles.get(atoms[i1 - 1].norm);
    // a name never ends on a particle: عبدالله بن [مساعد]; without its next word the particle goes
    if (last !== undefined && last !== 'abi' && i1 - 1 > i0) {
      if (fits(i1)) { i1++; added++; continue; }
      i1--;
      break;
    }
    if (added >= 3 || i1 >= atoms.length) break;
    const p = particles.get(atoms[i1].norm);
    // a nasab: بن / بنت and a name (an article word only when it is a known name or a nisba: بن
    // الخطاب is left to the tagger); ابن is also the noun "son" and takes a known name word only
    if ((p === 'bin' || p === 'bint' || p === 'ibn') && fits(i1) && fits(i1 + 1)) {
      const n = atoms[i1 + 1].norm;
      const named = knownNameWord(n) || isFamilyNisba(n);
      if (named || (p !== 'ibn' && !n.startsWith('ال'))) { i1 += 2; added += 2; continue; }
    }
    // a chain of al- family names goes on with a further nisba (ياسين العلمي [الإدريسي])
    if (i1 - i0 >= 2 && isFamilyWord(atoms[i1 - 1].norm) && fits(i1) && isFamilyNisba(atoms[i1].norm)) { i1++; added++; continue; }
    break;
  }
  return { start, end: atoms[i1 - 1].end };
}

/** Whether a listed name's atoms are written at atoms[from…], word after word, on no atom `blocked` says. */
function writtenAt(atoms: Atom[], from: number, name: readonly string[], blocked: (i: number) => boolean): boolean {
  if (from + name.length > atoms.length) return false;
  for (let k = 0; k < name.length; k++) {
    if (atoms[from + k].norm !== name[k] || (k > 0 && !nextWord(atoms, from + k)) || blocked(from + k)) return false;
  }
  return true;
}

/**
 * A person span widened to the full name of a well-known person that the text writes around it (the
 * tagger's [كي مون] of بان كي مون): the longest such name from the project's person lists that
 * holds the span, within one stretch of text and over no organisation or place. Otherwise the span.
 */
export function famousNameExtent(atoms: Atom[], s: { start: number; end: number }, covered: (i: number) => boolean): { start: number; end: number } {
  const i0 = firstAtomEndingAfter(atoms, s.start);
  let i1 = i0;
  while (i1 < atoms.length && atoms[i1].start < s.end) i1++;
  if (i0 >= i1) return s;
  const outside = (i: number) => (i < i0 || i >= i1) && covered(i);
  let best: { from: number; to: number } | null = null;
  for (let from = Math.max(0, i0 - 3); from <= i0; from++) {
    for (const name of famousFullNames().get(atoms[from].norm) ?? []) {
      const to = from + name.length;
      if (to < i1 || name.length <= i1 - i0 || (best && to - from <= best.to - best.from)) continue;
      if (writtenAt(atoms, from, name, outside)) best = { from, to };
    }
  }
  return best ? { start: atoms[best.from].start, end: atoms[best.to - 1].end } : s;
}

/** The full names of well-known persons (the project's person lists) as the text writes them, over nothing else found. */
export function findFamousNames(atoms: Atom[], covered: (i: number) => boolean): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < atoms.length; i++) {
    let best = 0;
    for (const name of famousFullNames().get(atoms[i].norm) ?? []) if (name.length > best && writtenAt(atoms, i, name, covered)) best = name.length;
    if (best === 0) continue;
    out.push({ start: atoms[i].start, end: atoms[i + best - 1].end, text: '' });
    i += best - 1;
  }
  return out;
}

export interface PersonCluster {
  id: string;
  name: string;
  nameAr: string | null;
  key: string;
  /** the fullest form, used for screening */
  fullName: string;
  mentions: Span[];
}

/** A name token with its cross-script skeleton, computed once per mention rather than per comparison. */
interface Tok { t: string; sk: string }

const toTok = (t: string): Tok => ({ t, sk: skeleton(t) });
const sameTok = (a: Tok, b: Tok) => a.t === b.t || (a.sk !== '' && a.sk === b.sk);

/** Is `short` a part of `long` (every token of short matches a token of long, across scripts)? */
function partOf(short: Tok[], long: Tok[]): boolean {
  return short.every((s) => long.some((l) => sameTok(s, l)));
}

/**
 * Group person mentions of one document. Full names found first; a shorter mention joins the one
 * cluster it is part of; a lone common first name joins nothing. Afterwards every further bare
 * occurrence of a cluster's family name is added as a mention.
 */
export function clusterPersons(mentions: Span[], atoms: Atom[], covered: (i: number) => boolean): PersonCluster[] {
  const withToks = mentions.map((m) => ({ m, toks: sharedNameTokens(m.text).map(toTok) })).filter((x) => x.toks.length > 0);
  withToks.sort((a, b) => b.toks.length - a.toks.length || a.m.start - b.m.start);
  const clusters: Array<{ full: { m: Span; toks: Tok[] }; members: Span[] }> = [];
  for (const x of withToks) {
    const home = clusters.filter((c) => partOf(x.toks, c.full.toks));
    if (home.length === 1) { home[0].members.push(x.m); continue; }
    if (home.length > 1) continue; // ambiguous short form: leave it out rather than guess
    if (x.toks.length === 1 && isCommonGivenName(x.toks[0].t)) continue;
    // a single name with no fuller mention to anchor it, unless the press names one person so (ماكرون)
    if (x.toks.length === 1 && !isFamousSurname(x.toks[0].t)) continue;
    clusters.push({ full: x, members: [x.m] });
  }
  // bare family names later in the text: "مسعود" after "خالد مسعود"
  const bare: Array<{ c: (typeof clusters)[number]; last: Tok; folded: string }> = [];
  for (const c of clusters) {
    const last = c.full.toks[c.full.toks.length - 1];
    const folded = fold(last.t);
    if (isCommonGivenName(last.t) || folded.replace(/^ال/, '').length < 3) continue;
    // nor an everyday word (كان of a name the tagger ran on), nor a short word no name list knows
    // (تود of إيمانويل تود is also "wants")
    if (isArabic(folded) && (nameParts().common.has(folded) || (folded.length <= 3 && !nameParts().part.has(folded)))) continue;
    if (clusters.some((o) => o !== c && o.full.toks.some((t) => sameTok(t, last)))) continue;
    bare.push({ c, last, folded });
  }
  if (bare.length > 0) {
    // one pass over the atoms for all clusters (each cluster only adds to its own members); an atom
    // without a Latin form can only match by carrying a folded family name as one of its forms
    const latin = latinAtoms(atoms);
    const targetList = [...new Set(bare.map((b) => b.folded))];
    // a form can only be a target if it ends in the last letter of one: most atoms are answered by
    // that, without a look-up
    const lastUnits = [...new Set(bare.map((b) => b.folded.charCodeAt(b.folded.length - 1)))];
    for (let i = 0; i < atoms.length; i++) {
      const a = atoms[i];
      if (latin[i] === 0 && !(endsInOneOf(a, lastUnits) && hasFormIn(a, targetList))) continue;
      const forms = a.forms;
      if (covered(i)) continue;
      // a lower-case Latin word is no family name, however its skeleton falls (Farah ~ for, four)
      if (latin[i] !== 0 && !isArabic(a.norm) && !a.capital) continue;
      for (const { c, last, folded } of bare) {
        let hit: string | undefined;
        for (const f of forms) {
          if (f === folded || (!isArabic(f) && (f === last.t || (last.sk !== '' && skeleton(f) === last.sk)))) { hit = f; break; }
        }
        if (!hit) continue;
        if (c.members.some((m) => m.start <= a.start && a.end <= m.end)) continue;
        c.members.push({ start: startAfterClitic(a, hit), end: a.end, text: '' }); // ومسعود → مسعود
      }
    }
  }
  return clusters.map((c) => {
    const members = c.members.sort((a, b) => a.start - b.start || a.end - b.end);
    const latin = withToks.find((x) => members.includes(x.m) && !isArabic(x.m.text) && x.toks.length === c.full.toks.length);
    const arabic = withToks.find((x) => members.includes(x.m) && isArabic(x.m.text) && x.toks.length === c.full.toks.length);
    const basis = latin?.m.text ?? c.full.m.text;
    return {
      id: personId(basis),
      name: latin ? latin.m.text.trim() : romanizeName(basis),
      nameAr: arabic ? arabic.m.text.trim() : null,
      key: personKey(basis),
      fullName: c.full.m.text,
      mentions: members,
    };
  });
}

/** Whether some form of the atom ends in one of the units: its forms end as its norm does, but for the base. */
function endsInOneOf(a: Atom, units: number[]): boolean {
  if (units.includes(a.norm.charCodeAt(a.norm.length - 1))) return true;
  return a.base !== undefined && a.base !== a.norm && units.includes(a.base.charCodeAt(a.base.length - 1));
}

/** Whether one of the targets is among the atom's forms (norm, base, norm past a proclitic), without making the list. */
function hasFormIn(a: Atom, targets: string[]): boolean {
  const norm = a.norm;
  for (const t of targets) {
    if (t === norm || t === a.base) return true;
    const d = norm.length - t.length;
    if (d > 0 && norm.endsWith(t)) {
      if (d <= 4 && (a.stripped & (1 << (d - 1))) !== 0) return true;
    }
  }
  return false;
}

/** 1 for the atoms with a form outside Arabic script (looked at in place, as in startsSomeEntry). */
function latinAtoms(atoms: Atom[]): Uint8Array {
  const out = new Uint8Array(atoms.length);
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    const norm = a.norm;
    if (!isArabic(norm) || (a.base !== undefined && a.base !== norm && !isArabic(a.base))) { out[i] = 1; continue; }
    const mask = a.stripped;
    for (let l = 1; l <= 4 && mask !== 0; l++) if ((mask & (1 << (l - 1))) !== 0 && !isArabicFrom(norm, l)) { out[i] = 1; break; }
  }
  return out;
}

/** isArabic(s.slice(from)) without the slice. */
function isArabicFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x06ff && (c <= 0x064a || (c >= 0x0671 && c <= 0x06d3) || c >= 0x06fa)) return true;
  }
  return false;
}

/**
 * True when a mention names the byline author (same tokens across scripts, in any order); the
 * author's tokens are computed once.
 */
export function authorNameTest(author: string | null): (mention: string) => boolean {
  if (!author) return () => false;
  const a = sharedNameTokens(author).map(toTok);
  return (mention) => {
    const m = sharedNameTokens(mention).map(toTok);
    return m.length > 0 && a.length > 0 && partOf(m, a) && (m.length >= 2 || !isCommonGivenName(m[0].t));
  };
}
