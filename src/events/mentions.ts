// Attack mentions: every trigger word or phrase, with the context judgements that decide what it
// is — a reported attack, a generic or hypothetical one (calls, fears, plans), or a word of war in
// another sense (football, politics, cyber, state military operations).
import type { AttackType } from '../core/types.js';
import type { Anchors, EntityAnchor } from './anchors.js';
import type { CueIndex } from './cues.js';
import type { Hit } from './matcher.js';
import type { Lexicon, TriggerInfo } from './lexicon.js';
import type { TextView } from './text-view.js';

export type Rejection = 'football' | 'politics' | 'cyber' | 'military' | 'accident' | 'crime' | 'weak' | null;

export interface MentionDate {
  start: string;
  end: string;
  precision: string;
  /** 3 right after the trigger (هجوم الأربعاء), 2 nearby, 1 elsewhere in the sentence */
  strength: number;
  anchorStart: number;
}

/** A casualty count; `update` when its sentence revises a toll (ارتفع عدد القتلى، the toll rose). */
export interface Count {
  value: number;
  approx: boolean;
  update: boolean;
  at: number;
}

export interface AttackMention {
  first: number;
  last: number;
  unit: number;
  types: Set<AttackType>;
  strength: number;
  plural: boolean;
  verb: boolean;
  anaphor: boolean;
  /** corroboration score: strength + terror context + casualties + type */
  score: number;
  rejected: Rejection;
  /** a call, fear, plan or prevention rather than something that happened */
  irrealis: boolean;
  /** the object of a foiling (إحباط الهجوم، إبطال عملية الاغتيال): planned, stopped, not carried out */
  foiled: boolean;
  /** a kind of attack in general ("this type of attack", "other attacks") */
  generic: boolean;
  /** comparison or court context: history rather than news */
  backgroundCue: boolean;
  /** the background cue is only a reminder (يذكر أن …): it may restate the news itself */
  reminder: boolean;
  /** الهجوم، the attack: refers back to the incident in focus unless told otherwise */
  definite: boolean;
  /** هجوم آخر، another attack: a new incident */
  another: boolean;
  /** Arabic: militants right beside a verb as its subject (هاجم مسلحون، مسلحين هاجموا) */
  militantSubject?: boolean;
  places: EntityAnchor[];
  date: MentionDate | null;
  killed: Count | null;
  injured: Count | null;
  killedOne: boolean;
  perpetrators: string[];
  orgs: { id: string; role: 'claimed' | 'suspected' | 'attributed' }[];
  lone: boolean | null;
}

/** Overlapping trigger hits become one: the longest phrase, with the types of all. */
function mergeHits(hits: Hit<TriggerInfo>[]): Hit<TriggerInfo>[] {
  hits.sort((a, b) => a.first - b.first || b.last - a.last);
  const out: Hit<TriggerInfo>[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.first <= prev.last) {
      const v = prev.value;
      prev.last = Math.max(prev.last, h.last);
      prev.value = {
        types: [...new Set([...v.types, ...h.value.types])],
        strength: Math.max(v.strength, h.value.strength),
        plural: v.plural && h.value.plural,
        verb: v.verb,
        anaphor: v.anaphor && h.value.anaphor,
      };
      continue;
    }
    out.push({ ...h, value: { ...h.value } });
  }
  return out;
}

function punctBetween(view: TextView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (view.tokens[i].punct) return true;
  return false;
}

const DEFINITE_AR = /^(و|ف)?(ب|ك)?(ال|لل)/;

/** Words that report a toll, including a toll of none: an article that has one speaks of violence. */
const CASUALTY_CUES = ['killedBefore', 'killedAfter', 'killedOne', 'injuredBefore', 'injuredAfter', 'noneBoth', 'noneKilled', 'noneInjured'] as const;

const STRONG_TYPES: AttackType[] = ['suicide-bombing', 'stabbing', 'vehicle-ramming', 'hostage-taking'];

function militantInUnit(unit: number, anchors: Anchors, view: TextView): boolean {
  const u = view.units[unit];
  return anchors.entities.some((a) => a.first >= u.firstToken && a.first < u.endToken && anchors.isMilitant(a.entity));
}

function terrorInUnit(unit: number, cues: CueIndex, anchors: Anchors, view: TextView): boolean {
  if (cues.hasInUnit(unit, 'terror')) return true;
  const u = view.units[unit];
  return anchors.entities.some((a) => a.first >= u.firstToken && a.first < u.endToken && anchors.isMilitant(a.entity));
}

/**
 * Arabic: militants right beside a verb as its subject, after it (هاجم مسلحون، اقتحم أمس متشددون) or
 * just before it (مسلحين هاجموا); not the word terrorism itself (هاجم الوزير الإرهاب).
 */
function militantSubject(view: TextView, cues: CueIndex, h: { first: number; last: number }): boolean {
  if (view.lang !== 'ar') return false;
  const hit = cues.near(h.first, h.last, 'terror', 0, 1);
  return hit !== null && !/^[وف]?(?:ال)?[اإ]رهاب/.test(view.tokens[hit.first].norm);
}

const HOSTAGE_TAKING: TriggerInfo = { types: ['hostage-taking'], strength: 2, plural: false, verb: true, anaphor: false };
/** How many words may stand between the verb of taking and the hostages (احتجز مسلحون من داعش عشرات الرهائن). */
const HOSTAGE_REACH = 4;

/** A verb of taking with the hostages a few words on, as one trigger (took 20 people hostage), unless freeing stands between (took steps to free the hostages). */
function hostageTakings(view: TextView, cues: CueIndex): Hit<TriggerInfo>[] {
  const out: Hit<TriggerInfo>[] = [];
  for (let u = 0; u < view.units.length; u++) {
    const nouns = cues.inUnit(u, 'hostageNoun');
    if (nouns.length === 0) continue;
    const release = cues.inUnit(u, 'hostageRelease');
    for (const v of cues.inUnit(u, 'hostageVerb')) {
      const n = nouns.find((x) => x.first > v.last && cues.gap(v.last, x.first) <= HOSTAGE_REACH);
      if (n && !release.some((r) => r.first > v.last && r.last < n.first)) out.push({ first: v.first, last: n.last, value: HOSTAGE_TAKING });
    }
  }
  return out;
}

export function findMentions(view: TextView, lex: Lexicon, cues: CueIndex, anchors: Anchors, triggerHits = lex.triggers.findAll(view)): AttackMention[] {
  const hits = mergeHits([...triggerHits, ...hostageTakings(view, cues)]).filter((h) => !cues.covers(h.first, 'notAttack'));
  const docTerror =
    view.units.some((_, u) => cues.hasInUnit(u, 'terror')) || anchors.entities.some((a) => anchors.isMilitant(a.entity));
  const docCasualties = view.units.some((_, u) => CASUALTY_CUES.some((c) => cues.hasInUnit(u, c)));
  const unitTerror = new Map<number, boolean>();
  const targetMarkers = new Set(TARGET_MARKERS.map(lex.normalize));
  const mentions: AttackMention[] = [];
  for (const h of hits) {
    const unit = view.tokens[h.first].unit;
    if (!unitTerror.has(unit)) unitTerror.set(unit, terrorInUnit(unit, cues, anchors, view));
    const terror = unitTerror.get(unit)!;
    const info = h.value;
    const types = new Set<AttackType>(info.types);
    const casualties = cues.hasInUnit(unit, 'killedBefore') || cues.hasInUnit(unit, 'killedAfter') || cues.hasInUnit(unit, 'injuredBefore');
    const score = info.strength + (terror ? 2 : docTerror ? 1 : 0) + (casualties ? 1 : 0) + (types.size > 0 ? 1 : 0);
    const strongType = info.types.some((t) => STRONG_TYPES.includes(t));

    let rejected: Rejection = null;
    if (cues.near(h.first, h.last, 'cyber', 3, 3)) rejected = 'cyber';
    // "قصفت الطائرات بالخطأ موقعا", "the air force mistakenly bombed", "a gas leak caused the blast"
    else if (!strongType && (cues.near(h.first, h.last, 'accident', 6, 6) || (!terror && cues.hasInUnit(unit, 'accident')))) rejected = 'accident';
    else if (info.strength < 3 && !militantInUnit(unit, anchors, view) && cues.hasInUnit(unit, 'football')) rejected = 'football';
    else if (info.types.length === 0 && !terror && !casualties && (cues.hasInUnit(unit, 'politics') || personTarget(view, anchors, h))) rejected = 'politics';
    else if (!strongType && !militantAgent(view, cues, anchors, h) && isStateOperation(view, cues, h, terror, targetMarkers)) rejected = 'military';
    // "قتل برصاص الجيش", "shot dead by police": the state's forces own the gunfire or the shells
    else if (stateAgentAfter(cues, h)) rejected = 'military';
    // "شنت القوات الموالية للرئيس … هجمات": the forces are the subject of the operation verb
    else if (!strongType && !militantAgent(view, cues, anchors, h) && stateSubject(view, cues, anchors, h, targetMarkers)) rejected = 'military';
    // "هجوم على مواقع الحوثيين", "an attack on militants": fighting militants is no terrorist attack
    else if (!strongType && militantTarget(view, cues, anchors, h)) rejected = 'military';
    // "سقطت قذائف هاون على الشريط الحدودي": shells and rockets at a front, with no word of terror, are war
    else if (info.types.length > 0 && info.types.every((t) => t === 'rocket-mortar') && !cues.hasInUnit(unit, 'terror') && (cues.hasInUnit(unit, 'war') || cues.hasInUnit(unit, 'military'))) rejected = 'military';
    // "أطلق النار عليه لخلاف سابق", "a quarrel", "حكم القصاص": a personal crime or its punishment
    else if (!terror && cues.hasInUnit(unit, 'crime')) rejected = 'crime';
    // "ألقت القبض على 13 … وعند ملاحقته بادر بإطلاق النار": shots in the course of an arrest belong to the operation
    else if (info.types.length === 1 && info.types[0] === 'shooting' && cues.inUnit(unit, 'arrest').some((c) => c.last < h.first)) rejected = 'military';
    // a weapon word in an article with no word of terror and no casualty in its sentence (قلم رصاص،
    // عبوة 5 كيلو، رميا بالرصاص) is no attack: only the unambiguous ones stand alone
    else if ((score < 3 || (!terror && !docTerror && !docCasualties && info.strength < 3)) && !info.anaphor) rejected = 'weak';

    const head = view.tokens[h.first].norm;
    const definite = view.lang === 'ar' ? DEFINITE_AR.test(head) : cues.near(h.first, h.last, 'determiner', 0, -1) !== null;
    // a call or threat earlier in the sentence governs the indefinite attacks after it (يدعو أنصاره … إلى شن هجمات)
    const governed =
      (info.plural || !definite) &&
      ([...cues.inUnit(unit, 'incitement'), ...cues.inUnit(unit, 'threat')].some((c) => c.last < h.first) ||
        // a plan earlier in the sentence (خططوا … لتفجير مساجد، كانت تعد لمخطط … لاستهداف) is not an attack made
        cues.inUnit(unit, 'plan').some((c) => c.last < h.first && cues.gap(c.last, h.first) <= PLAN_REACH));
    const irrealis =
      governed ||
      cues.near(h.first, h.last, 'irrealisBefore', 4, -1) !== null ||
      cues.near(h.first, h.last, 'irrealisImmediate', 1, -1) !== null ||
      cues.near(h.first, h.last, 'irrealisAfter', -1, 1) !== null;
    // only a definite object refers back to an incident already told (إبطال عملية الاغتيال)
    let definiteInside = false;
    for (let i = h.first; i <= h.last; i++) if (view.lang === 'ar' ? DEFINITE_AR.test(view.tokens[i].norm) : false) definiteInside = true;
    const foiled = cues.near(h.first, h.last, 'foiled', 3, -1) !== null && definiteInside;
    const genericCue = cues.near(h.first, h.last, 'generic', 2, 2);
    // "هذه، عن هجمات": a demonstrative across a comma belongs to the phrase before
    // "قتل 17 … في هجمات … منذ التصعيد": a running total over many attacks is no one incident
    const generic =
      info.plural &&
      ((genericCue !== null && !punctBetween(view, genericCue.last, h.first)) ||
        cues.near(h.first, h.last, 'lone', -1, 1) !== null ||
        cues.near(h.first, h.last, 'cumulative', -1, 6) !== null);
    const comparisonBefore = cues.inUnit(unit, 'comparison').some((c) => c.last < h.first);
    // "بعد أكثر من شهر من تفجير مسجد…": the attack a time span is counted from lies in the past
    const since = cues.near(h.first, h.last, 'since', 1, -1) !== null;
    const court = courtInUnit(view, cues, unit);
    const backgroundCue = comparisonBefore || since || court;
    const reminder =
      comparisonBefore && !since && !court && cues.inUnit(unit, 'comparison').every((c) => c.last >= h.first || view.tokens[c.first].forms.includes('يذكر'));

    const another = cues.near(h.first, h.last, 'another', 0, 1) !== null && !info.plural;
    mentions.push({
      first: h.first,
      last: h.last,
      unit,
      militantSubject: info.verb && militantSubject(view, cues, h),
      types,
      strength: info.strength,
      plural: info.plural,
      verb: info.verb,
      anaphor: info.anaphor,
      score,
      rejected,
      irrealis,
      foiled,
      generic,
      backgroundCue,
      reminder,
      definite,
      another,
      places: [],
      date: null,
      killed: null,
      injured: null,
      killedOne: false,
      perpetrators: [],
      orgs: [],
      lone: null,
    });
  }
  inheritRejection(mentions);
  return mentions;
}

const SENSES: Rejection[] = ['football', 'politics', 'cyber', 'accident', 'crime'];

/**
 * "A ransomware attack forced hospitals to cancel operations. The attack, detected on Tuesday, …":
 * a bare definite attack word refers back to the attack word just before it (this sentence or the
 * one before) and keeps its sense — a cyber, football, political or accidental "attack" stays one.
 */
function inheritRejection(mentions: AttackMention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i];
    const prev = mentions[i - 1];
    if (m.rejected || !m.definite || m.types.size > 0 || m.unit - prev.unit > 1) continue;
    if (SENSES.includes(prev.rejected)) m.rejected = prev.rejected;
  }
}

/** "تصدت قوات الجيش لهجوم شنه مسلحون من التنظيم": the attack's maker is named after it, and is militant. */
function militantAgent(view: TextView, cues: CueIndex, anchors: Anchors, h: Hit<TriggerInfo>): boolean {
  const verb = cues.near(h.first, h.last, 'agentAfter', -1, 2);
  if (!verb) return false;
  const reach = view.tokens[verb.last].pos + 4;
  return anchors.entities.some((a) => a.first > verb.last && view.tokens[a.first].pos <= reach && anchors.isMilitant(a.entity)) || cues.near(verb.first, verb.last, 'terror', -1, 4) !== null;
}

/**
 * "Vance's attack on Zelensky", "شن هجوما على الوزير": a bare attack word aimed at a named person,
 * with no weapon, toll or word of terror in the sentence, is words, not violence.
 */
function personTarget(view: TextView, anchors: Anchors, h: Hit<TriggerInfo>): boolean {
  return anchors.entities.some((a) => a.entity.type === 'person' && !a.anaphoric && a.first > h.last && view.tokens[a.first].pos - view.tokens[h.last].pos <= 2);
}

const ELIMINATE_AR = new Set(['على', 'علي']);

/** A court or judge in the sentence; "القضاء على" (wiping out) is no judiciary. */
function courtInUnit(view: TextView, cues: CueIndex, unit: number): boolean {
  return cues.inUnit(unit, 'court').some((c) => {
    if (view.lang !== 'ar' || c.first !== c.last || !view.tokens[c.first].forms.includes('قضاء')) return true;
    const next = view.tokens[c.last + 1];
    return !(next && next.unit === unit && next.forms.some((f) => ELIMINATE_AR.has(f)));
  });
}

/** Words after a plan verb within which attack words are what was planned. */
const PLAN_REACH = 20;

const TARGET_MARKERS = ['على', 'ضد', 'استهدف', 'استهدفت', 'من', 'on', 'against', 'of', 'targeting', 'at'];

/**
 * A state's forces as the agent just before the trigger (شنت القوات هجوما، Israeli strikes, army
 * attack) — not when they are the target (هجوم على الجيش) or the victims (مقتل 5 من قوات الأمن).
 */
function isStateOperation(view: TextView, cues: CueIndex, h: Hit<TriggerInfo>, terror: boolean, targetMarkers: Set<string>): boolean {
  // "هجوم للجيش", "هجوم للمقاومة الشعبية": the forces right after own the attack (لل: ل + the article)
  const owner = cues.near(h.first, h.last, 'military', -1, 0);
  if (owner && owner.first === h.last + 1 && view.tokens[owner.first].norm.startsWith('لل')) return true;
  const mil = cues.near(h.first, h.last, 'military', 3, 0);
  if (!mil) return cues.near(h.first, h.last, 'military', 0, 1) !== null && !terror && h.value.types.length === 0;
  const before = view.tokens[mil.first - 1];
  if (before && before.unit === view.tokens[mil.first].unit && before.forms.some((f) => targetMarkers.has(f))) return false;
  // militants named between the forces and the trigger make them the target: "قوات الأمن ... مسلحون هاجموا"
  return !(terror && cues.near(h.first, h.last, 'terror', 3, 0));
}

const GUNFIRE_TYPES = new Set(['shooting', 'rocket-mortar']);

/** A weapon word owned by a state's forces named right after it: "برصاص قوات الاحتلال", "shot dead by police". */
function stateAgentAfter(cues: CueIndex, h: Hit<TriggerInfo>): boolean {
  const types = h.value.types;
  if (types.length === 0 || !types.every((t) => GUNFIRE_TYPES.has(t))) return false;
  return cues.near(h.first, h.last, 'stateAgent', -1, 0) !== null;
}

/** Words an operation verb may stand before its attack word with the forces as subject between. */
const SUBJECT_REACH = 14;

/**
 * "شنت قوات الجيش تساندها مروحيات هجمات": an operation verb, then the state's
 * forces as its subject, then the attack word — with no militant or word of terror in between.
 */
function stateSubject(view: TextView, cues: CueIndex, anchors: Anchors, h: Hit<TriggerInfo>, targetMarkers: Set<string>): boolean {
  const verb = cues.near(h.first, h.last, 'stateVerb', SUBJECT_REACH, -1);
  if (!verb) return false;
  const unit = view.tokens[h.first].unit;
  const mil = cues.inUnit(unit, 'military').find((c) => c.first > verb.last && c.last < h.first);
  if (!mil) return false;
  const before = view.tokens[mil.first - 1];
  if (before && before.forms.some((f) => targetMarkers.has(f))) return false;
  if (cues.inUnit(unit, 'terror').some((c) => c.first > verb.last && c.last < h.first)) return false;
  return !anchors.entities.some((a) => a.first > verb.last && a.first < h.first && anchors.isMilitant(a.entity));
}

/** على/ضد/on/against, as the normaliser leaves them (ى → ي) */
const ON_MARKERS = new Set(['على', 'علي', 'ضد', 'against', 'on']);

/** "هجوم على مواقع الحوثيين", "attacks against militants": the target named after على/ضد is militant. */
function militantTarget(view: TextView, cues: CueIndex, anchors: Anchors, h: Hit<TriggerInfo>): boolean {
  const unit = view.tokens[h.first].unit;
  const end = view.units[unit].endToken;
  let marker = -1;
  for (let i = h.last + 1; i < end && view.tokens[i].pos - view.tokens[h.last].pos <= 5; i++) {
    const t = view.tokens[i];
    if (t.punct) break;
    if (t.forms.some((f) => ON_MARKERS.has(f))) { marker = i; break; }
  }
  if (marker < 0) return false;
  const reach = view.tokens[marker].pos + 3;
  if (cues.inUnit(unit, 'militantTarget').some((c) => c.first > marker && view.tokens[c.first].pos <= reach)) return true;
  return anchors.entities.some((a) => a.first > marker && view.tokens[a.first].pos <= reach && anchors.isMilitant(a.entity));
}
