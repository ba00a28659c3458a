// Incident clustering: reports of the same attack, from different outlets and in Arabic or
// English, grouped into one incident. Pure functions over analyses; the store adapter lives in
// incident-linker.ts. Only reported attacks count: background mentions never create incidents.
import type { Analysis, AttackType, DayRange, EventLocation, MarsadEvent } from '../core/types.js';
import { normalizeWord } from '../lang/ar/normalize.js';
import { addDays, dayDiff, isIsoDay } from '../core/dates.js';
import { figureOf } from '../store/figures.js';
import type { Figure } from '../store/store.js';

/** One reported attack in one document. */
export interface AttackReport {
  documentId: number;
  eventIndex: number;
  event: MarsadEvent;
  published: string | null;
  language: string | null;
  title?: string | null;
}

/** What an incident is known to be, merged from its reports; what new reports are matched against. */
export interface IncidentSketch {
  date: DayRange;
  country: string | null;
  locations: EventLocation[];
  attackTypes: Set<string>;
  actors: Set<string>;
}

export interface IncidentCluster {
  sketch: IncidentSketch;
  reports: AttackReport[];
  killed: Figure;
  injured: Figure;
}

/** Attacks that count as one family when outlets describe the same event differently. */
const FAMILIES: AttackType[][] = [
  ['bombing', 'suicide-bombing', 'rocket-mortar', 'arson'],
  ['shooting', 'assassination', 'hostage-taking'],
  ['hostage-taking', 'kidnapping'],
  ['stabbing', 'vehicle-ramming', 'shooting'],
];

const SAME_PLACE_KM = 50;

/** The date an attack is placed on: its own, else the report's publication day. */
export function reportDate(r: AttackReport): DayRange | null {
  const d = r.event.date;
  if (d && isIsoDay(d.start) && isIsoDay(d.end)) return d;
  const p = r.published?.slice(0, 10);
  return p && isIsoDay(p) ? { start: p, end: p } : null;
}

/** Reported attacks of an analysis that can found or join an incident (a date and a place are needed). */
export function attackReports(documentId: number, analysis: Analysis): AttackReport[] {
  const out: AttackReport[] = [];
  analysis.events.forEach((event, eventIndex) => {
    if (event.type !== 'attack' || event.reported !== true) return;
    const r: AttackReport = { documentId, eventIndex, event, published: analysis.published, language: analysis.language, title: analysis.title };
    if (!reportDate(r) || !(event.location?.country || event.location?.name)) return;
    out.push(r);
  });
  return out;
}

function actorsOf(e: MarsadEvent): string[] {
  return [...(e.organization ? [e.organization] : []), ...e.perpetrators];
}

const regionNames = new Map<string, Intl.DisplayNames>();
function countryName(code: string, lang: 'en' | 'ar'): string {
  let dn = regionNames.get(lang);
  if (!dn) regionNames.set(lang, (dn = new Intl.DisplayNames([lang], { type: 'region' })));
  try {
    return dn.of(code.toUpperCase()) ?? '';
  } catch {
    return '';
  }
}

function norm(s: string | null | undefined): string {
  return s ? normalizeWord(s.trim()).replace(/^ال/, '') : '';
}

/** A location is only as precise as its country when it has no name, or its name is the country's. */
export function isCountryLevel(loc: EventLocation): boolean {
  if (!loc.name) return true;
  if (!loc.country) return false;
  const country = new Set([norm(loc.country), norm(countryName(loc.country, 'en')), norm(countryName(loc.country, 'ar'))]);
  country.delete('');
  return country.has(norm(loc.name)) || (!!loc.nameAr && country.has(norm(loc.nameAr)));
}

function km(a: EventLocation, b: EventLocation): number | null {
  if (a.lat == null || a.lon == null || b.lat == null || b.lon == null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 'same' place, 'near' (same country, one side only knows the country), or 'different'. */
export function comparePlaces(a: EventLocation, b: EventLocation): 'same' | 'near' | 'different' {
  if (a.country && b.country && a.country !== b.country) return 'different';
  const names = (l: EventLocation) => new Set([norm(l.name), norm(l.nameAr)].filter(Boolean));
  const an = names(a);
  if ([...names(b)].some((n) => an.has(n))) return 'same';
  const d = km(a, b);
  if (isCountryLevel(a) || isCountryLevel(b)) return a.country && a.country === b.country ? 'near' : 'different';
  if (d != null && d <= SAME_PLACE_KM) return 'same';
  return 'different';
}

/** 2 = a type in common, 1 = same family or one side unknown, 0 = incompatible. */
export function compareTypes(a: Iterable<string>, b: Iterable<string>): number {
  const x = new Set([...a].filter((t) => t !== 'other'));
  const y = [...b].filter((t) => t !== 'other');
  if (x.size === 0 || y.length === 0) return 1;
  if (y.some((t) => x.has(t))) return 2;
  const family = FAMILIES.some((f) => y.some((t) => f.includes(t as AttackType)) && [...x].some((t) => f.includes(t as AttackType)));
  return family ? 1 : 0;
}

export function sketchOf(reports: AttackReport[]): IncidentSketch {
  const dates = reports.map(reportDate).filter((d): d is DayRange => d !== null);
  const start = dates.map((d) => d.start).sort()[0];
  const end = dates.map((d) => d.end).sort().at(-1)!;
  const locations = reports.map((r) => r.event.location).filter((l): l is EventLocation => l !== null);
  const countries = locations.map((l) => l.country).filter((c): c is string => !!c);
  return {
    date: { start, end },
    country: countries[0] ?? null,
    locations,
    attackTypes: new Set(reports.flatMap((r) => r.event.attackTypes ?? [])),
    actors: new Set(reports.flatMap((r) => actorsOf(r.event))),
  };
}

/**
 * How well a report fits an incident; null when it cannot be the same attack. Date within a day,
 * same country, no conflicting places or types are required; a shared place, type and actor
 * raise the score, and actors that differ on both sides lower it.
 */
export function matchScore(s: IncidentSketch, r: AttackReport): number | null {
  const d = reportDate(r);
  const loc = r.event.location;
  if (!d || !loc) return null;
  if (dayDiff(s.date.end, d.start) > 1 || dayDiff(d.end, s.date.start) > 1) return null;
  const places = s.locations.map((l) => comparePlaces(l, loc));
  if (places.length === 0 || places.includes('different') && !places.includes('same')) return null;
  const types = compareTypes(s.attackTypes, r.event.attackTypes ?? []);
  if (types === 0) return null;
  const actors = actorsOf(r.event);
  const shared = actors.some((a) => s.actors.has(a));
  const conflicting = !shared && actors.length > 0 && s.actors.size > 0;
  let score = places.includes('same') ? 2 : 1;
  score += types;
  score += d.start === s.date.start || d.end === s.date.end ? 1 : 0;
  score += shared ? 3 : conflicting ? -3 : 0;
  return score >= 2 ? score : null;
}

/** The best incident for a report among candidates, or -1. */
export function bestMatch(sketches: IncidentSketch[], r: AttackReport): number {
  let best = -1;
  let bestScore = -Infinity;
  sketches.forEach((s, i) => {
    const score = matchScore(s, r);
    if (score !== null && score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Cluster reports into incidents, oldest publication first (the order a monitor would see them). */
export function clusterReports(reports: AttackReport[]): IncidentCluster[] {
  const ordered = [...reports].sort(
    (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.documentId - b.documentId || a.eventIndex - b.eventIndex,
  );
  const clusters: Array<{ reports: AttackReport[]; sketch: IncidentSketch }> = [];
  for (const r of ordered) {
    const i = bestMatch(clusters.map((c) => c.sketch), r);
    if (i < 0) clusters.push({ reports: [r], sketch: sketchOf([r]) });
    else {
      clusters[i].reports.push(r);
      clusters[i].sketch = sketchOf(clusters[i].reports);
    }
  }
  return clusters.map((c) => ({ ...c, killed: figureOf(c.reports, 'killed'), injured: figureOf(c.reports, 'injured') }));
}

/** The window of incident dates worth fetching as candidates for a report. */
export function candidateWindow(r: AttackReport): { since: string; until: string } | null {
  const d = reportDate(r);
  return d ? { since: addDays(d.start, -1), until: addDays(d.end, 1) } : null;
}
