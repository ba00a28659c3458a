// Claims of responsibility: who claimed (a militant group, named or as التنظيم), which incident,
// through which channel (Amaq, a statement, radio, Telegram…), and after how long (بعد نحو 24 ساعة).
import { addDays } from '../core/dates.js';
import type { Anchors, EntityAnchor } from './anchors.js';
import type { CueIndex } from './cues.js';
import type { Hit } from './matcher.js';
import type { Cue } from './lexicon.js';
import type { Incident } from './incidents.js';
import type { AttackMention } from './mentions.js';
import { normalizeForLang, type TextView } from './text-view.js';

export interface ClaimFinding {
  org: string;
  incident: Incident | null;
  status: 'claimed' | 'unclaimed' | 'denied';
  delayHours: number | null;
  channel: string | null;
  unit: number;
}

const CHANNEL_ORDER = ['amaq', 'telegram', 'radio', 'video', 'audio', 'statement', 'twitter'];

/** Claim cues: direct (تبنى، claimed, أحد جنوده) or "responsibility" governed by a verb of announcing. */
function claimCues(view: TextView, cues: CueIndex): Hit<Cue>[] {
  const out: Hit<Cue>[] = [];
  for (let u = 0; u < view.units.length; u++) {
    const direct = cues.inUnit(u, 'claim');
    out.push(...direct);
    for (const r of cues.inUnit(u, 'responsibility')) {
      if (direct.some((d) => d.first <= r.last && r.first <= d.last)) continue;
      if (cues.near(r.first, r.last, 'claimVerb', 4, 0)) out.push(r);
    }
  }
  return out.sort((a, b) => a.first - b.first);
}

export function nearestOrg(view: TextView, cues: CueIndex, anchors: Anchors, h: { first: number; last: number }, militant: boolean): EntityAnchor | null {
  const unit = view.tokens[h.first].unit;
  let best: EntityAnchor | null = null;
  let bestCost = Infinity;
  for (const a of anchors.entities) {
    if (view.tokens[a.first].unit !== unit || a.entity.type !== 'organization') continue;
    if (anchors.isMilitant(a.entity) !== militant) continue;
    // subjects precede in English and usually in Arabic news prose; a following one costs a little more
    const cost = a.last < h.first ? cues.gap(a.last, h.first) : cues.gap(h.last, a.first) + 1.5;
    if (cost < bestCost) [best, bestCost] = [a, cost];
  }
  return militant && best ? parentOf(view, cues, anchors, best, h) : best;
}

/**
 * "حركة الشباب المنضوية في إطار تنظيم القاعدة", "al-Shabaab, an affiliate of al-Qaeda": a group
 * named a few words after another one, before the claim word, is its parent or ally; the subject is
 * the group named first.
 */
function parentOf(view: TextView, cues: CueIndex, anchors: Anchors, a: EntityAnchor, h: { first: number; last: number }): EntityAnchor {
  if (a.first > h.first) return a;
  let cur = a;
  for (;;) {
    const prev = anchors.entities.find(
      (b) =>
        b.entity !== cur.entity &&
        b.entity.type === 'organization' &&
        anchors.isMilitant(b.entity) &&
        b.last < cur.first &&
        view.tokens[b.first].unit === view.tokens[cur.first].unit &&
        cues.gap(b.last, cur.first) <= 4 &&
        // a comma may set off the apposition; a full stop or colon ends it
        !view.tokens.slice(b.last + 1, cur.first).some((t) => t.punct && t.norm !== ',' && t.norm !== '،'),
    );
    if (!prev) return cur;
    cur = prev;
  }
}

function delayOf(view: TextView, cues: CueIndex, anchors: Anchors, unit: number): number | null {
  for (const n of anchors.numbers) {
    if (view.tokens[n.first].unit !== unit) continue;
    const next = cues.startingAt(n.last + 1).find((h) => h.value === 'hours' || h.value === 'days');
    if (!next || !cues.near(n.first, n.last, 'delayBefore', 2, -1)) continue;
    return next.value === 'hours' ? n.value : n.value * 24;
  }
  return null;
}

function channelOf(cues: CueIndex, unit: number): string | null {
  const hits = cues.familiesInUnit(unit, CHANNEL_ORDER.map((c) => `channel:${c}` as Cue));
  // "إذاعة البيان" is a radio, not a statement: a longer overlapping phrase wins
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.first <= h.first && o.last >= h.last && o.last - o.first > h.last - h.first));
  for (const c of CHANNEL_ORDER) if (kept.some((h) => h.value === `channel:${c}`)) return c;
  return null;
}

/** "في بيان لم يتسن التحقق من صحته", "could not be verified": the negation is of checking the claim, not of the claim. */
const VERIFYING = new Set(['يمكن', 'يتسن', 'يتسني', 'تسني', 'نتمكن', 'يتاح', 'be', 'independently'].map((w) => normalizeForLang(w, /\p{Script=Arabic}/u.test(w) ? 'ar' : 'en')));
function negatesVerifying(view: TextView, negation: Hit<Cue>): boolean {
  const next = view.tokens[negation.last + 1];
  return !!next && next.unit === view.tokens[negation.last].unit && VERIFYING.has(next.norm);
}

export function findClaims(
  view: TextView,
  cues: CueIndex,
  anchors: Anchors,
  incidentOf: Map<AttackMention, Incident>,
  mentions: AttackMention[],
  incidents: Incident[],
): ClaimFinding[] {
  const out: ClaimFinding[] = [];
  const main = incidents.find((i) => i.reported) ?? null;
  for (const h of claimCues(view, cues)) {
    const unit = view.tokens[h.first].unit;
    const negation = cues.near(h.first, h.last, 'claimNegation', 3, 0);
    const negated = negation !== null && !negatesVerifying(view, negation);
    const denied = cues.near(h.first, h.last, 'denial', 4, 0) !== null;
    const org = nearestOrg(view, cues, anchors, h, true);
    const local = mentions.filter((m) => m.unit === unit && incidentOf.has(m));
    const incident = local.length > 0 ? incidentOf.get(local.reduce((a, b) => (cues.gap(b.first, h.first) < cues.gap(a.first, h.first) ? b : a)))! : main;
    if (!org) {
      if (negated && incident) out.push({ org: '', incident, status: 'unclaimed', delayHours: null, channel: null, unit });
      continue;
    }
    out.push({
      org: org.entity.id,
      incident,
      status: denied ? 'denied' : negated ? 'unclaimed' : 'claimed',
      delayHours: delayOf(view, cues, anchors, unit),
      channel: channelOf(cues, unit),
      unit,
    });
  }
  return out;
}

/** The day of the claim, when the attack's day and the delay are known. */
export function claimDate(attackDay: { start: string; end: string } | null, delayHours: number | null): { start: string; end: string } | null {
  if (!attackDay || attackDay.start !== attackDay.end || delayHours === null) return null;
  const d = addDays(attackDay.start, Math.round(delayHours / 24));
  return { start: d, end: d };
}
