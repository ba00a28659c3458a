// Training-time builders of the tagger's resources from ../shared data: place-name lists from
// GeoNames and the countries table, and the unlabelled-corpus word stream for clusters. Only the
// derived lists and clusters ship in the artefact; nothing here runs in the app.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GazetteerData } from './gazetteer.js';
import type { ModelLang } from './features.js';
import { CorpusStream } from './clusters.js';
import { featureNorm, hasArabic, stripProclitics } from './word-forms.js';

/** Split a phrase like the CoNLL tokens are split: words and single punctuation marks. */
export function roughTokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** A phrase as gazetteer key: the tagger's base form of each token, space-joined. */
export function phraseKey(phrase: string, lang: ModelLang): string {
  return roughTokens(phrase)
    .map((t) => {
      const n = featureNorm(t);
      return lang === 'ar' ? stripProclitics(n).base : n;
    })
    .join(' ');
}

interface Country {
  name: { common: string; official: string };
  altSpellings?: string[];
  translations?: { ara?: { common: string; official: string } };
  demonyms?: { eng?: { f: string; m: string } };
}

/**
 * Lists: `country` (countries and territories) and `city` (GeoNames cities ≥ 15k people and
 * capitals, plus first-level regions for English). English also gets `demonym` from the countries
 * table (Kenyan, Pakistani…): nationality words are MISC, and the tagger took unseen ones for ORG
 * or LOC. Arabic city names come from the untagged
 * GeoNames alternate names, so a few Persian or Urdu spellings slip in — harmless as features.
 */
export function buildPlaceLists(gazDir: string, lang: ModelLang): GazetteerData {
  const countries = new Set<string>();
  const cities = new Set<string>();
  const demonyms = new Set<string>();
  const add = (set: Set<string>, phrase: string) => {
    if (lang === 'ar' ? !hasArabic(phrase) : hasArabic(phrase) || !/^[\p{Script=Latin}\s.'’-]+$/u.test(phrase)) return;
    const key = phraseKey(phrase, lang);
    // one- and two-letter keys (codes, initials) match far too much
    if (key.replace(/ /g, '').length >= 3) set.add(key);
  };
  const table = JSON.parse(readFileSync(join(gazDir, 'countries/countries.json'), 'utf8')) as Country[];
  for (const c of table) {
    if (lang === 'ar') {
      if (c.translations?.ara) {
        add(countries, c.translations.ara.common);
        add(countries, c.translations.ara.official);
      }
    } else {
      add(countries, c.name.common);
      add(countries, c.name.official);
      for (const alt of c.altSpellings ?? []) if (alt.length > 3) add(countries, alt);
      for (const d of Object.values(c.demonyms?.eng ?? {})) add(demonyms, d);
    }
  }
  for (const line of readFileSync(join(gazDir, 'geonames/cities15000.txt'), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    if (lang === 'ar') {
      for (const alt of f[3].split(',')) add(cities, alt);
    } else {
      add(cities, f[1]);
      add(cities, f[2]);
    }
  }
  if (lang === 'en') {
    for (const line of readFileSync(join(gazDir, 'geonames/admin1CodesASCII.txt'), 'utf8').split('\n')) {
      const f = line.split('\t');
      if (f.length >= 3) add(cities, f[2]);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { lists: { city: sorted(cities), country: sorted(countries), ...(demonyms.size ? { demonym: sorted(demonyms) } : {}) } };
}

interface KbOrganization {
  ar?: string[];
  en?: string[];
  weak?: string[];
}

/** A name list entry's phrase key, or null when it is in the other script or under 3 letters. */
function listKey(phrase: string, lang: ModelLang): string | null {
  if (lang === 'ar' ? !hasArabic(phrase) : hasArabic(phrase)) return null;
  const key = phraseKey(phrase, lang);
  return key.replace(/ /g, '').length >= 3 ? key : null;
}

/**
 * Lists from the project's own knowledge base (src/kb/data, in this repository): `kb-org` (group,
 * agency and media aliases, weak ones left out), `kb-place` (curated place names) and
 * `kb-nationality` (nationality adjectives with their feminine and plural endings for Arabic).
 */
export function buildKbLists(kbDir: string, lang: ModelLang): GazetteerData {
  const read = <T>(f: string) => JSON.parse(readFileSync(join(kbDir, f), 'utf8')) as T;
  const lists: Record<string, Set<string>> = { 'kb-org': new Set(), 'kb-place': new Set(), 'kb-nationality': new Set() };
  const add = (list: string, phrase: string) => {
    const key = listKey(phrase, lang);
    if (key) lists[list].add(key);
  };
  for (const o of read<{ organizations: KbOrganization[] }>('organizations.json').organizations) {
    const weak = new Set(o.weak ?? []);
    for (const a of (lang === 'ar' ? o.ar : o.en) ?? []) if (!weak.has(a)) add('kb-org', a);
  }
  for (const p of read<Array<{ en: string; ar: string[] }>>('places-ar.json')) {
    if (lang === 'ar') for (const a of p.ar) add('kb-place', a);
    else if (typeof p.en === 'string') add('kb-place', p.en);
  }
  const nat = read<Record<string, { ar?: string[]; arExtra?: string[]; en?: string[] } | string>>('nationalities.json');
  for (const [code, v] of Object.entries(nat)) {
    if (code.startsWith('_') || typeof v === 'string') continue;
    if (lang === 'ar') {
      for (const a of v.ar ?? []) for (const end of ['', 'ة', 'ون', 'ين', 'ان']) add('kb-nationality', a + end);
      for (const a of v.arExtra ?? []) add('kb-nationality', a);
    } else for (const a of v.en ?? []) add('kb-nationality', a);
  }
  return { lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()])) };
}

/** A world-names list: entries, or categories of entries (the categories are for reading only). */
type WorldList = string[] | Record<string, string[]>;

/**
 * Lists from the project-written world-knowledge file (src/model/data/world-names.json):
 * `world-org` (companies, clubs, parties, media, international bodies, universities), `world-per`
 * (politicians, officials, envoys, public figures, footballers and coaches) and `world-misc`
 * (tournaments, events, prizes, car models…), each flattened over its categories, as phrase keys.
 * Only entries in the model's script are kept (the file is Arabic).
 */
export function buildWorldLists(file: string, lang: ModelLang): GazetteerData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, WorldList | string>;
  const lists: Record<string, string[]> = {};
  for (const name of ['org', 'per', 'misc']) {
    const v = data[name];
    if (v === undefined || typeof v === 'string') throw new Error(`${file}: no list '${name}'`);
    const set = new Set<string>();
    for (const phrase of Array.isArray(v) ? v : Object.values(v).flat()) {
      const key = listKey(phrase, lang);
      if (key) set.add(key);
    }
    lists[`world-${name}`] = [...set].sort();
  }
  return { lists };
}

interface CorpusArticle { title?: string; content?: string }

/** The articles of the corpus's daily files, one file's list at a time, files in name order. */
function* corpusFiles(dir: string, maxFiles = Infinity): Generator<CorpusArticle[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort().slice(0, maxFiles);
  for (const file of files) yield JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString('utf8')) as CorpusArticle[];
}

/** Feed the Arabic news corpus (title + body of every article, files in name order) into a stream. */
export function readArabicCorpus(dir: string, maxFiles = Infinity): CorpusStream {
  const stream = new CorpusStream();
  for (const articles of corpusFiles(dir, maxFiles)) {
    for (const a of articles) {
      for (const part of [a.title ?? '', a.content ?? '']) {
        for (const tok of roughTokens(part)) stream.push(featureNorm(tok));
        stream.boundary();
      }
    }
  }
  return stream;
}

/**
 * The article bodies of the unlabelled corpus of at least `minChars` characters, every `every`-th
 * article of each daily file (in file order): a spread over all days, for self-training.
 */
export function* readCorpusTexts(dir: string, every = 1, minChars = 200): Generator<string> {
  for (const articles of corpusFiles(dir)) {
    for (let a = 0; a < articles.length; a += every) {
      const text = articles[a].content ?? '';
      if (text.length >= minChars) yield text;
    }
  }
}

/**
 * Name cues in Arabic news: a person's title, an organisation's head noun, a place's head noun,
 * each directly before the name (الشيخ X، نادي X، مدينة X). As proclitic-stripped bases.
 */
const CUES: Record<'per' | 'org' | 'loc', readonly string[]> = {
  per: ['رئيس', 'شيخ', 'شيخه', 'امير', 'اميره', 'دكتور', 'سيد', 'سيده', 'لواء', 'عميد', 'عقيد', 'ملك', 'ملكه', 'وزير', 'مدرب', 'لاعب', 'نجم', 'زعيم', 'قائد', 'مستشار', 'نائب', 'سفير', 'امام', 'حاج', 'مهندس', 'استاذ', 'فنان', 'فنانه', 'كاتب', 'مخرج', 'مفتي', 'رئيسه', 'وزيره', 'مطرب', 'مطربه', 'ممثل', 'ممثله', 'شاعر', 'داعيه', 'محامي', 'قاضي'],
  org: ['شركه', 'نادي', 'بنك', 'مصرف', 'حزب', 'جمعيه', 'صحيفه', 'قناه', 'فريق', 'مجموعه', 'جامعه', 'مستشفى', 'مؤسسه', 'وكاله', 'حركه', 'جماعه', 'تنظيم', 'مجله', 'اذاعه'],
  loc: ['مدينه', 'محافظه', 'منطقه', 'بلده', 'قريه', 'ولايه', 'اقليم', 'مخيم', 'حي', 'عاصمه', 'جزيره', 'مقاطعه', 'ميناء', 'مطار', 'شارع', 'بحيره', 'جبل', 'نهر'],
};

/**
 * Name lists induced from the unlabelled corpus: `corpus-per`, `corpus-org`, `corpus-loc` hold the
 * words that follow one of the type's cue words often enough (≥ minCount times and at least
 * `minShare` of the word's occurrences), as bases — first names, club and company names, towns
 * that no hand-made list has. The tagger learns how far to trust each list.
 */
export function buildCorpusLists(dir: string, minCount = 5, minShare = 0.08): GazetteerData {
  const cueType = new Map<string, number>();
  (['per', 'org', 'loc'] as const).forEach((type, k) => {
    for (const w of CUES[type]) cueType.set(featureNorm(w), k);
  });
  const total = new Map<string, number>();
  const after = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  for (const articles of corpusFiles(dir)) {
    for (const a of articles) {
      for (const part of [a.title ?? '', a.content ?? '']) {
        let cue = -1;
        for (const tok of roughTokens(part)) {
          const base = stripProclitics(featureNorm(tok)).base;
          total.set(base, (total.get(base) ?? 0) + 1);
          if (cue >= 0 && base.length >= 3 && hasArabic(base)) after[cue].set(base, (after[cue].get(base) ?? 0) + 1);
          cue = cueType.get(base) ?? -1;
        }
      }
    }
  }
  const lists: Record<string, string[]> = {};
  (['per', 'org', 'loc'] as const).forEach((type, k) => {
    const keep: string[] = [];
    for (const [w, n] of after[k]) if (n >= minCount && n >= minShare * (total.get(w) ?? n) && !cueType.has(w)) keep.push(w);
    lists[`corpus-${type}`] = keep.sort();
  });
  return { lists };
}
