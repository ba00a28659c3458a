// Statements around violence: incitement and threats by militant groups, warnings (and the
// reports that carry them) by officials and observatories, arrests and foiled plots. Mentions of
// the same kind by the same actor in one document are one event.
import { addDays } from '../core/dates.js';
import type { DayRange, EventType } from '../core/types.js';
import { nearestOrg } from './claims.js';
import type { Anchors, EntityAnchor } from './anchors.js';
import type { CueIndex } from './cues.js';
import { addUnit, type DraftEvent } from './draft.js';
import { countryOf, placeRank } from './incidents.js';
import type { Hit } from './matcher.js';
import type { Cue } from './lexicon.js';
import type { AttackMention } from './mentions.js';
import type { TextView } from './text-view.js';

/** Statements older than this many days before publication are history. */
const STATEMENT_WINDOW_DAYS = 30;

interface Finding {
  type: EventType;
  unit: number;
  actor: string | null;
  organization: string | null;
  place: EntityAnchor | null;
  date: DayRange | null;
  audience: string | null;
  weak?: boolean;
}

function unitAnchors(view: TextView, anchors: Anchors, unit: number) {
  return anchors.entities.filter((a) => view.tokens[a.first].unit === unit);
}

/**
 * The date of a statement. For warnings, arrests and plots it is the day they were issued or made,
 * so a month or a season in the sentence (the Ramadan warned about) is not taken.
 */
function nearestDate(view: TextView, cues: CueIndex, anchors: Anchors, h: Hit<Cue>, daysOnly = false): DayRange | null {
  const unit = view.tokens[h.first].unit;
  let best: DayRange | null = null;
  let bestGap = Infinity;
  for (const d of anchors.dates) {
    if (view.tokens[d.first].unit !== unit) continue;
    if (daysOnly && d.mention.precision !== 'day') continue;
    const g = cues.gap(d.first, h.first);
    if (g < bestGap) [best, bestGap] = [{ start: d.mention.value.start, end: d.mention.value.end }, g];
  }
  return best;
}

/** A place to aim at or act in: the nearest named place in the sentence, countries and cities before adjectives. */
function nearestPlace(view: TextView, cues: CueIndex, anchors: Anchors, h: Hit<Cue>): EntityAnchor | null {
  let best: EntityAnchor | null = null;
  let bestCost = Infinity;
  for (const a of unitAnchors(view, anchors, view.tokens[h.first].unit)) {
    if (a.entity.type !== 'location') continue;
    const cost = cues.gap(a.first, h.first) + (placeRank(a) === 0 ? 6 : 0);
    if (cost < bestCost) [best, bestCost] = [a, cost];
  }
  return best;
}

function nearestPerson(view: TextView, cues: CueIndex, anchors: Anchors, h: Hit<Cue>, maxGap: number): EntityAnchor | null {
  let best: EntityAnchor | null = null;
  let bestGap = Infinity;
  for (const a of unitAnchors(view, anchors, view.tokens[h.first].unit)) {
    if (a.entity.type !== 'person') continue;
    const g = cues.gap(a.first, h.first);
    if (g <= maxGap && g < bestGap) [best, bestGap] = [a, g];
  }
  return best;
}

function audienceOf(view: TextView, cues: CueIndex, unit: number): string | null {
  const h = [...cues.inUnit(unit, 'audience')].sort((a, b) => b.last - b.first - (a.last - a.first))[0];
  return h ? view.text.slice(view.tokens[h.first].start, view.tokens[h.last].end) : null;
}

function hasAttackAfter(cues: CueIndex, mentions: AttackMention[], h: Hit<Cue>, unit: number): boolean {
  if (cues.inUnit(unit, 'incitementObject').some((o) => o.first > h.last && cues.gap(h.last, o.first) <= 12)) return true;
  return mentions.some((m) => m.unit === unit && m.first > h.last && cues.gap(h.last, m.first) <= 12);
}

/** An attack mention the foiling word governs, itself no other sense of the word (football, cyber, a court's). */
function foiledAttack(view: TextView, cues: CueIndex, mentions: AttackMention[], h: Hit<Cue>, unit: number): boolean {
  if (view.tokens[h.last + 1]?.forms.includes('مفعول') || cues.hasInUnit(unit, 'court')) return false;
  return mentions.some((m) => m.unit === unit && m.first > h.last && cues.gap(h.last, m.first) <= 4 && (!m.rejected || m.rejected === 'weak') && !m.backgroundCue);
}

export function findStatements(view: TextView, cues: CueIndex, anchors: Anchors, mentions: AttackMention[]): Finding[] {
  const out: Finding[] = [];
  const dominant = anchors.dominantMilitant?.id ?? null;
  for (let unit = 0; unit < view.units.length; unit++) {
    const terror = cues.hasInUnit(unit, 'terror') || unitAnchors(view, anchors, unit).some((a) => anchors.isMilitant(a.entity));
    for (const h of cues.inUnit(unit, 'incitement')) {
      if (!hasAttackAfter(cues, mentions, h, unit)) continue;
      const militant = nearestOrg(view, cues, anchors, h, true);
      const official = nearestOrg(view, cues, anchors, h, false);
      const preventive = cues.near(h.first, h.last, 'prevention', 0, 8) !== null;
      const officialFirst = official && (!militant || Math.abs(official.last - h.first) < Math.abs(militant.last - h.first));
      if (preventive || (officialFirst && official.last < h.first)) {
        // an official body calling for vigilance is warning, not inciting
        if (official && preventive) out.push({ type: 'warning', unit, actor: official.entity.id, organization: militant?.entity.id ?? dominant, place: null, date: nearestDate(view, cues, anchors, h, true), audience: null });
        continue;
      }
      if (!militant) continue;
      const speaker = nearestPerson(view, cues, anchors, h, 6);
      out.push({
        type: 'incitement',
        unit,
        actor: speaker?.entity.id ?? militant.entity.id,
        organization: militant.entity.id,
        place: nearestPlace(view, cues, anchors, h),
        date: nearestDate(view, cues, anchors, h),
        audience: audienceOf(view, cues, unit),
      });
    }
    for (const h of cues.inUnit(unit, 'threat')) {
      const militant = nearestOrg(view, cues, anchors, h, true);
      if (!militant || cues.gap(militant.first, h.first) > 8) continue;
      out.push({ type: 'threat', unit, actor: militant.entity.id, organization: militant.entity.id, place: nearestPlace(view, cues, anchors, h), date: nearestDate(view, cues, anchors, h), audience: null });
    }
    for (const fam of ['warning', 'report'] as const) {
      for (const h of cues.inUnit(unit, fam)) {
        const official = nearestOrg(view, cues, anchors, h, false);
        const person = nearestPerson(view, cues, anchors, h, 8);
        const actor = official?.entity.id ?? person?.entity.id ?? null;
        if (!actor && !terror) continue;
        if (fam === 'report' && !actor) continue;
        const militant = nearestOrg(view, cues, anchors, h, true);
        out.push({ type: 'warning', unit, actor, organization: militant?.entity.id ?? (terror ? dominant : null), place: null, date: nearestDate(view, cues, anchors, h, true), audience: null, weak: fam === 'report' });
      }
    }
    // terror in the sentence, or a plan to attack stated with the arrest ("suspected of planning to kill")
    const planned = cues.inUnit(unit, 'plan').some((p) => hasAttackAfter(cues, mentions, p, unit) || cues.near(p.first, p.last, 'plot', -1, 6));
    for (const fam of ['arrest', 'foiled'] as const) {
      for (const h of cues.inUnit(unit, fam)) {
        // a foiled attack needs no other word of terror ("أسهم الحراس في إبطال عملية الاغتيال"), but it must
        // be one: not a goal chance, a cyber attack or a court's annulment, nor a bomb made safe (إبطال مفعول)
        if (!terror && !planned && !(fam === 'foiled' && foiledAttack(view, cues, mentions, h, unit))) continue;
        if (fam === 'foiled' && !cues.near(h.first, h.last, 'plot', 0, 4)) continue;
        const official = nearestOrg(view, cues, anchors, h, false);
        const militant = nearestOrg(view, cues, anchors, h, true);
        const found = { unit, actor: official?.entity.id ?? null, organization: militant?.entity.id ?? null, place: nearestPlace(view, cues, anchors, h), date: nearestDate(view, cues, anchors, h, true), audience: null };
        out.push({ type: fam === 'arrest' ? 'arrest' : 'foiled-plot', ...found });
        // "arrested on suspicion of planning attacks": the arrest stops a plot
        if (fam === 'arrest' && cues.inUnit(unit, 'plan').some((p) => p.first > h.last && (hasAttackAfter(cues, mentions, p, unit) || cues.near(p.first, p.last, 'plot', -1, 6)))) out.push({ type: 'foiled-plot', ...found });
      }
    }
  }
  return out;
}

/** One event per kind and actor: later mentions add evidence and fill what earlier ones lacked. */
export function mergeStatements(findings: Finding[], published: string | null): DraftEvent[] {
  const byKey = new Map<string, DraftEvent>();
  const order: DraftEvent[] = [];
  for (const f of findings.sort((a, b) => a.unit - b.unit)) {
    const key = f.type === 'arrest' || f.type === 'foiled-plot' ? `${f.type}|${f.actor}|${f.place ? countryOf(f.place) : ''}` : `${f.type}|${f.type === 'incitement' || f.type === 'threat' ? f.organization : f.actor}`;
    let ev = byKey.get(key);
    if (!ev) {
      if (f.weak) continue; // a report alone is not a warning
      ev = {
        type: f.type, reported: true, units: [], date: null, location: null, organization: null, actor: null,
        targetCountry: null, about: null, claim: null, audience: null, confidence: 0.5,
      };
      byKey.set(key, ev);
      order.push(ev);
    }
    addUnit(ev, f.unit);
    ev.date ??= f.date;
    ev.actor ??= f.actor;
    ev.organization ??= f.organization;
    if (f.place) {
      if (f.type === 'arrest' || f.type === 'foiled-plot') ev.location ??= f.place;
      else ev.targetCountry ??= countryOf(f.place);
    }
    ev.audience ??= f.audience;
    ev.confidence = Math.min(0.95, ev.confidence + 0.1);
  }
  // a warning whose issuer is not named ("تحذيرات من…" in a headline) is the named one's, when there is one
  const kept = order.filter((ev) => {
    if (ev.actor || ev.type !== 'warning') return true;
    const named = order.find((o) => o.type === ev.type && o.actor);
    if (!named) return true;
    for (const u of ev.units) addUnit(named, u);
    named.date ??= ev.date;
    named.organization ??= ev.organization;
    return false;
  });
  order.length = 0;
  order.push(...kept);
  for (const ev of order) {
    if (ev.date && published && ev.date.end < addDays(published, -STATEMENT_WINDOW_DAYS)) ev.reported = false;
  }
  return order;
}
