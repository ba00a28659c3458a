// Hand-written analyses for linking tests: the shape the analyser emits, with only the fields
// incident clustering reads filled in.
import type { Analysis, EventLocation, MarsadEvent } from '../../core/types.js';

export const PLACES: Record<string, EventLocation> = {
  baghdad: { name: 'Baghdad', nameAr: 'بغداد', country: 'IQ', lat: 33.34, lon: 44.4 },
  sadrCity: { name: 'Sadr City', nameAr: 'مدينة الصدر', country: 'IQ', lat: 33.39, lon: 44.46 },
  mosul: { name: 'Mosul', nameAr: 'الموصل', country: 'IQ', lat: 36.34, lon: 43.13 },
  iraq: { name: 'Iraq', nameAr: 'العراق', country: 'IQ', lat: 33, lon: 44 },
  kabul: { name: 'Kabul', nameAr: 'كابل', country: 'AF', lat: 34.53, lon: 69.17 },
};

export function attack(p: Partial<MarsadEvent> & { location: EventLocation | null }): MarsadEvent {
  return {
    id: 'ev1', type: 'attack', reported: true, attackTypes: [], date: null,
    killed: null, killedApprox: false, injured: null, injuredApprox: false,
    perpetrators: [], organization: null, actor: null, targetCountry: null, about: null,
    claim: null, lone: null, evidence: [], confidence: 0.9, ...p,
  };
}

export function analysis(language: string, published: string, events: MarsadEvent[], text = 'نص'): Analysis {
  return { schema: 'marsad.analysis/v1', language, published, title: null, author: null, text, removed: [], entities: [], events };
}

/** Three outlets, one of them English, reporting the same Baghdad market bombing. */
export const SAME_ATTACK = [
  analysis('ar', '2024-03-14', [attack({ date: { start: '2024-03-14', end: '2024-03-14' }, location: PLACES.baghdad, attackTypes: ['bombing'], killed: 7, injured: 20 })]),
  analysis('ar', '2024-03-15', [attack({ date: { start: '2024-03-14', end: '2024-03-14' }, location: PLACES.sadrCity, attackTypes: ['suicide-bombing'], killed: 9, organization: 'org:isis', organizationRole: 'claimed' })]),
  analysis('en', '2024-03-15', [attack({ date: { start: '2024-03-14', end: '2024-03-14' }, location: PLACES.baghdad, attackTypes: ['suicide-bombing'], killed: 9, injured: 25, organization: 'org:isis' })]),
];
