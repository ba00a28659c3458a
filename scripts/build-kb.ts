// Builds the knowledge-base artefacts in models/kb/ from ../shared/data (GeoNames, mledoze/countries,
// the UN consolidated list) plus the curated files in src/kb/data. Deterministic: same inputs, same bytes.
//   npm run build:kb [-- --data DIR]
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { fold, isArabic, nameAtoms } from '../src/kb/text.ts';
import { contentTokens, tokenKey } from '../src/kb/names.ts';
import { commonKey, placeHead } from '../src/kb/place-heads.ts';
import { computeSkeleton } from '../src/kb/translit.ts';

const argData = process.argv.indexOf('--data');
const DATA = argData > 0 ? process.argv[argData + 1] : join(import.meta.dirname, '../../shared/data');
const OUT = join(import.meta.dirname, '../models/kb');
const CURATED = join(import.meta.dirname, '../src/kb/data');

/** Arabic-script names GeoNames lists without a language tag: keep those written only with Arabic letters
 * (drops Persian/Urdu/Kurdish spellings with پ چ ژ گ ک ی ە ۆ ہ… and "City, Province" forms). */
const ARABIC_ONLY = /^[\u0621-\u064A\u064B-\u0652 ]+$/;
const LATIN_NAME = /^[A-Za-z][A-Za-z .'’-]{2,40}$/;
const ADMIN_FORM = /\b(Qada|Nahiyat|Nahiyah|Muhafazat|Markaz|District|Province|Governorate|Sub-?district)\b/i;
const GENERIC_ADMIN = /^((North|South|East|West|Northern|Southern|Eastern|Western|Central|Centre|Center|Upper|Lower|Middle|Coast|Capital)[ -]?)+$/i;

const keys = (names: string[]) => [...new Set(names.map((n) => nameAtoms(n).join(' ')).filter(Boolean))].join('|');
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

interface Curated {
  geonameid?: number; admin1?: string; iso?: string; id?: string; kind?: string;
  /** false: the Arabic names are looked up (for what the tagger or a head noun marks) but never sought in running text */
  inText?: boolean;
  en?: string | string[]; enAliases?: string[]; ar: string[]; country?: string | null; lat?: number; lon?: number; within?: number;
  /**
   * a region made of these admin1 areas (Iraq's Kurdistan Region: Erbil, Duhok, Sulaymaniyah; GeoNames has no town of Halabja's):
   * its population is theirs, counted as for an admin1 (the towns of ≥ 15,000 people), so that it
   * ranks as their sum, not as a nameless zero, against a namesake (Iran's Kurdistan Province)
   */
  admin1s?: string[];
}

const ARABIC_ADMIN = /^(ناحية|ولاية|إمارة|امارة|محافظة|قرية|قضاء|مدينة|بلدية|استان|شهرستان|ضلع) /;
const LATIN_ADMIN = /^(N[aā][hḩ][iī]yat|Qaryat|Mu[hḩ][aā]fa[zẓ]at|Mad[iī]nat) /;

/** Consonant skeleton of a whole name (one per word, joined): حيفا and Haifa are both HF. */
const nameSkeleton = (name: string) => name.split(/[\s-]+/).map(computeSkeleton).join('');

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The Arabic name to show: GeoNames lists a city's Arabic-script names untagged and unordered, and
 * the first in sort order is often a rare one (جحفية before حيفا for Haifa). Take the one whose
 * consonants are closest to the city's own romanised name; on a tie, the first in sort order.
 */
function displayArabic(ar: string[], latin: string[]): string {
  if (ar.length <= 1) return ar[0] ?? '';
  const targets = latin.map((n) => nameSkeleton(n.replace(LATIN_ADMIN, '')));
  let best = ar[0];
  let bestD = Infinity;
  for (const a of ar) {
    // a name with its administrative noun (ناحية الإسكندرية, ولاية البيض) only when there is no other,
    // and one written without short vowels before one with them
    const plain = a.replace(/[\u064B-\u0652]/g, '');
    const d = Math.min(...targets.map((t) => editDistance(nameSkeleton(plain.replace(ARABIC_ADMIN, '')), t))) + (ARABIC_ADMIN.test(plain) ? 100 : 0) + (plain !== a ? 0.5 : 0);
    if (d < bestD) [best, bestD] = [a, d];
  }
  return best;
}

function buildPlaces() {
  const geo = join(DATA, 'gazetteer/geonames');
  const curated = JSON.parse(readFileSync(join(CURATED, 'places-ar.json'), 'utf8')) as Curated[];
  const focus = new Set((JSON.parse(readFileSync(join(CURATED, 'gazetteer-policy.json'), 'utf8')) as { focusCountries: string[] }).focusCountries);
  const curatedById = new Map<number, string[]>();
  const curatedAdmin = new Map<string, string[]>();
  // English names the press uses for a region GeoNames spells otherwise (North Kivu for Nord Kivu)
  const curatedAdminEn = new Map<string, string[]>();
  // names that are also ordinary words once folded (فان for Van is فإن "indeed"): GeoNames names of the
  // city, so looked up, and blocked from running text
  const lookupOnly = new Map<number, string[]>();
  for (const c of curated) {
    if (c.inText === false && c.geonameid) lookupOnly.set(c.geonameid, c.ar);
    else if (c.admin1) {
      curatedAdmin.set(c.admin1, c.ar);
      if (c.enAliases) curatedAdminEn.set(c.admin1, c.enAliases);
    }
    else if (c.geonameid && !c.id) curatedById.set(c.geonameid, c.ar);
  }

  // [id, nameEn, cc, admin1, lat, lon, pop, kind, capital, nameAr, arKeys, enKeys, curatedKeys]; keys are the
  // folded atoms of each name joined by spaces, names joined by '|', so that loading is a split, not a fold
  type Row = [number | string, string, string, string, number, number, number, string, number, string, string, string, string];
  const places: Row[] = [];
  const admin1Agg = new Map<string, { w: number; lat: number; lon: number; n: number }>();
  for (const l of lines(join(geo, 'cities15000.txt'))) {
    const f = l.split('\t');
    const id = Number(f[0]);
    const pop = Number(f[14]) || 0;
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const alt = f[3] ? f[3].split(',') : [];
    const ar = [...new Set([...alt.filter((a) => ARABIC_ONLY.test(a)), ...(lookupOnly.get(id) ?? [])])].sort();
    // Latin alternate names (Raqqa for Ar Raqqah, Londres…) for cities of ≥ 100,000 and for every town
    // of the focus countries, where the English press spells small towns its own way (Jenin for Janīn,
    // Haditha for Ḩadīthah); elsewhere they are most of the file's bulk. Below the policy's population
    // the runtime never looks for a town's names in running text, so these only place what the tagger
    // marked. Not codes in capitals (BLA is an airport of Barcelona, Venezuela, and the Balochistan
    // Liberation Army), nor lower-case transliterations (tkryt) or administrative forms (Qada' Talkif).
    const latin = pop >= 100_000 || focus.has(f[8])
      ? alt.filter((a) => LATIN_NAME.test(a) && a.split(' ').length <= 3 && !/^[A-Z]+$/.test(a) && (pop >= 100_000 || (/^[A-Z]/.test(a) && a.length >= 4 && !ADMIN_FORM.test(a))))
      : [];
    const en = [...new Set([f[1], f[2], ...latin])];
    const key = `${f[8]}.${f[10]}`;
    const agg = admin1Agg.get(key) ?? { w: 0, lat: 0, lon: 0, n: 0 };
    const w = Math.max(pop, 1);
    agg.w += w; agg.lat += lat * w; agg.lon += lon * w; agg.n += pop;
    admin1Agg.set(key, agg);
    const cur = curatedById.get(id) ?? [];
    places.push([id, f[1], f[8], f[10], round(lat), round(lon), pop, 'c', f[7] === 'PPLC' ? 1 : 0, cur[0] ?? displayArabic(ar, [f[1], f[2]]), keys(ar), keys(en), keys(cur)]);
  }
  for (const l of lines(join(geo, 'admin1CodesASCII.txt'))) {
    const [code, name, ascii, gid] = l.split('\t');
    const agg = admin1Agg.get(code);
    if (!agg) continue; // no city of ≥ 15,000 people: no position to give it
    const cur = curatedAdmin.get(code) ?? [];
    // "Yobe State", "Abyan Governorate": the press says Yobe, Abyan; a bare compass word (Western, North
    // East, Central) names regions in a dozen countries and is an adjective far more often
    const short = [name, ascii].map((n) => n.replace(/^Muhafazat /, '').replace(/ (State|Region|Province|Governorate)$/, ''));
    const enNames = [...new Set([name, ascii, ...short, ...(curatedAdminEn.get(code) ?? [])])].filter((n) => !GENERIC_ADMIN.test(n));
    places.push([Number(gid), name, code.split('.')[0], code.split('.')[1], round(agg.lat / agg.w), round(agg.lon / agg.w), agg.n, 'a', 0, cur[0] ?? '', '', keys(enNames), keys(cur)]);
  }
  for (const c of curated.filter((c) => c.id)) {
    const en = typeof c.en === 'string' ? c.en : '';
    const within = c.within ? places.find((p) => p[0] === c.within) : undefined;
    // inText false: the Arabic names as the place's own (looked up), not as curated ones (sought in text)
    const lookup = c.inText === false;
    const pop = (c.admin1s ?? []).reduce((sum, code) => {
      const agg = admin1Agg.get(code);
      if (!agg) throw new Error(`${c.id}: no admin1 ${code} with towns in GeoNames`);
      return sum + agg.n;
    }, 0);
    places.push([c.id!.replace(/^loc:/, ''), en, c.country ?? '', within?.[3] ?? '', c.lat ?? 0, c.lon ?? 0, pop, c.kind === 'landmark' ? 'l' : 'r', 0, c.ar[0] ?? '', lookup ? keys(c.ar) : '', keys(c.enAliases ?? []), lookup ? '' : keys(c.ar)]);
  }
  places.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'en', { numeric: true }));

  // countries: [iso, geonameid, nameEn, nameAr, lat, lon, pop, arKeys, enKeys]
  const info = new Map<string, { gid: number; pop: number }>();
  for (const l of lines(join(DATA, 'gazetteer/geonames/countryInfo.txt'))) {
    const f = l.split('\t');
    info.set(f[0], { gid: Number(f[16]), pop: Number(f[7]) });
  }
  const trans = JSON.parse(readFileSync(join(DATA, 'gazetteer/arabic-names/country_translations.json'), 'utf8')) as Record<string, Record<string, string>>;
  const mledoze = JSON.parse(readFileSync(join(DATA, 'gazetteer/countries/countries.json'), 'utf8')) as Array<{
    cca2: string; name: { common: string; official: string }; latlng: number[]; altSpellings: string[];
    translations: { ara?: { common: string; official: string } };
  }>;
  const curatedIso = new Map(curated.filter((c) => c.iso).map((c) => [c.iso!, c] as const));
  const countries = mledoze
    .map((c) => {
      const i = info.get(c.cca2);
      const cur = curatedIso.get(c.cca2);
      const arGeo = i ? trans[String(i.gid)]?.ar : undefined;
      const ar = [...new Set([...(cur?.ar ?? []), c.translations.ara?.common, c.translations.ara?.official, arGeo].filter((x): x is string => !!x))];
      const en = [...new Set([c.name.common, c.name.official, ...((cur?.en as string[]) ?? []), ...c.altSpellings.filter((s) => s.length > 3 && LATIN_NAME.test(s))])];
      return [c.cca2, i?.gid ?? 0, c.name.common, ar[0] ?? '', round(c.latlng[0] ?? 0, 2), round(c.latlng[1] ?? 0, 2), i?.pop ?? 0, keys(ar), keys(en)] as const;
    })
    .sort((a, b) => a[0].localeCompare(b[0]));

  const noText = [...new Set([...textBlocklist(places), ...[...lookupOnly.values()].flat().map(fold)])].sort();
  return { places, countries, noText };
}

/** Arabic city names that are also ordinary words (الأمل, النصر…): blocked from free-text matching when
 * ANERcorp mostly tags them O or PER (ORG counts as place-like: clubs are named after cities). Curated
 * names are never blocked. */
function textBlocklist(places: Array<Array<unknown>>): string[] {
  const ner = join(DATA, 'ner/ar-anercorp-train/ANERCorp_train_CamelSplitReproduced.txt');
  const stop = JSON.parse(readFileSync(join(CURATED, 'place-stopwords.json'), 'utf8')) as { ar: string[]; never: string[] };
  const blocked = new Set([...stop.ar, ...stop.never].map(fold));
  if (!existsSync(ner)) return [...blocked].sort();
  const seen = new Map<string, { n: number; loc: number }>();
  for (const l of lines(ner)) {
    const [tok, tag] = l.split(' ');
    if (!tok || !tag) continue;
    // count the word as written and without its clitics: بأنه must block the town "بانه" too
    const full = fold(tok);
    for (const k of new Set([full, full.replace(/^(و|ف|ب|ل|ك)?(ال)?/, '')])) {
      const s = seen.get(k) ?? { n: 0, loc: 0 };
      s.n++;
      if (tag.endsWith('LOC') || tag.endsWith('ORG')) s.loc++;
      seen.set(k, s);
    }
  }
  for (const p of places) {
    for (const name of String(p[10]).split('|')) {
      if (!name || name.includes(' ')) continue;
      for (const k of [fold(name), fold(name).replace(/^ال/, '')]) {
        const s = seen.get(k);
        if (s && s.n >= 3 && s.loc / s.n < 0.5) blocked.add(fold(name));
      }
    }
  }
  return [...blocked].sort();
}

function buildSanctions() {
  const xml = readFileSync(join(DATA, 'watchlists/un-consolidated/consolidated.xml'), 'utf8');
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'VALUE'].includes(name) });
  const doc = parser.parse(xml);
  const root = doc.CONSOLIDATED_LIST;
  const clean = (s: unknown) => String(s ?? '').replace(/\s+/g, ' ').trim();
  type Rec = { ref: string; program: string; type: 'person' | 'organization'; name: string; nameAr: string | null; aliases: string[]; lowAliases: string[]; nationality: string[] };
  const recs: Rec[] = [];
  const take = (r: Record<string, unknown>, type: Rec['type'], aliasKey: string) => {
    const name = clean(['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => clean(r[k])).filter(Boolean).join(' '));
    const orig = clean(r.NAME_ORIGINAL_SCRIPT);
    const aliases: string[] = [];
    const low: string[] = [];
    for (const a of (r[aliasKey] as Array<Record<string, unknown>> | undefined) ?? []) {
      // an alias field may bundle several names: "جبهة النصرة (the Victory Front; Jabhat al-Nusrah; …)"
      for (const part of clean(a.ALIAS_NAME).split(/[;()]/).map((s) => s.replace(/original script/i, '').trim()).filter((s) => s.length > 2)) {
        (clean(a.QUALITY) === 'Low' ? low : aliases).push(part);
      }
    }
    const nat = ((r.NATIONALITY as { VALUE?: unknown[] } | undefined)?.VALUE ?? []).map(clean).filter(Boolean);
    recs.push({
      ref: clean(r.REFERENCE_NUMBER), program: clean(r.UN_LIST_TYPE), type, name,
      nameAr: /[\u0600-\u06FF]/.test(orig) ? orig : null,
      aliases: [...new Set(aliases)], lowAliases: [...new Set(low)], nationality: nat,
    });
  };
  for (const r of root.INDIVIDUALS.INDIVIDUAL) take(r, 'person', 'INDIVIDUAL_ALIAS');
  for (const r of root.ENTITIES.ENTITY) take(r, 'organization', 'ENTITY_ALIAS');
  recs.sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  // screening keys are computed here (the cross-script skeletons of every name and alias) so that
  // loading the list at run time is a parse and a map, not 7,000 transliterations
  const names: Array<[number, string, number, string]> = [];
  recs.forEach((rec, i) => {
    const variants: Array<[string, number]> = [[rec.name, 0], ...rec.aliases.map((a) => [a, 0] as [string, number]), ...rec.lowAliases.map((a) => [a, 1] as [string, number])];
    if (rec.nameAr) variants.push([rec.nameAr, 0]);
    for (const [text, low] of variants) {
      const keys = [...new Set(contentTokens(text).map(tokenKey).filter(Boolean))];
      if (keys.length > 0) names.push([i, text, low, keys.join(' ')]);
    }
  });
  return { list: 'UN', generated: clean(root['@_dateGenerated']), records: recs, names };
}

/** Name-part statistics from ANERcorp (CC BY-SA 4.0) for the rule-based person finder: tokens that
 * start person names, tokens that occur inside them, and frequent tokens that almost never do. */
function buildNameParts() {
  const ner = join(DATA, 'ner/ar-anercorp-train/ANERCorp_train_CamelSplitReproduced.txt');
  const stats = new Map<string, { n: number; b: number; per: number }>();
  for (const l of lines(ner)) {
    const [tok, tag] = l.split(' ');
    if (!tok || !tag) continue;
    const k = fold(tok);
    const s = stats.get(k) ?? { n: 0, b: 0, per: 0 };
    s.n++;
    if (tag.endsWith('PERS') || tag.endsWith('PER')) { s.per++; if (tag.startsWith('B-')) s.b++; }
    stats.set(k, s);
  }
  const first: string[] = [];
  const part: string[] = [];
  const common: string[] = [];
  for (const [k, s] of [...stats].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!/^[\u0621-\u064A]{2,}$/.test(k)) continue;
    if (s.b >= 2 && s.b / s.n >= 0.7) first.push(k);
    if (s.per >= 2 && s.per / s.n >= 0.5) part.push(k);
    else if (s.n >= 5 && s.per / s.n < 0.1) common.push(k);
  }
  return { source: 'ANERcorp train split (CC BY-SA 4.0)', first, part, common };
}

/** Proclitic letters a word may carry before a place name (بلندن, ولبغداد), without the article. */
const GLUE = ['وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل'];

/**
 * Ordinary words of Arabic news, for the place rule (src/kb/place-heads.ts): words seen at least
 * 20 times in SaudiNewsNet (CC BY-NC-SA 4.0) that follow a place head noun in under 10% of their
 * occurrences. "منطقة سكنية" is prose; a village after قرية is almost never this frequent.
 * Glued words (`placeKeys`: the gazetteer's one-word Arabic names): frequent words that read as a
 * proclitic and a place but are written glued at least three times as often as the place is
 * written bare (باكرا 'early' is not ب + أكرا, Accra); a glued place (ببغداد) is written far less
 * often than the bare one.
 */
function buildCommonWords(placeKeys: ReadonlySet<string>) {
  const dir = join(DATA, 'corpus/ar-saudinewsnet');
  const total = new Map<string, number>();
  const afterHead = new Map<string, number>();
  const raw = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort()) {
    const articles = JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString('utf8')) as Array<{ title?: string; content?: string }>;
    for (const a of articles) {
      for (const part of [a.title ?? '', a.content ?? '']) {
        let head = false;
        for (const m of part.matchAll(/[\u0621-\u064A\u0640\u064B-\u0652]+|[^\s\u0621-\u0652]+/g)) {
          const norm = fold(m[0]);
          raw.set(norm, (raw.get(norm) ?? 0) + 1);
          const k = commonKey(norm);
          total.set(k, (total.get(k) ?? 0) + 1);
          if (head) afterHead.set(k, (afterHead.get(k) ?? 0) + 1);
          head = placeHead(norm) !== undefined;
        }
      }
    }
  }
  const common: string[] = [];
  for (const [k, n] of total) if (n >= 20 && /^[\u0621-\u064A]{2,}$/.test(k) && (afterHead.get(k) ?? 0) < 0.1 * n) common.push(k);
  const glued: string[] = [];
  for (const [w, n] of raw) {
    if (n < 20 || placeKeys.has(w)) continue;
    const p = GLUE.find((g) => w.startsWith(g) && w.length - g.length >= 3 && placeKeys.has(w.slice(g.length)));
    if (p && (raw.get(w.slice(p.length)) ?? 0) * 3 <= n) glued.push(w);
  }
  return { source: 'SaudiNewsNet (CC BY-NC-SA 4.0): word counts', common: common.sort(), glued: glued.sort() };
}

function write(name: string, data: unknown) {
  const json = JSON.stringify(data);
  const gz = gzipSync(Buffer.from(json), { level: 9 });
  writeFileSync(join(OUT, name), gz);
  console.log(`${name}: ${(json.length / 1024).toFixed(0)} KiB JSON, ${(gz.length / 1024).toFixed(0)} KiB gz`);
}

mkdirSync(OUT, { recursive: true });
const t0 = Date.now();
const { places, countries, noText } = buildPlaces();
write('places.json.gz', { version: 1, source: 'GeoNames cities15000 + admin1 (CC BY 4.0); mledoze/countries (ODbL 1.0); src/kb/data/places-ar.json', countries, places, noText });
write('name-parts.json.gz', { version: 1, ...buildNameParts() });
// one-word Arabic names of the places (arKeys and curatedKeys: '|'-joined names of space-joined atoms)
const placeKeys = new Set(places.flatMap((r) => `${r[10]}|${r[12]}`.split('|').filter((k) => k && !k.includes(' ') && isArabic(k))));
write('words.json.gz', { version: 1, ...buildCommonWords(placeKeys) });
const sanctions = buildSanctions();
write('sanctions.json.gz', { version: 1, ...sanctions });
console.log(`${places.length} places, ${countries.length} countries, ${noText.length} blocked names, ${sanctions.records.length} UN records in ${Date.now() - t0} ms`);
