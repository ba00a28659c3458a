// The working form of an event before ids are given and anchors are turned into contract fields.
import type { AttackType, DayRange, EventType } from '../core/types.js';
import type { EntityAnchor } from './anchors.js';
import type { Incident } from './incidents.js';

export interface DraftEvent {
  type: EventType;
  reported: boolean;
  /** units (sentences) that support the event, in text order */
  units: number[];
  date: DayRange | null;
  location: EntityAnchor | null;
  /** the location's country when the gazetteer gives none (a small town) */
  country?: string | null;
  organization: string | null;
  organizationRole?: 'claimed' | 'suspected' | 'attributed' | null;
  actor: string | null;
  targetCountry: string | null;
  /** for a claim: the incident claimed */
  about: Incident | null;
  /** for an attack: the incident it renders */
  incident?: Incident;
  attackTypes?: AttackType[];
  killed?: { value: number; approx: boolean } | null;
  injured?: { value: number; approx: boolean } | null;
  perpetrators?: string[];
  lone?: boolean | null;
  claim: { status: 'claimed' | 'unclaimed' | 'denied'; delayHours: number | null; channel?: string | null } | null;
  audience?: string | null;
  confidence: number;
}

export function addUnit(d: { units: number[] }, u: number): void {
  if (!d.units.includes(u)) {
    d.units.push(u);
    d.units.sort((a, b) => a - b);
  }
}
