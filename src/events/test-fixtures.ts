// Builds documents for the extractor's tests by hand: entities, dates and numbers are declared by
// their surface in the text, so the tests pin the event logic whatever the upstream stages do.
import { createContext } from '../core/context.js';
import { newDocument, type DateMention, type Document, type Entity, type MarsadEvent, type NumberMention } from '../core/types.js';
import { findDates } from '../lang/dates.js';
import { tokenize } from '../lang/tokenize.js';
import { extractEvents } from './extract.js';

export interface EntitySpec {
  id: string;
  type: Entity['type'];
  name: string;
  nameAr?: string;
  country?: string | null;
  kind?: string;
  /** surfaces to mark as mentions (every occurrence) */
  surfaces: string[];
}

export interface DateSpec {
  surface: string;
  start: string;
  end?: string;
  precision?: DateMention['precision'];
}

export interface NumberSpec {
  surface: string;
  value: number;
  approx?: boolean;
}

export interface DocSpec {
  text: string;
  published?: string;
  lang?: 'ar' | 'en';
  entities?: EntitySpec[];
  dates?: DateSpec[];
  /** take the dates from the text layer's own date finder instead of `dates` */
  realDates?: boolean;
  numbers?: NumberSpec[];
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + surface.length)) out.push(i);
  return out;
}

export function makeDoc(spec: DocSpec): Document {
  const doc = newDocument({ raw: spec.text, published: spec.published ?? null, language: spec.lang ?? 'auto' });
  doc.entities = (spec.entities ?? []).map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    nameAr: e.nameAr ?? null,
    country: e.country ?? null,
    ...(e.kind ? { kind: e.kind } : {}),
    mentions: e.surfaces.flatMap((s) => occurrences(spec.text, s).map((start) => ({ start, end: start + s.length, text: s }))),
  }));
  const lang = spec.lang ?? 'ar';
  if (spec.realDates) doc.dates = findDates(spec.text, tokenize(spec.text, lang), spec.published ?? null, lang);
  else doc.dates = (spec.dates ?? []).flatMap((d) =>
    occurrences(spec.text, d.surface).map((start) => ({
      start,
      end: start + d.surface.length,
      text: d.surface,
      value: { start: d.start, end: d.end ?? d.start },
      precision: d.precision ?? 'day',
      relative: true,
      calendar: 'gregorian' as const,
    })),
  );
  const numbers: NumberMention[] = (spec.numbers ?? []).flatMap((n) =>
    occurrences(spec.text, n.surface).map((start) => ({ start, end: start + n.surface.length, text: n.surface, value: n.value, approx: n.approx ?? false })),
  );
  // digits are numbers too, as the numbers stage would say
  for (const m of spec.text.matchAll(/\d+/g)) {
    if (!numbers.some((n) => n.start <= m.index! && m.index! < n.end)) numbers.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value: Number(m[0]), approx: false });
  }
  doc.numbers = numbers.sort((a, b) => a.start - b.start);
  return doc;
}

export function eventsOf(spec: DocSpec): MarsadEvent[] {
  return extractEvents(makeDoc(spec), createContext());
}

export const reportedAttacks = (evs: MarsadEvent[]) => evs.filter((e) => e.type === 'attack' && e.reported);

/** Common entities of the tests (the project's own fictional and real-place examples). */
export const E = {
  isis: { id: 'org:isis', type: 'organization', name: 'Islamic State (ISIS)', nameAr: 'تنظيم الدولة الإسلامية', kind: 'militant', surfaces: ['داعش', 'Islamic State'] },
  shabaab: { id: 'org:al-shabaab', type: 'organization', name: 'al-Shabaab', nameAr: 'حركة الشباب', kind: 'militant', surfaces: ['حركة الشباب', 'al-Shabaab'] },
  observatory: { id: 'org:al-azhar-observatory', type: 'organization', name: 'Al-Azhar Observatory', nameAr: 'مرصد الأزهر', kind: 'monitor', surfaces: ['مرصد الأزهر'] },
  police: { id: 'org:police', type: 'organization', name: 'Police', nameAr: 'الشرطة', kind: 'police', surfaces: ['الشرطة', 'police'] },
  baghdad: { id: 'loc:baghdad', type: 'location', name: 'Baghdad', nameAr: 'بغداد', country: 'IQ', kind: 'city', surfaces: ['بغداد'] },
  lyon: { id: 'loc:lyon', type: 'location', name: 'Lyon', nameAr: 'ليون', country: 'FR', kind: 'city', surfaces: ['ليون', 'Lyon'] },
  paris: { id: 'loc:paris', type: 'location', name: 'Paris', nameAr: 'باريس', country: 'FR', kind: 'city', surfaces: ['باريس', 'Paris'] },
  mogadishu: { id: 'loc:mogadishu', type: 'location', name: 'Mogadishu', nameAr: 'مقديشو', country: 'SO', kind: 'city', surfaces: ['مقديشو', 'Mogadishu'] },
  egypt: { id: 'loc:eg', type: 'location', name: 'Egypt', nameAr: 'مصر', country: 'EG', kind: 'country', surfaces: ['مصر'] },
  manchester: { id: 'loc:manchester', type: 'location', name: 'Manchester', nameAr: 'مانشستر', country: 'GB', kind: 'city', surfaces: ['Manchester'] },
  tubas: { id: 'loc:281581', type: 'location', name: 'Tubas', country: 'PS', kind: 'city', surfaces: ['Tubas'] },
} satisfies Record<string, EntitySpec>;
