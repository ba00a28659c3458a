// Places: the compiled gazetteer (countries, admin regions, cities, a few regions and landmarks),
// name lookup in both scripts, and disambiguation by the article's countries, then population.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nameAtoms, isArabic } from './text.js';
import { memoized, nameData } from './names.js';
import { computeSkeleton } from './translit.js';
import type { Entity } from '../core/types.js';

export type PlaceKind = 'country' | 'admin1' | 'city' | 'region' | 'landmark';

export interface Place {
  id: string;
  kind: PlaceKind;
  name: string;
  nameAr: string | null;
  country: string | null;
  /** the GeoNames first-level division (a city's, or an admin1 area's own code); null when unknown */
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  capital: boolean;
  /** name keys (folded atoms joined by a space) in Arabic script and in Latin script */
  namesAr: string[];
  namesEn: string[];
  /** keys of the Arabic names checked by hand (src/kb/data/places-ar.json) */
  curatedAr: string[];
  geonameid: number | null;
}

type CountryRow = [string, number, string, string, number, number, number, string, string];
type PlaceRow = [number | string, string, string, string, number, number, number, string, number, string, string, string, string];

export interface Gazetteer {
  places: Place[];
  byId: Map<string, Place>;
  /** every known name (folded atoms joined by a space) → places */
  byName: Map<string, Place[]>;
  /** names safe to look for in running text → places */
  textNames: Map<string, Place[]>;
  countryByIso: Map<string, Place>;
  /** names that are never places, even when a tagger marks them (كورونا) */
  never: Set<string>;
  /** countries where small towns are looked for in running text (gazetteer-policy.json) */
  focus: Set<string>;
  /** cities above this many people need no support from the article's countries */
  otherMinPopulation: number;
}

const KIND_CODE: Record<string, PlaceKind> = { c: 'city', a: 'admin1', r: 'region', l: 'landmark' };

let memo: Gazetteer | undefined;

const keyMemo = new Map<string, string>();
const computeNameKey = (name: string): string => nameAtoms(name).join(' ');
/** A name's look-up key (folded atoms joined by a space), memoised: the same names are keyed again and again. */
export const nameKey = (name: string): string => memoized(keyMemo, name, computeNameKey);

/** Load models/kb/places.json.gz once per process (immutable). */
export function gazetteer(): Gazetteer {
  if (memo) return memo;
  const raw = JSON.parse(gunzipSync(readFileSync(new URL('../../models/kb/places.json.gz', import.meta.url))).toString('utf8')) as {
    countries: CountryRow[]; places: PlaceRow[]; noText: string[];
  };
  const blocked = new Set(raw.noText);
  const policy = JSON.parse(readFileSync(new URL('./data/gazetteer-policy.json', import.meta.url), 'utf8')) as {
    focusCountries: string[]; focusMinPopulation: number; otherMinPopulation: number;
  };
  const focus = new Set(policy.focusCountries);
  const people = nameData().spelling; // single-word places that are also personal names (خالد, مسعود)
  const places: Place[] = [];
  const textNames = new Map<string, Place[]>();
  const countryByIso = new Map<string, Place>();
  const split = (s: string) => (s ? s.split('|') : []);
  for (const [iso, gid, en, ar, lat, lon, pop, arJ, enJ] of raw.countries) {
    const arNames = split(arJ);
    const enNames = split(enJ);
    const p: Place = { id: 'loc:' + iso.toLowerCase(), kind: 'country', name: en, nameAr: ar || null, country: iso, admin1: null, lat, lon, population: pop, capital: false, namesAr: arNames, namesEn: enNames, curatedAr: arNames, geonameid: gid || null };
    places.push(p);
    countryByIso.set(iso, p);
    for (const n of arNames) add(textNames, n, p);
    for (const n of enNames) add(textNames, n, p);
  }
  for (const [id, en, cc, admin1, lat, lon, pop, kind, capital, nameAr, arJ, enJ, curJ] of raw.places) {
    const namesAr = split(arJ);
    const namesEn = split(enJ);
    const curatedAr = split(curJ);
    const numeric = typeof id === 'number';
    const p: Place = {
      id: 'loc:' + id, kind: KIND_CODE[kind], name: en, nameAr: nameAr || null, country: cc || null, admin1: admin1 || null,
      lat: lat || lon ? lat : null, lon: lat || lon ? lon : null, population: pop, capital: capital === 1, namesAr, namesEn, curatedAr,
      geonameid: numeric ? id : null,
    };
    places.push(p);
    for (const n of curatedAr) add(textNames, n, p);
    if (p.kind === 'region' || p.kind === 'landmark') for (const n of namesEn) add(textNames, n, p);
    const minPop = focus.has(cc) ? policy.focusMinPopulation : policy.otherMinPopulation;
    if (p.kind === 'city' && (pop >= minPop || p.capital)) {
      for (const f of namesAr) {
        const single = !f.includes(' ');
        const bare = f.startsWith('ال') ? f.slice(2) : f;
        if (blocked.has(f) || bare.length < 3) continue;
        if (single && (people.has(f) || people.has(bare))) continue;
        add(textNames, f, p);
      }
      for (const n of namesEn) if (n.length >= 4) add(textNames, n, p);
    }
  }
  // a smaller town that shares a name found in running text is a candidate too (رفح in Egypt beside
  // رفح in Gaza): the name is matched for the large place, and the article decides between them
  for (const p of places) {
    if (p.kind !== 'city' || p.capital) continue;
    const minPop = p.country && focus.has(p.country) ? policy.focusMinPopulation : policy.otherMinPopulation;
    if (p.population >= minPop) continue;
    for (const f of p.namesAr) { const l = textNames.get(f); if (l && l[0].kind !== 'country' && !l.includes(p)) l.push(p); }
  }
  const stop = JSON.parse(readFileSync(new URL('./data/place-stopwords.json', import.meta.url), 'utf8')) as { never: string[] };
  const never = new Set(stop.never.map(nameKey));
  // not even looked for in running text (Hamid, ديلي), nor under the article the matcher tolerates
  // (الخبر 'the news' would match Khobar's bare GeoNames spelling خبر; the tagger may still mark it)
  for (const k of never) { textNames.delete(k); if (k.startsWith('ال')) textNames.delete(k.slice(2)); }
  const byId = new Map<string, Place>();
  for (const p of places) byId.set(p.id, p);
  // every name → places is only needed for names the dictionary did not find (tagger mentions,
  // `entity lookup`): built on first use, which keeps the cold load short
  let byName: Map<string, Place[]> | undefined;
  memo = {
    places, byId, textNames, countryByIso, never, focus, otherMinPopulation: policy.otherMinPopulation,
    get byName() { return (byName ??= nameIndex(places)); },
  };
  return memo;
}

/** keys arrive folded from the build (scripts/build-kb.ts uses the same nameAtoms) */
function add(map: Map<string, Place[]>, k: string, p: Place): void {
  if (!k) return;
  const list = map.get(k);
  if (!list) map.set(k, [p]);
  else if (list[list.length - 1] !== p) list.push(p); // a place's own keys are distinct; only Arabic/Latin may repeat
}

/** All names of all places, in the order of the places (countries first) and of their names. */
function nameIndex(places: Place[]): Map<string, Place[]> {
  const byName = new Map<string, Place[]>();
  for (const p of places) {
    if (p.kind === 'country') {
      // a country's curated Arabic names are its Arabic names
      for (const n of p.namesAr) add(byName, n, p);
    } else {
      for (const n of p.curatedAr) add(byName, n, p);
      for (const n of p.namesAr) add(byName, n, p);
    }
    for (const n of p.namesEn) add(byName, n, p);
  }
  return byName;
}

/**
 * One proclitic before a place name (وبغداد, بلندن, ولحلب). Not ك ("like"): rare before a place,
 * while many names start with the letter (كريم is not ريم, a spelling of Rome).
 */
const PROCLITIC = /^(و|ف)?(ب|ل)?/;

/** placeCandidates by name: place names and the words after a head noun recur from article to article. */
const candidatesMemo = new Map<string, Place[]>();

/**
 * All places known by this name (any script; a leading article or clitic is tolerated). The list is
 * shared by every caller with the same name (as the gazetteer's own lists always were): never to be
 * changed.
 */
export function placeCandidates(name: string): Place[] {
  return memoized(candidatesMemo, name, computePlaceCandidates);
}

/** A name that is never a place (place-stopwords.json 'never'), with or without a clitic and the article. */
export function isNeverPlace(name: string): boolean {
  const k = nameKey(name);
  const never = gazetteer().never;
  return never.has(k) || never.has(k.replace(/^(و|ف|ب|ل|ك)?(ال)?/, ''));
}

function computePlaceCandidates(name: string): Place[] {
  if (isNeverPlace(name)) return [];
  const g = gazetteer();
  const k = nameKey(name);
  const direct = g.byName.get(k);
  if (direct) return direct;
  if (isArabic(k)) {
    // بلندن, وبغداد: try without one proclitic, then with the article added or removed
    for (const re of [PROCLITIC, /^(و|ف)?(ال)/]) {
      const stripped = k.replace(re, '');
      if (stripped !== k && stripped.length >= 2) {
        const hit = g.byName.get(stripped) ?? g.byName.get('ال' + stripped);
        if (hit) return hit;
      }
    }
  }
  return [];
}

const KIND_BONUS: Record<PlaceKind, number> = { country: 3, region: 2.5, landmark: 2, admin1: 0.3, city: 0 };

/** The article's countries with how often each is named (a plain set counts each once). */
export type PlaceContext = ReadonlySet<string> | ReadonlyMap<string, number>;

const weightIn = (context: PlaceContext, iso: string): number => {
  if (context instanceof Map) return context.get(iso) ?? 0;
  return (context as ReadonlySet<string>).has(iso) ? 1 : 0;
};

/** Score a candidate: countries the article mentions first (the more often, the stronger), then size
 * and rank; curated Arabic names count. */
export function placeScore(p: Place, name: string, context: PlaceContext): number {
  let s = Math.log10(p.population + 10) + KIND_BONUS[p.kind] + (p.capital ? 0.7 : 0);
  const w = p.country ? weightIn(context, p.country) : 0;
  if (w > 0) s += 5 + 1.5 * Math.log2(w);
  const k = nameKey(name);
  if (p.curatedAr.includes(k)) s += 1;
  return s;
}

/** The place a name most likely means here: طرابلس → Libya, unless the article mentions Lebanon.
 * `contextCountries` may repeat a country once per mention: the article's dominant country wins. */
export function resolvePlace(name: string, contextCountries: Iterable<string> = []): Place | null {
  const context = new Map<string, number>();
  for (const c of contextCountries) context.set(c, (context.get(c) ?? 0) + 1);
  return choosePlace(placeCandidates(name), name, context);
}

const ACRONYM = /^[A-Z]{2,5}$/;

/** Whether a candidate may stand for this name here at all. A name checked by hand for some places
 * means those places only (رفح: Gaza's or Egypt's, never a namesake elsewhere). An Arabic spelling of a
 * small town outside the focus countries (يوبي → Ube, Japan; ديلي → Dili) is far more often another word
 * or another place: it needs the article to name its country. */
function admissible(p: Place, k: string, acronym: boolean, curatedOnly: boolean, arabic: boolean, context: PlaceContext, g: Gazetteer): boolean {
  if (curatedOnly) return p.kind === 'country' || p.curatedAr.includes(k);
  // an acronym (BLA, IS) is a country's or nothing: GeoNames lists codes and short names that collide
  if (acronym && p.kind !== 'country') return false;
  if (!arabic || p.kind !== 'city' || p.capital || !p.country) return true;
  if (g.focus.has(p.country) || p.population >= g.otherMinPopulation) return true;
  return weightIn(context, p.country) > 0;
}

/** A place as a contract entity (no mentions yet). */
export function placeEntity(p: Place): Entity {
  return {
    id: p.id, type: 'location', name: p.name, nameAr: p.nameAr, aliases: [], country: p.country,
    ...(p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : {}), kind: p.kind,
    ...(p.population ? { population: p.population } : {}), mentions: [],
  };
}

let skeletonIndex: Map<string, Place[]> | undefined;

/** A multi-word skeleton key with at least three consonants in all: shorter ones link nothing. */
const skeletonKey = (words: string[]): string | null => {
  const key = words.map(computeSkeleton).join(' ');
  return key.replace(/ /g, '').length >= 3 ? key : null;
};

/** A town before the region named after it (Gombe the city, not Gombe State), then the larger. */
const townFirst = (x: Place) => (x.kind === 'city' ? 1 : 0);

/** Latin names of towns and regions by consonant skeleton (Gombe → GMB), built on first use. */
function placesBySkeleton(): Map<string, Place[]> {
  if (skeletonIndex) return skeletonIndex;
  const index = new Map<string, Place[]>();
  for (const p of gazetteer().places) {
    if (p.kind !== 'city' && p.kind !== 'region' && p.kind !== 'admin1') continue;
    for (const n of p.namesEn) {
      const key = skeletonKey(n.split(' '));
      if (!key) continue;
      const list = index.get(key);
      if (!list) index.set(key, [p]);
      else if (!list.includes(p)) list.push(p);
    }
  }
  return (skeletonIndex = index);
}

/**
 * An Arabic spelling the gazetteer lacks (غومبيه، عين الدفلى), read across scripts: the town or region of
 * one of the article's own countries whose Latin name has the same consonant skeleton (a town before a
 * region, then the largest). Never a place in a country the article does not name, never a short skeleton.
 */
export function placeBySkeleton(name: string, context: PlaceContext): Place | null {
  const atoms = nameKey(name).split(' ').filter(Boolean);
  if (atoms.length === 0 || !isArabic(atoms[0])) return null;
  const keys = [skeletonKey(atoms)];
  // بغومبيه، وعين: one proclitic on the first word
  const bare = atoms[0].replace(PROCLITIC, '');
  if (bare !== atoms[0] && bare.length >= 3) keys.push(skeletonKey([bare, ...atoms.slice(1)]));
  let best: Place | null = null;
  for (const key of keys) {
    if (!key) continue;
    for (const p of placesBySkeleton().get(key) ?? []) {
      if (!p.country || weightIn(context, p.country) === 0) continue;
      const better = !best || townFirst(p) > townFirst(best) ||
        (townFirst(p) === townFirst(best) && (p.population > best.population || (p.population === best.population && p.id < best.id)));
      if (better) best = p;
    }
  }
  return best;
}

export function choosePlace(cands: Place[], name: string, context: PlaceContext): Place | null {
  if (cands.length === 0) return null;
  const g = gazetteer();
  let k = nameKey(name);
  const arabic = isArabic(k);
  // وبرفح: the name as checked by hand, without the conjunction and preposition
  if (arabic && !cands.some((p) => p.curatedAr.includes(k))) {
    const bare = k.replace(PROCLITIC, '');
    if (bare !== k && cands.some((p) => p.curatedAr.includes(bare))) k = bare;
  }
  const acronym = ACRONYM.test(name.trim());
  let curatedOnly = false;
  if (arabic && cands.length > 1) for (const p of cands) if (p.kind !== 'country' && p.curatedAr.includes(k)) { curatedOnly = true; break; }
  // a country's own name means the country (بنين is Benin, not Benin City, however Nigerian the article)
  for (const p of cands) if (p.kind === 'country' && p.namesAr.concat(p.namesEn).includes(k)) return p;
  // a sea or region of no one country named exactly so, checked by hand, outranks its administrative
  // namesakes in English as its Arabic names do (the Red Sea, not Sudan's Red Sea State)
  if (!arabic) for (const p of cands) if ((p.kind === 'region' || p.kind === 'landmark') && !p.country && p.namesEn.includes(k)) return p;
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const p of cands) {
    if (!admissible(p, k, acronym, curatedOnly, arabic, context, g)) continue;
    const s = placeScore(p, name, context);
    if (s > bestScore || (s === bestScore && best && p.id < best.id)) { best = p; bestScore = s; }
  }
  return best;
}

export function countryPlace(iso: string): Place | null {
  return gazetteer().countryByIso.get(iso.toUpperCase()) ?? null;
}
