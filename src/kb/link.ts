// Document-level linking: tagger mentions + dictionary matches + rule-found names → canonical
// entities with exact spans, place disambiguation by the article's countries, sanctions screening.
import type { Document, Entity, Span, EntityMention } from '../core/types.js';
import { atomize, isArabic, nameAtoms, type Atom } from './text.js';
import { scanDictionary, type DictMatch } from './matcher.js';
import { choosePlace, isNeverPlace, nameKey, placeBySkeleton, placeCandidates, placeEntity, type Place } from './gazetteer.js';
import { articleOnlyName, findOrg, isNeverOrg, isWeakAlias, stripArticle, type Organization } from './organizations.js';

import { authorNameTest, clusterPersons, endsInNameWord, endsInNasab, famousNameExtent, findFamousNames, findPersonNames, firstAtomEndingAfter, refinePersonSpan, splitJoinedNames } from './persons.js';
import { findPlaceNames, gluedWord, ordinaryWord } from './place-heads.js';
import { countryOfAdjective } from './adjectives.js';
import { afterPlacePreposition, normaliseMention, personNames, spelledAcronym, writtenLowercase } from './tagger-mentions.js';
import { screenName } from './sanctions.js';
import { idSlug, romanizeName } from './names.js';

interface Candidate {
  span: Span;
  type: Entity['type'];
  source: EntityMention['source'];
  org?: Organization;
  places?: Place[];
  weak?: boolean;
  /** an organisation not in the registry: its name without a leading clitic (للشباب → الشباب) */
  name?: string;
}

const BYLINE_CUE = /(?:^|\n)\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|By)\s*[-–—:]?\s*$/u;

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });
const GEO_WORDS = new Set(['Island', 'Islands', 'County', 'River', 'Street', 'Road', 'Avenue', 'Square', 'Lake', 'Mount', 'Mountains', 'Greater', 'Latin',
  'Republic', 'Region', 'Province', 'Governorate', 'District', 'Sea', 'Valley', 'Strait', 'Bay', 'Gulf', 'Coast', 'Peninsula', 'Community']);
const STATE_FORCES = new Set(['Police', 'Army', 'Forces', 'Ministry', 'Government', 'Authorities', 'Military', 'Navy', 'Guard', 'Guards', 'Gendarmerie']);
const SENTENCE_OPENERS = new Set(['But', 'And', 'Although', 'Though', 'However', 'While', 'Whilst', 'When', 'If', 'As', 'After', 'Before', 'Since',
  'By', 'In', 'On', 'At', 'For', 'With', 'From', 'Under', 'Meanwhile', 'Yet', 'So', 'Because', 'Despite', 'During', 'Unlike', 'Like', 'Following', 'Then', 'Now', 'Also']);

/**
 * A Latin span the tagger read as a name that may hold a place: capitalised from its first word,
 * which is no ordinary word opening a sentence ("But Germany", "Although Germany") nor "the", and,
 * for a person, no "of" before a place ("Merz of Germany" is a person and a country).
 */
function wholeLatinName(text: string, m: EntityMention): boolean {
  const words = m.text.split(/\s+/);
  if (words.length < 2 || !/^[A-Z]/.test(words[0]) || SENTENCE_OPENERS.has(words[0]) || writtenLowercase(text, words[0])) return false;
  // "River Tigris", "County Dublin", "Bribie Island", "Democratic Republic of Congo": a place the tagger
  // mislabelled; "Kabul Police", "Pakistan Army": a state's force, whose place is the news's place too
  if (words.some((w) => GEO_WORDS.has(w)) || STATE_FORCES.has(words[words.length - 1])) return false;
  return m.type !== 'PER' || !words.includes('of');
}

/** Removes the gazetteer's place candidates lying strictly inside [s.start, s.end), when only places overlap it. */
function dropPlacesInside(cands: Candidate[], s: { start: number; end: number }): void {
  let inside = 0;
  for (const c of cands) {
    if (c.span.end <= s.start || s.end <= c.span.start) continue;
    if (c.type !== 'location' || c.span.start < s.start || s.end < c.span.end || c.span.end - c.span.start >= s.end - s.start) return;
    inside++;
  }
  for (let k = cands.length - 1; k >= 0 && inside > 0; k--) {
    const c = cands[k].span;
    if (c.start < s.end && s.start < c.end) cands.splice(k, 1), inside--;
  }
}

/** Whether some candidate's span overlaps [s.start, s.end) (a loop: this runs per mention). */
function overlapsSome(cands: Candidate[], s: { start: number; end: number }): boolean {
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k].span;
    if (c.start < s.end && s.start < c.end) return true;
  }
  return false;
}

/** Link one document; returns the entities in first-mention order. */
export function linkDocument(doc: Document): Entity[] {
  const text = doc.text;
  const atoms = atomize(doc);
  const dict = scanDictionary(atoms);
  const cands: Candidate[] = [];
  const adjectiveCountries = new Set<string>();
  const adjectiveCounts = new Map<string, number>();

  for (const m of dict) {
    const s = span(text, m.start, m.end);
    if (m.target.kind === 'org') cands.push({ span: s, type: 'organization', source: 'registry', org: m.target.org, weak: m.target.weak });
    else if (m.target.kind === 'place') cands.push({ span: s, type: 'location', source: 'gazetteer', places: m.target.places });
    else {
      adjectiveCountries.add(m.target.country);
      adjectiveCounts.set(m.target.country, (adjectiveCounts.get(m.target.country) ?? 0) + 1);
    }
  }
  // weak aliases (القاعدة, الشباب, شرطة مكافحة الإرهاب) stand only beside a strong alias of the same
  // organisation or when the article names its country
  const named = new Set(adjectiveCountries);
  for (const c of cands) for (const p of c.places ?? []) if (p.kind === 'country' && p.country) named.add(p.country);
  const strongOrgs = new Set(cands.filter((c) => c.org && !c.weak).map((c) => c.org!.id));
  for (let i = cands.length - 1; i >= 0; i--) {
    const c = cands[i];
    if (c.weak && !strongOrgs.has(c.org!.id) && !(c.org!.country && named.has(c.org!.country))) cands.splice(i, 1);
  }

  // tagger mentions: the dictionary wins where they overlap (its spans and ids are exact)
  const mentions = doc.mentions.map((t) => normaliseMention(text, t));
  const personName = personNames(mentions);
  for (const m of mentions) {
    if (m.type === 'MISC') continue;
    // "Real Madrid", "Mehmet Aydin", "Balochistan Liberation Army": a Latin name the tagger reads as an
    // organisation or a person, around a town or region of the gazetteer, is the name, not the place
    if ((m.type === 'ORG' || m.type === 'PER') && !isArabic(m.text) && wholeLatinName(text, m)) dropPlacesInside(cands, m);
    if (overlapsSome(cands, m)) continue;
    const s = span(text, m.start, m.end);
    if (m.type === 'ORG') {
      const name = withoutProclitic(m.text);
      let org = findOrg(name) ?? undefined;
      // the tagger's قاعدة (a military base) is no القاعدة, nor any group at all; and an article that
      // speaks of a base (قاعدة عسكرية, قاعدة العند) means it by «دخول القاعدة», «الهجوم على القاعدة»
      const bare = org ? articleOnlyName(name, org) : null;
      if (bare && (!bare.definite || usesCommonNoun(atoms, bare.word))) continue;
      // a weak alias the tagger marks needs the group's country or a strong alias when the group
      // has a country: الشباب in a football report is a club of that name, not the Somali group.
      // Without one (القاعدة, مجلس الأمن) the tagger's reading as an organisation is taken.
      if (org?.country && isWeakAlias(org, name) && !strongOrgs.has(org.id) && !named.has(org.country)) org = undefined;
      if (!org && (!substantialName(name) || isNeverOrg(name))) continue;
      cands.push({ span: s, type: 'organization', source: m.source, org, name });
    }
    else if (m.type === 'LOC') {
      const places = placeCandidates(m.text);
      if (places.length === 0) {
        // "Palestinians", "North Koreans": a people, counted as the country's adjective by the dictionary
        if (isNeverPlace(m.text) || countryOfAdjective(m.text) || writtenLowercase(text, m.text)) continue;
        if (personName(m.text) && !afterPlacePreposition(text, m.start)) {
          cands.push({ span: s, type: 'person', source: m.source });
          continue;
        }
      }
      cands.push({ span: s, type: 'location', source: m.source, places });
    }
    else cands.push({ span: s, type: 'person', source: m.source });
  }

  // rule-found names fill in where the tagger is absent or missed one
  const mark = (mask: Uint8Array, c: Candidate) => {
    for (let i = firstAtomEndingAfter(atoms, c.span.start); i < atoms.length && atoms[i].start < c.span.end; i++) mask[i] = 1;
  };
  // places after a head noun (في قرية العكر الغربي) where nothing was found, or only a part that
  // nothing could place (the tagger's عين of بولاية عين الدفلى)
  const placeMask = new Uint8Array(atoms.length);
  for (const c of cands) if (!(c.type === 'location' && c.source === 'model' && c.places!.length === 0)) mark(placeMask, c);
  for (const s of findPlaceNames(text, atoms, (i) => placeMask[i] === 1)) {
    const sp = span(text, s.start, s.end);
    const inside = (c: Candidate) => c.span.start < sp.end && sp.start < c.span.end;
    // the tagger's longer name stands (لاس فيجاس, not the rule's لاس), unless what it adds is a
    // nationality (لوزان السويسرية)
    if (cands.some((c) => inside(c) && c.span.end > sp.end && !countryOfAdjective(text.slice(sp.end, c.span.end).trim()))) continue;
    for (let k = cands.length - 1; k >= 0; k--) if (inside(cands[k])) cands.splice(k, 1);
    cands.push({ span: sp, type: 'location', source: 'rule', places: placeCandidates(sp.text) });
  }
  acronymsAsOrgs(cands);
  // atoms under an organisation or a place; no such candidate is added after this point, except that
  // an acronym the person rules below find alone becomes an organisation at the end
  const coveredMask = new Uint8Array(atoms.length);
  for (const c of cands) if (c.type !== 'person') mark(coveredMask, c);
  const coveredAtom = (i: number) => coveredMask[i] === 1;
  // every person span takes the extent the rules of Arabic names give it (titles out, nasab and
  // nisba in, a trailing وللزمالك out); what is left of a bare title is no person
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k];
    if (c.type !== 'person') continue;
    cands.splice(k, 1);
    for (const part of splitJoinedNames(atoms, c.span)) {
      const r = refinePersonSpan(atoms, famousNameExtent(atoms, part, coveredAtom), coveredAtom);
      if (!r) continue;
      // a nasab taken in may reach the next person span (عقلا بن [علي العقلا]): one name
      const joined = cands.find((o) => o.type === 'person' && o.span.start < r.end && r.start < o.span.end);
      if (joined) joined.span = span(text, Math.min(r.start, joined.span.start), Math.max(r.end, joined.span.end));
      else cands.push({ ...c, span: span(text, r.start, r.end) });
    }
  }
  for (const s of findPersonNames(atoms, coveredAtom)) {
    const r = refinePersonSpan(atoms, s, coveredAtom);
    if (!r) continue;
    const sp = span(text, r.start, r.end);
    const hit = cands.filter((c) => c.span.start < sp.end && sp.start < c.span.end);
    // a rule-found name that holds a one-word person span of the tagger whole and ends in a name word
    // takes its place (the tagger's [جوزيف] in جوزيف نعمة الخوري); one that overlaps anything else is dropped
    if (hit.length > 1) continue;
    if (hit.length === 1) {
      const c = hit[0];
      if (c.type !== 'person') continue;
      // a nasab the tagger's span ends with goes on into a rule-found name that ends in a name word:
      // غانم بن [حمد الهاجري]
      if (sp.start > c.span.start && endsInNasab(atoms, c.span, sp.start) && endsInNameWord(atoms, sp)) { c.span = span(text, c.span.start, Math.max(sp.end, c.span.end)); continue; }
      if (sp.start > c.span.start || c.span.end > sp.end || !endsInNameWord(atoms, sp) || /\s/.test(c.span.text.trim())) continue;
      c.span = sp;
    } else cands.push({ span: sp, type: 'person', source: 'rule' });
  }
  // the full name of a well-known person (بان كي مون) wherever nothing else was found on it
  for (const f of findFamousNames(atoms, coveredAtom)) {
    const r = refinePersonSpan(atoms, f, coveredAtom);
    if (!r || cands.some((c) => c.span.start < r.end && r.start < c.span.end)) continue;
    cands.push({ span: span(text, r.start, r.end), type: 'person', source: 'rule' });
  }

  // the person rules' own finds (إم إتش read as the kunya "Umm Itsh")
  acronymsAsOrgs(cands);

  const entities: Entity[] = [];
  entities.push(...linkPersons(doc, cands.filter((c) => c.type === 'person').map((c) => c.span), atoms, coveredAtom));
  entities.push(...linkOrgs(text, cands.filter((c) => c.type === 'organization')));
  entities.push(...linkPlaces(text, cands.filter((c) => c.type === 'location'), adjectiveCounts));

  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return entities
    .filter((e) => e.mentions.length > 0)
    .sort((a, b) => a.mentions[0].start - b.mentions[0].start || (a.id < b.id ? -1 : 1));
}

function linkPersons(doc: Document, spans: Span[], atoms: Atom[], covered: (i: number) => boolean): Entity[] {
  const text = doc.text;
  // the byline author is never a mentioned person; without a detected author, a "كتب – NAME" line marks one
  const author = doc.author;
  const isAuthor = authorNameTest(author);
  const kept = spans.filter((s) => {
    if (isAuthor(s.text)) return false;
    if (!author && BYLINE_CUE.test(text.slice(Math.max(0, s.start - 20), s.start))) return false;
    return true;
  });
  const bylineNames = spans.filter((s) => !kept.includes(s)).map((s) => authorNameTest(s.text));
  const clusters = clusterPersons(kept, atoms, covered);
  return clusters.map((c) => {
    const mentions = c.mentions
      .map((m) => span(text, m.start, m.end))
      .filter((m) => !isAuthor(m.text) && !bylineNames.some((isByline) => isByline(m.text)));
    const sanctions = screenName(c.fullName, { type: 'person' });
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((t) => t !== c.name && t !== c.nameAr);
    return {
      id: c.id, type: 'person', name: c.name, nameAr: c.nameAr, aliases, country: null,
      ...(sanctions.length ? { sanctions } : {}), key: c.key, mentions,
    } satisfies Entity;
  });
}

/** "إم.إيه", "سي إن إن": Latin letters spelt out make an acronym (a firm, a channel), whoever took it for a person. */
function acronymsAsOrgs(cands: Candidate[]): void {
  for (const c of cands) if (c.type === 'person' && spelledAcronym(c.span.text)) Object.assign(c, { type: 'organization', name: c.span.text });
}

function linkOrgs(text: string, cands: Candidate[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const c of cands) {
    const o = c.org;
    const name = c.name ?? c.span.text;
    const acronym = o ? null : spelledAcronym(name);
    // an acronym is known by its letters whichever script spells it: سي إن إن and CNN are one id
    const id = o ? o.id : 'org:' + slug(acronym ?? name);
    let e = byId.get(id);
    if (!e) {
      if (o) {
        const un = o.designations.filter((d) => d.list === 'UN').map((d) => ({ list: 'UN', ref: d.ref, name: o.name, score: 1 }));
        e = {
          id, type: 'organization', name: o.name, nameAr: o.nameAr, aliases: [...new Set([...o.ar.slice(0, 4), ...o.en.slice(0, 4)])],
          country: o.country ?? null, ...(un.length ? { sanctions: un } : {}), kind: o.kind, parent: o.parent,
          designations: o.designations, mentions: [],
        };
      } else {
        // not in the registry: keep the tagger's organisation, and screen it against the UN entities
        const sanctions = screenName(name, { type: 'organization' });
        e = {
          id, type: 'organization', name: acronym ?? (isArabic(name) ? romanizeName(name) : name),
          nameAr: isArabic(name) ? name : null, aliases: [], country: null, ...(sanctions.length ? { sanctions } : {}), mentions: [],
        };
      }
      byId.set(id, e);
    }
    e.mentions.push(span(text, c.span.start, c.span.end));
  }
  return [...byId.values()];
}

/**
 * Whether a name is the place's own Arabic name or one checked by hand (not a GeoNames alternate),
 * compared without proclitics but with the article: مدية (a knife) is not المدية (Médéa).
 */
function ownName(p: Place, name: string): boolean {
  const k = keyWithoutProclitics(nameKey(name));
  return (!!p.nameAr && keyWithoutProclitics(nameKey(p.nameAr)) === k) || p.curatedAr.some((c) => keyWithoutProclitics(c) === k);
}

/** A folded look-up key without و/ف and ب/ل/ك before it, the article kept (للرياض → الرياض, وبالعيون → العيون); withoutProclitic below only restores the article. */
const keyWithoutProclitics = (k: string) => k.replace(/^(و|ف)?لل(?=..)/, 'ال').replace(/^(و|ف)?(ب|ل|ك)?(?=..)/, '');

/** The word's article stands glued before the span (بالرقة read as رقة). */
const articleBefore = (text: string, start: number) => /(?:^|[^\u0621-\u064a])(?:و|ف)?(?:بال|كال|لل|ال)$/.test(text.slice(Math.max(0, start - 6), start));

/** The town's own name has the article and the text writes the word without it: مدية (a knife) for المدية. */
function indefiniteOfOwnName(p: Place, name: string): boolean {
  const own = p.nameAr ? keyWithoutProclitics(nameKey(p.nameAr)) : '';
  return own.startsWith('ال') && keyWithoutProclitics(nameKey(name)) === own.slice(2);
}

/** What may stand between a place and the country it lies in: بشمال، في، شمالي; ", in northern". */
const TO_COUNTRY_AR = /^\s*(?:[،,]\s*)?(?:(?:في|ب)\s*)?(?:(?:[بف]|في\s)?\s*(?:شمال|جنوب|شرق|غرب|وسط)ي?\s+)?$/;
const TO_COUNTRY_EN = /^\s*(?:,\s*)?(?:in\s+)?(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western)(?:-?(?:east|west)(?:ern)?)?\s+)?$/i;

/** The country of the country mention right after a place, a few words on (see TO_COUNTRY_*), or null. */
function countryRightAfter(text: string, c: Candidate, countries: readonly Candidate[]): string | null {
  for (const k of countries) {
    if (k.span.start < c.span.end) continue;
    if (k.span.start - c.span.end > 24) return null;
    const between = text.slice(c.span.end, k.span.start);
    if (!(TO_COUNTRY_AR.test(between) || TO_COUNTRY_EN.test(between))) return null;
    return k.places!.find((p) => p.kind === 'country' && p.country)!.country;
  }
  return null;
}

/** The country a candidate adds to linkPlaces' context: a country it names, or the one country of all its readings. */
function weighedCountry(c: Candidate): { iso: string; named: boolean } | null {
  const ps = c.places ?? [];
  const country = ps.find((p) => p.kind === 'country' && p.country);
  if (country) return { iso: country.country!, named: true };
  return ps.length > 0 && ps.every((p) => p.country && p.country === ps[0].country) ? { iso: ps[0].country!, named: false } : null;
}

function linkPlaces(text: string, cands: Candidate[], adjectiveCounts: ReadonlyMap<string, number>): Entity[] {
  // context: countries named outright, nationality adjectives, and places with one reading — each
  // counted once per mention, so that the article's dominant country outweighs one in passing
  const context = new Map<string, number>(adjectiveCounts);
  const bump = (iso: string) => context.set(iso, (context.get(iso) ?? 0) + 1);
  // countries the article names or qualifies (not merely those of its towns)
  const named = new Set(adjectiveCounts.keys());
  for (const c of cands) {
    const w = weighedCountry(c);
    if (w) bump(w.iso);
    if (w?.named) named.add(w.iso);
  }
  const byId = new Map<string, Entity>();
  const countries = cands.filter((c) => c.places?.some((p) => p.kind === 'country' && p.country)).sort((a, b) => a.span.start - b.span.start);
  for (const c of cands) {
    // "ولاية البنجاب بشمال الهند", "Punjab, India": a country named right after the place is its country
    const after = c.places?.some((p) => p.kind === 'country') ? null : countryRightAfter(text, c, countries);
    const here = after ? new Map(context).set(after, (context.get(after) ?? 0) + 1000) : context;
    const p = choosePlace(c.places ?? [], c.span.text, here) ?? (c.places?.length ? null : placeBySkeleton(c.span.text, after ? new Map([[after, 1]]) : context));
    // "العيون" (eyes, springs: Ayoun El Atrous), "الخضراء" (green: Rahat): an everyday word that is
    // only an alternate spelling of a town, not its Arabic name, is that town only in an article
    // that names its country, or behind a head noun (the head-noun rule reads those). A name that
    // has the article, written without it, is another word wherever it stands (مدية, a knife, is
    // not المدية; ورقة, a paper, not و + الرقة)
    if (p && c.source !== 'rule' && p.kind === 'city' && !p.capital && p.country && !named.has(p.country) && ordinaryWord(c.span.text) && !ownName(p, c.span.text)) continue;
    if (p && c.source !== 'rule' && p.kind !== 'country' && indefiniteOfOwnName(p, c.span.text) && !articleBefore(text, c.span.start)) continue;
    // باكرا ('early') is not ب + أكرا (Accra): a glued word the corpus writes far more often than the
    // bare place, unless the article is about the place's country (في بغداد والكوت) beyond this very name
    if (p && c.source !== 'rule' && !(p.country && (context.get(p.country) ?? 0) > (weighedCountry(c)?.iso === p.country ? 1 : 0)) && gluedWord(text, c.span.start)) continue;
    // an unplaced name's id must not look like a country's (عين → "in" is India's code)
    const own = slug(c.span.text);
    const id = p ? p.id : 'loc:' + (/^[a-z]{2}$/.test(own) ? own + '-place' : own);
    let e = byId.get(id);
    if (!e) {
      e = p
        ? placeEntity(p)
        : { id, type: 'location', name: isArabic(c.span.text) ? romanizeName(c.span.text) : c.span.text, nameAr: isArabic(c.span.text) ? c.span.text : null, aliases: [], country: null, mentions: [] };
      // a town GeoNames names in Latin only (Gombe) is shown to Arabic readers as the article writes it
      if (!e.nameAr && isArabic(c.span.text)) e.nameAr = c.span.text;
      byId.set(id, e);
    }
    e.mentions.push(span(text, c.span.start, c.span.end));
    if (!e.aliases!.includes(c.span.text) && c.span.text !== e.name && c.span.text !== e.nameAr) e.aliases!.push(c.span.text);
  }
  return [...byId.values()];
}

/** Words that describe rather than name: "التنظيم الإرهابي" is an anaphor, not an organisation. */
const DESCRIPTORS = new Set(['تنظيم', 'جماعه', 'حركه', 'جبهه', 'ارهابي', 'الارهابي', 'ارهابيه', 'متطرف', 'متطرفه', 'مسلح', 'مسلحه', 'دولي', 'دوليه', 'group', 'militant', 'terrorist', 'organization', 'organisation', 'the']);

/** Whether the text has the word without the article, bare or behind a proclitic (قاعدة, بقاعدة, وبقاعدة). */
function usesCommonNoun(atoms: readonly Atom[], word: string): boolean {
  const n = word.length;
  return atoms.some((a) => {
    const k = a.norm.length - n;
    return (k === 0 || k === 1 || k === 2) && a.norm.endsWith(word) && /^[وف]?[بلك]?$/.test(a.norm.slice(0, k));
  });
}

/** An unknown organisation from the tagger is kept only if it is more than descriptors or a 3-letter scrap. */
function substantialName(s: string): boolean {
  const atoms = nameAtoms(s).map(stripArticle);
  const content = atoms.filter((a) => !DESCRIPTORS.has(a) && !DESCRIPTORS.has('ال' + a));
  if (content.length === 0) return false;
  return content.length > 1 || content[0].length >= 4;
}

/**
 * A tagged Arabic name as written in running text carries the clitics of its first word
 * (للشباب, والجامعة, بالاتحاد); as a name it has the article instead. Only the forms with the
 * article are undone: و, ب or ل before any other letter may be the name's own (وحدات, بوكو حرام).
 */
export function withoutProclitic(name: string): string {
  return name.replace(/^(?:[وف]?[بك]?ال|[وف]?لل)(?=\p{L}{2})/u, 'ال');
}

function slug(s: string): string {
  return isArabic(s) ? idSlug(s) : s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || idSlug(s);
}

