// Anchors are the arguments an event can take, placed on the token grid: entity mentions (with
// anaphoric organisation mentions such as التنظيم resolved), dates and numbers from the text layer.
import type { DateMention, Entity } from '../core/types.js';
import { placeHead } from '../kb/place-heads.js';
import { fold } from '../kb/text.js';
import type { Lexicon } from './lexicon.js';
import type { Hit } from './matcher.js';
import { tokenAtOrAfter, tokenOf, type TextView } from './text-view.js';

export type LocationLevel = 'country' | 'region' | 'city';

export interface EntityAnchor {
  first: number;
  last: number;
  start: number;
  end: number;
  entity: Entity;
  /** resolved from التنظيم / the group rather than named */
  anaphoric: boolean;
  /** a nationality adjective (البريطاني, British) standing for a country */
  adjective: boolean;
  /** a place the text introduces by a head noun (في قرية العكر الغربي): a place even when the gazetteer cannot locate it */
  headed?: boolean;
  /** …by the noun of a province (بولاية عين الدفلى, في منطقة اغري, Logar province): the town's area, not the town */
  area?: boolean;
  /** a country named as the other side of a border or as what a place is near (قرب الحدود مع موريتانيا, near Syria): not where it happened */
  across?: boolean;
}

export interface DateAnchor {
  first: number;
  last: number;
  mention: DateMention;
}

export interface NumberAnchor {
  first: number;
  last: number;
  start: number;
  end: number;
  value: number;
  approx: boolean;
}

export interface Anchors {
  entities: EntityAnchor[];
  dates: DateAnchor[];
  numbers: NumberAnchor[];
  /** the militant organisation the document is mostly about, if any */
  dominantMilitant: Entity | null;
  isMilitant(e: Entity): boolean;
}

const MILITANT_KINDS = new Set(['militant', 'terrorist', 'armed-group', 'jihadist', 'insurgent', 'terrorist-organization']);
const NON_MILITANT_KINDS = new Set(['monitor', 'government', 'security', 'police', 'military', 'media', 'ngo', 'agency', 'ministry', 'international', 'company', 'observatory']);

function kindOf(e: Entity): string | null {
  for (const k of ['kind', 'category', 'orgType', 'role']) {
    const v = e[k];
    if (typeof v === 'string') return v.toLowerCase();
  }
  return null;
}

export function makeMilitantTest(lex: Lexicon): (e: Entity) => boolean {
  return (e) => {
    if (e.type !== 'organization') return false;
    const kind = kindOf(e);
    if (kind && MILITANT_KINDS.has(kind)) return true;
    if (kind && NON_MILITANT_KINDS.has(kind)) return false;
    if (e.sanctions && e.sanctions.length > 0) return true;
    const hay = `${e.id} ${e.name}`.toLowerCase();
    return lex.militantHints.some((h) => hay.includes(h));
  };
}

export function locationLevel(e: Entity): LocationLevel {
  const v = e.level ?? e.kind ?? e.featureClass;
  if (typeof v === 'string') {
    if (/country/i.test(v)) return 'country';
    if (/region|admin|province|state/i.test(v)) return 'region';
  }
  if (/^loc:[a-z]{2}$/.test(e.id)) return 'country';
  return 'city';
}

const NISBA_AR = /(ي|يه|يا|يين|يون|يان)$/;
const NISBA_EN = /(ish|ian|ean|an|ese|i|ic)$/;

function isAdjective(mentionText: string, e: Entity, lex: Lexicon, namesOf: (e: Entity) => string[]): boolean {
  if (e.type !== 'location') return false;
  const m = lex.normalize(mentionText).replace(/^(و|ف|ب|ل)?(ال)?/, '');
  // the ending first: the names are needed only for a word that looks like an adjective
  if (!(lex.lang === 'ar' ? NISBA_AR.test(m) : NISBA_EN.test(m))) return false;
  return !namesOf(e).some((n) => n === m || n.endsWith(m));
}

function fallbackNumbers(view: TextView): NumberAnchor[] {
  const out: NumberAnchor[] = [];
  view.tokens.forEach((t, i) => {
    const f = t.norm;
    if (/^\d{1,6}$/.test(f)) out.push({ first: i, last: i, start: t.start, end: t.end, value: Number(f), approx: false });
  });
  return out;
}

/** Arabic head nouns (folded) that name a province rather than a town: ولاية, محافظة, إقليم, مقاطعة, منطقة. */
const AREA_HEADS = new Set(['ولايه', 'محافظه', 'اقليم', 'مقاطعه', 'منطقه']);
/** English place nouns after a name (Tayasir village, Logar province) and those of them that name an area. */
const EN_HEADS = new Set(['village', 'town', 'city', 'camp', 'district', 'neighbourhood', 'neighborhood', 'province', 'governorate', 'state', 'region', 'county']);
const EN_AREA_HEADS = new Set(['district', 'province', 'governorate', 'state', 'region', 'county']);
/** English place nouns before "of" (the village of Tayasir, the province of Logar). */
const EN_OF = /^(village|town|city|district|province|governorate|region)$/;

/** Marks a place anchor introduced by a head noun (في قرية …, the village of …, … province). */
function placeHeadOf(view: TextView, a: EntityAnchor, lang: string): void {
  const tok = (i: number) => view.tokens[i];
  const word = (i: number) => (tok(i) && !tok(i).punct ? view.text.slice(tok(i).start, tok(i).end) : '');
  if (lang === 'ar') {
    const head = a.first > 0 ? placeHead(fold(word(a.first - 1))) : undefined;
    if (head) [a.headed, a.area] = [true, AREA_HEADS.has(head)];
    return;
  }
  const next = word(a.last + 1).toLowerCase();
  if (EN_HEADS.has(next)) [a.headed, a.area] = [true, EN_AREA_HEADS.has(next)];
  else if (word(a.first - 1).toLowerCase() === 'of' && EN_OF.test(word(a.first - 2).toLowerCase())) [a.headed, a.area] = [true, EN_AREA_HEADS.has(word(a.first - 2).toLowerCase())];
}

/** Words before a country that put the place outside it: الحدود مع، قرب، بالقرب من، the border with, near. */
const ACROSS_AR = /(?:^|\s)[وف]?(?:[ب]?(?:ال)?حدود(?:ها|ه)?\s+مع|[ب]?(?:ال)?حدودي[ةه]?\s+مع|قرب|بالقرب\s+من|على\s+مقربة\s+من)\s+$/;
const ACROSS_EN = /(?:\bborders?\s+with|\bnear|\bclose\s+to)\s+(?:the\s+)?$/i;

function acrossBorder(view: TextView, first: number): boolean {
  const t = view.tokens[first];
  const before = view.text.slice(Math.max(0, t.start - 24), t.start);
  return (view.lang === 'ar' ? ACROSS_AR : ACROSS_EN).test(before);
}

const GLUED_DIGIT = /[وف](?=\d)/g;

export function buildAnchors(view: TextView, lex: Lexicon, anaphorHits?: Hit<string>[]): Anchors {
  const doc = view.doc;
  // entities are not modified while events are read: one answer per entity
  const militantTest = makeMilitantTest(lex);
  const militant = new Map<Entity, boolean>();
  const isMilitant = (e: Entity): boolean => {
    let v = militant.get(e);
    if (v === undefined) militant.set(e, (v = militantTest(e)));
    return v;
  };
  const entities: EntityAnchor[] = [];
  // normalised names, computed when first asked for (places' mentions, anaphors' antecedents)
  const names = new Map<Entity, string[]>();
  const namesOf = (e: Entity): string[] => {
    let v = names.get(e);
    if (v === undefined) names.set(e, (v = [e.name, e.nameAr ?? '', ...(e.aliases ?? [])].filter(Boolean).map((n) => lex.normalize(n))));
    return v;
  };
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      if (m.end <= m.start || view.tokens.length === 0) continue;
      const first = tokenOf(view, m.start);
      const last = Math.max(first, tokenAtOrAfter(view, m.end) - 1);
      const anchor: EntityAnchor = { first, last, start: m.start, end: m.end, entity: e, anaphoric: false, adjective: isAdjective(m.text, e, lex, namesOf) };
      if (e.type === 'location') placeHeadOf(view, anchor, lex.lang);
      if (e.type === 'location' && locationLevel(e) === 'country' && acrossBorder(view, first)) anchor.across = true;
      entities.push(anchor);
    }
  }
  entities.sort((a, b) => a.first - b.first || a.last - b.last || (a.entity.id < b.entity.id ? -1 : 1));
  // "بشارع أسيوط في العريش", "on Baghdad Street in Mosul": a street named after a city is no place of the event
  const street = (i: number) => !!view.tokens[i] && view.tokens[i].forms.some((f) => lex.streetWords.has(f));
  for (let k = entities.length - 1; k >= 0; k--) {
    const a = entities[k];
    if (a.entity.type === 'location' && (lex.lang === 'ar' ? street(a.first - 1) : street(a.last + 1))) entities.splice(k, 1);
  }

  // the militant group most often named: what a bare التنظيم refers to when nothing closer fits
  const counts = new Map<Entity, number>();
  for (const a of entities) if (isMilitant(a.entity)) counts.set(a.entity, (counts.get(a.entity) ?? 0) + 1);
  let dominantMilitant: Entity | null = null;
  let best = 0;
  for (const [e, n] of counts) if (n > best || (n === best && dominantMilitant && e.id < dominantMilitant.id)) [dominantMilitant, best] = [e, n];

  const covered = new Set<number>();
  for (const a of entities) for (let i = a.first; i <= a.last; i++) covered.add(i);
  const anaphors: EntityAnchor[] = [];
  // the bare words that may stand for the dominant group
  const bare = new Set([lex.normalize('تنظيم'), 'group', lex.normalize('جماعة')]);
  for (const hit of anaphorHits ?? lex.orgAnaphors.findAll(view)) {
    if (covered.has(hit.first)) continue;
    const next = entities.find((a) => a.first > hit.last && a.first <= hit.last + 1);
    if (next && next.entity.type === 'organization') continue; // "تنظيم داعش": the name follows
    let target: Entity | null = null;
    for (let k = entities.length - 1; k >= 0; k--) {
      const a = entities[k];
      if (a.first >= hit.first || a.entity.type !== 'organization') continue;
      if (namesOf(a.entity).some((n) => n.includes(hit.value))) {
        target = a.entity;
        break;
      }
    }
    if (!target && bare.has(hit.value)) target = dominantMilitant;
    if (!target) continue;
    const t0 = view.tokens[hit.first];
    const t1 = view.tokens[hit.last];
    anaphors.push({ first: hit.first, last: hit.last, start: t0.start, end: t1.end, entity: target, anaphoric: true, adjective: false });
  }
  const all = [...entities, ...anaphors].sort((a, b) => a.first - b.first || a.last - b.last);

  const dates: DateAnchor[] = [];
  for (const d of doc.dates) {
    if (view.tokens.length === 0) break;
    const first = tokenOf(view, d.start);
    dates.push({ first, last: Math.max(first, tokenAtOrAfter(view, d.end) - 1), mention: d });
  }
  dates.sort((a, b) => a.first - b.first);

  const numbers: NumberAnchor[] =
    doc.numbers.length > 0
      ? doc.numbers.map((n) => {
          const first = tokenOf(view, n.start);
          return { first, last: Math.max(first, tokenAtOrAfter(view, n.end) - 1), start: n.start, end: n.end, value: n.value, approx: n.approx };
        })
      : fallbackNumbers(view);
  // "و3": digits glued to the conjunction are a count the number layer may not read
  if (view.lang === 'ar') {
    // only a token that begins with و or ف and a digit can be one: find those in the text, in order
    const text = view.text;
    for (const g of text.matchAll(GLUED_DIGIT)) {
      for (let i = tokenAtOrAfter(view, g.index!); i < view.tokens.length && view.tokens[i].start === g.index; i++) {
        const t = view.tokens[i];
        const m = /^[وف](\d{1,6})$/.exec(text.slice(t.start, t.end));
        if (m && !numbers.some((n) => n.first <= i && i <= n.last)) numbers.push({ first: i, last: i, start: t.start + 1, end: t.end, value: Number(m[1]), approx: false });
      }
    }
  }
  numbers.sort((a, b) => a.first - b.first);

  return { entities: all, dates, numbers, dominantMilitant, isMilitant };
}
