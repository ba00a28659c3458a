// Person names: tokens, compounds (Abu X, Abd al-X), readable romanisation and the canonical
// `per:` id, the same for خالد مسعود and Khalid Masood.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fold, isArabic, nameAtoms } from './text.js';
import { registry } from './organizations.js';
import { romanizeByRule, skeleton } from './translit.js';

interface Lexicon {
  veryCommon: string[];
  given: Record<string, string>;
  family: Record<string, string>;
  foreign: Record<string, string>;
  particles: Record<string, string>;
  press: Record<string, string>;
}

interface NameData {
  /** folded Arabic token → Latin spelling */
  spelling: Map<string, string>;
  /** skeleton → Latin spellings of the lexicon */
  bySkeleton: Map<string, string[]>;
  /** skeletons of very common given names (two of them identify nobody) */
  givenSkeletons: Set<string>;
  /** folded Arabic particles → Latin */
  particles: Map<string, string>;
  /** given names of the lexicon: folded Arabic spellings and their Latin spellings */
  given: Set<string>;
}

let memo: NameData | undefined;

/** The lexicon is immutable data: load once per process. */
export function nameData(): NameData {
  if (memo) return memo;
  const lex = JSON.parse(readFileSync(new URL('./data/name-spellings.json', import.meta.url), 'utf8')) as Lexicon;
  const spelling = new Map<string, string>();
  const skel = new Map<string, Set<string>>();
  const givenSkeletons = new Set<string>();
  // press spellings romanise the Arabic only: a Latin name is never respelled by them (Robin is no Rabin)
  for (const [ar, en] of Object.entries(lex.press)) spelling.set(fold(ar), en);
  for (const group of [lex.given, lex.family, lex.foreign]) {
    for (const [ar, en] of Object.entries(group)) {
      const key = fold(ar);
      if (!spelling.has(key)) spelling.set(key, en);
      const bare = en.replace(/^al-/, '');
      const sk = skeleton(bare);
      if (!skel.has(sk)) skel.set(sk, new Set());
      skel.get(sk)!.add(en);
    }
  }
  for (const v of lex.veryCommon) {
    givenSkeletons.add(skeleton(v));
    const en = lex.given[v];
    if (en) givenSkeletons.add(skeleton(en));
  }
  const bySkeleton = new Map<string, string[]>();
  for (const [sk, set] of skel) bySkeleton.set(sk, [...set]);
  const particles = new Map(Object.entries(lex.particles).map(([ar, en]) => [fold(ar), en] as const));
  const given = new Set([...Object.keys(lex.given).map(fold), ...Object.values(lex.given)]);
  memo = { spelling, bySkeleton, givenSkeletons, particles, given };
  return memo;
}

const LATIN_PARTICLES = new Set(['abu', 'abou', 'abo', 'umm', 'um', 'bin', 'ben', 'ibn', 'bint', 'al', 'el', 'ul']);
const ABD = /^(abd|abdul|abdel|abdal|abdoul|abdur|abdu)$/;
/** Honorifics and ranks that are not part of a name. */
const TITLES = new Set(
  ['الشيخ', 'شيخ', 'الملا', 'ملا', 'الحاج', 'حاج', 'المولوي', 'الدكتور', 'د', 'haji', 'hajji', 'mullah', 'maulavi',
    'mawlawi', 'maulvi', 'sheikh', 'shaykh', 'shaikh', 'qari', 'mufti', 'dr', 'mr', 'mrs', 'ms'].map(fold),
);

/**
 * Memos of pure functions of a name string (tokens, romanisation): the same names recur in every
 * article. Each is emptied when full so that memory stays flat in a long-running process.
 */
const MEMO_MAX = 20_000;
export function memoized<T>(memo: Map<string, T>, key: string, compute: (k: string) => T): T {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute(key);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, v);
  }
  return v;
}

const tokensMemo = new Map<string, readonly string[]>();

/** Name tokens (folded), titles dropped, عبد/Abd glued to what follows: عبد اللطيف ≡ Abdul Latif. */
export function nameTokens(name: string): string[] {
  return sharedNameTokens(name).slice();
}

/** nameTokens, as a list shared by every caller with the same name: never to be changed. */
export function sharedNameTokens(name: string): readonly string[] {
  return memoized(tokensMemo, name, computeNameTokens);
}

function computeNameTokens(name: string): readonly string[] {
  // a title after ولد or آل is the name (ولد الشيخ أحمد, آل الشيخ)
  const atoms = nameAtoms(name).filter((a, i, all) => (!TITLES.has(a) || all[i - 1] === 'ولد' || all[i - 1] === 'ال') && !/^\d+$/.test(a));
  const out: string[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if ((a === 'عبد' || ABD.test(a)) && i + 1 < atoms.length) {
      // Abd al-Rahman: the article may be a separate atom in Latin
      const next = atoms[i + 1] === 'al' && i + 2 < atoms.length ? 'al' + atoms[i + 2] : atoms[i + 1];
      out.push(a + next);
      i += atoms[i + 1] === 'al' && i + 2 < atoms.length ? 2 : 1;
    } else out.push(a);
  }
  return Object.freeze(out);
}

/** Tokens that carry identity for screening: particles merged (Abu Muhammad → one token), articles and bin/ibn dropped. */
export function contentTokens(name: string): string[] {
  const data = nameData();
  const toks = sharedNameTokens(name);
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const particle = data.particles.get(t) ?? (LATIN_PARTICLES.has(t) ? t : undefined);
    if (particle === undefined) { out.push(t); continue; }
    if ((particle === 'abu' || particle === 'abou' || particle === 'abo' || particle === 'umm' || particle === 'um') && i + 1 < toks.length) {
      out.push('abu' + (isArabic(toks[i + 1]) ? '_' : '') + toks[i + 1]); // kunya is one identifying unit
      i++;
    }
    // bin / ibn / al standing alone: genealogy and article carry no identity of their own
  }
  return out;
}

/** Skeleton of a content token (kunya-aware). */
export function tokenKey(tok: string): string {
  if (tok.startsWith('abu')) return 'BU:' + skeleton(tok.slice(3).replace(/^_/, ''));
  return skeleton(tok);
}

/** A token is a very common given name (Muhammad, خالد, Ahmed…): with another such name it still identifies nobody. */
export function isCommonGivenName(tok: string): boolean {
  return nameData().givenSkeletons.has(skeleton(tok));
}

let personListsMemo: string[] | undefined;

/** The names of the project-written person lists (src/model/data/world-names.json 'per'), read once. */
function personLists(): string[] {
  return (personListsMemo ??= Object.values((JSON.parse(readFileSync(new URL('../model/data/world-names.json', import.meta.url), 'utf8')) as { per: Record<string, string[]> }).per).flat());
}

let famous: { ar: Set<string>; latin: Set<string> } | undefined;

/**
 * A one-word name the press uses alone for one well-known person (ماكرون، السيسي، البغدادي; Macron,
 * Erdogan): the one-word entries of the project-written person lists (src/model/data/world-names.json),
 * in Arabic, and in Latin where the spelling lexicon knows the Arabic. Not a given name (صالح، هادي
 * name many people) and not a word of a group's name (الحوثي is also جماعة الحوثي).
 */
export function isFamousSurname(tok: string): boolean {
  if (!famous) {
    const orgWords = new Set(registry().orgs.flatMap((o) => [...o.ar, ...o.en].flatMap((a) => sharedNameTokens(a))));
    const data = nameData();
    famous = { ar: new Set(), latin: new Set() };
    for (const name of personLists()) {
      const toks = sharedNameTokens(name);
      if (toks.length !== 1) continue;
      const t = toks[0];
      if (data.given.has(t) || data.particles.has(t) || isCommonGivenName(t) || orgWords.has(t)) continue;
      famous.ar.add(t);
      const latin = data.spelling.get(t);
      // al-Maliki is Maliki in English as often as not
      if (latin) for (const l of [latin, latin.replace(/^al-/, '')]) famous.latin.add(l);
    }
  }
  // a Latin name as written, not respelled by skeleton: Harry is not al-Hariri
  return isArabic(tok) ? famous.ar.has(fold(tok)) : famous.latin.has(fold(tok).toLowerCase());
}

let famousFull: Map<string, string[][]> | undefined;
const LISTED_TITLES = new Set(['الأمير', 'الأميرة', 'الملك', 'الملكة', 'البابا', 'آية', 'الرئيس', 'الشيخ', 'السيد', 'المشير', 'الجنرال', 'الإمام', 'الفريق', 'المرشد'].map(fold));

/**
 * The full names of the project's person lists (بان كي مون، أشرف غني) as folded atoms, indexed by
 * their first atom: the extent a name the tagger cut short should have.
 */
export function famousFullNames(): ReadonlyMap<string, readonly (readonly string[])[]> {
  if (!famousFull) {
    famousFull = new Map();
    for (const name of personLists()) {
      const atoms = nameAtoms(name);
      // a name with its title (الأمير تشارلز, آية الله علي خامنئي) would bring the title into ids
      if (atoms.length < 2 || LISTED_TITLES.has(atoms[0])) continue;
      const list = famousFull.get(atoms[0]);
      if (list) list.push(atoms);
      else famousFull.set(atoms[0], [atoms]);
    }
  }
  return famousFull;
}

/** Romanise one name token: lexicon, canonical spelling of a known Latin variant, or letter rules. */
export function romanizeToken(tok: string): string {
  const data = nameData();
  const f = fold(tok);
  const particle = data.particles.get(f);
  if (particle) return particle;
  if (isArabic(f)) {
    const known = data.spelling.get(f);
    if (known) return known;
    if (f.startsWith('ال') && f.length > 4) {
      const rest = data.spelling.get(f.slice(2));
      return 'al-' + (rest ?? romanizeByRule(f.slice(2)));
    }
    if (f.startsWith('عبد') && f.length > 4) {
      const rest = f.slice(3).replace(/^ال/, '');
      return 'abd' + (f.slice(3).startsWith('ال') ? 'ul' : '') + (data.spelling.get(rest) ?? romanizeByRule(rest));
    }
    return romanizeByRule(f);
  }
  const lat = f.toLowerCase().replace(/[^a-z0-9-]/g, '');
  if (LATIN_PARTICLES.has(lat)) return lat === 'abou' || lat === 'abo' ? 'abu' : lat === 'el' || lat === 'ul' ? 'al' : lat;
  // a Latin variant of a known name takes its conventional spelling (Mohamed → muhammad, Khaled → khalid)
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of data.bySkeleton.get(skeleton(lat)) ?? []) {
    const bare = c.replace(/^al-/, '');
    const d = editDistance(lat, bare);
    if (looksAlike(lat, bare) && d <= Math.ceil(bare.length * 0.4) && d < bestDist) { best = c; bestDist = d; }
  }
  return best ?? lat;
}

/** Guard for skeleton canonicalisation: Sam must not become Osama (vowel vs consonant start, length). */
function looksAlike(a: string, b: string): boolean {
  const v = (s: string) => /^[aeiou]/.test(s);
  return v(a) === v(b) && Math.min(a.length, b.length) / Math.max(a.length, b.length) >= 0.6;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

const romanMemo = new Map<string, string>();

/** Readable romanisation of a whole name: "Abu Muhammad al-Adnani". */
export function romanizeName(name: string): string {
  return memoized(romanMemo, name, computeRomanizeName);
}

function computeRomanizeName(name: string): string {
  const parts: string[] = [];
  const toks = sharedNameTokens(name);
  for (let i = 0; i < toks.length; i++) {
    let r = romanizeToken(toks[i]);
    if (r === 'al' && i + 1 < toks.length) {
      // a separate Latin article joins the next token, unless the canonical spelling already has it
      const next = romanizeToken(toks[i + 1]);
      parts.push(next.startsWith('al-') ? next : 'al-' + next);
      i++;
      continue;
    }
    parts.push(r);
  }
  return parts.map((p) => (p.startsWith('al-') ? 'al-' + cap(p.slice(3)) : cap(p))).join(' ');
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * The slug of an id: the romanised name; for a name with no Latin letters to give (another script,
 * symbols), a short hash of it, so that two such names never share an id.
 */
export function idSlug(name: string): string {
  const slug = romanizeName(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || 'x' + createHash('sha1').update(name).digest('hex').slice(0, 10);
}

/** The canonical id of a person name, the same across scripts when the lexicon knows the spelling. */
export function personId(name: string): string {
  return 'per:' + idSlug(name);
}

/** Order-free cross-script key of a name (for linking persons across documents). */
const keyMemo = new Map<string, string>();

export function personKey(name: string): string {
  return memoized(keyMemo, name, computePersonKey);
}

function computePersonKey(name: string): string {
  return contentTokens(name).map(tokenKey).filter(Boolean).sort().join(' ');
}
