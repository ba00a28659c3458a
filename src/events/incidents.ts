// Coreference of attack mentions within one document: mentions anchored to a place or a date
// open or join the incident they agree with; unanchored ones (الحادث، هجوم الأربعاء، the attack)
// refer back to the incident in focus. Then each incident is judged reported news or background.
import { addDays } from '../core/dates.js';
import { gazetteer } from '../kb/gazetteer.js';
import type { EntityAnchor } from './anchors.js';
import { locationLevel } from './anchors.js';
import type { AttackMention, MentionDate } from './mentions.js';

export interface Incident {
  mentions: AttackMention[];
  /** the first news incident opened in the lead: the one the headline is about */
  lead: boolean;
  /** news (true) or history mentioned for context (false) */
  reported: boolean;
  /** the text says it was foiled (تم إبطال عملية الاغتيال): a plot, not an attack */
  foiled?: boolean;
}

/** Days an attack may lie before publication and still be the news of the article. */
export const NEWS_WINDOW_DAYS = 7;

const LEVEL_RANK = { city: 3, region: 2, country: 1 } as const;

export function placeRank(a: EntityAnchor): number {
  return a.adjective ? 0 : LEVEL_RANK[locationLevel(a.entity)];
}

export function countryOf(a: EntityAnchor): string | null {
  if (a.across) return null;
  const c = a.entity.country;
  if (typeof c === 'string' && c) return c.toUpperCase();
  // an unplaced name's id may look like a country code (عين → loc:in): only a country's id counts
  const m = a.entity.kind === 'country' ? /^loc:([a-z]{2})$/.exec(a.entity.id) : null;
  return m ? m[1].toUpperCase() : null;
}

/**
 * At the same level, a place the gazetteer locates or the text introduces by a head noun (في قرية
 * العكر الغربي) beats a bare name nobody can place: the tagger's "place" in هجوما داميا is "bloody".
 */
const choiceRank = (a: EntityAnchor) => 2 * placeRank(a) + (a.headed || countryOf(a) ? 1 : 0);

/**
 * Two towns of one province, one of them named as an area (في منطقة اغري … مدينة دوغوبيازيد; منطقة
 * باغجيلار بمدينة إسطنبول): the same incident's place, told at two scales. GeoNames gives Ağrı as a
 * town; the head noun says area.
 */
function nested(a: EntityAnchor, b: EntityAnchor): boolean {
  if (a.entity === b.entity || (!a.area && !b.area)) return false;
  const byId = gazetteer().byId;
  const [p, q] = [byId.get(a.entity.id), byId.get(b.entity.id)];
  return !!p && !!q && p.kind === 'city' && q.kind === 'city' && !!p.admin1 && p.country === q.country && p.admin1 === q.admin1;
}

/** Of two nested towns, the smaller is where it happened (Doğubayazıt in Ağrı's province, Bağcılar in Istanbul). */
export function moreSpecific(a: EntityAnchor, b: EntityAnchor): boolean {
  if (!nested(a, b)) return false;
  const byId = gazetteer().byId;
  return byId.get(a.entity.id)!.population < byId.get(b.entity.id)!.population;
}

export function bestPlace(places: EntityAnchor[]): EntityAnchor | null {
  let best: EntityAnchor | null = null;
  let bestRank = -1;
  for (const p of places) {
    const r = choiceRank(p);
    if (r > bestRank || (r === bestRank && moreSpecific(p, best!))) [best, bestRank] = [p, r];
  }
  return best;
}

export function incidentPlace(inc: Incident): EntityAnchor | null {
  return bestPlace(inc.mentions.flatMap((m) => m.places));
}

/**
 * The incident's day: the best-attached date, except that a day a sentence already told firmly
 * (strength ≥ 2) is not replaced by another day from a later sentence (they joined within the ±1 day
 * tolerance: "the deadliest of the blasts, on Tuesday" may be yesterday's attack, not today's).
 */
export function incidentDate(inc: Incident): MentionDate | null {
  let best: MentionDate | null = null;
  let bestUnit = -1;
  for (const m of inc.mentions) {
    const d = m.date;
    if (!d || (best && d.strength <= best.strength)) continue;
    const firm = best && best.strength >= 2 && best.precision === 'day' && d.precision === 'day' && d.start !== best.start;
    if (firm && m.unit > bestUnit) continue;
    [best, bestUnit] = [d, m.unit];
  }
  return best;
}

function datesAgree(a: MentionDate, b: MentionDate): boolean {
  return addDays(a.start, -1) <= b.end && addDays(b.start, -1) <= a.end;
}

function isOld(d: MentionDate | null, published: string | null): boolean {
  return !!d && !!published && d.end < addDays(published, -NEWS_WINDOW_DAYS);
}

/**
 * Agreement of a mention with an incident: -1 conflict, 0 nothing in common, >0 shared place/date.
 * A definite mention (الهجوم في حي…) may name a more precise town of the same incident.
 */
function agreement(m: AttackMention, inc: Incident, published: string | null, titlePlaces: Set<string>, attackCountries: ReadonlySet<string>): number {
  let score = 0;
  // "unlike the Paris attacks": a comparison is never the news it is compared with
  if (m.backgroundCue && m.places.length > 0 && !provisionalBackground(inc, published) && !restates(m, inc, published)) return -1;
  const mp = bestPlace(m.places);
  const ip = incidentPlace(inc);
  if (mp && ip) {
    const [mc, ic] = [countryOf(mp), countryOf(ip)];
    if (mc && ic && mc !== ic) return -1;
    const bothCities = placeRank(mp) === 3 && placeRank(ip) === 3;
    const known = inc.mentions.some((x) => x.places.some((p) => p.entity.id === mp.entity.id));
    if (bothCities && !known && !nested(mp, ip) && !m.definite && !m.anaphor) return -1;
    score += known ? 2 : 1;
  } else if (mp && !ip && inc.lead && titlePlaces.has(mp.entity.id)) {
    score += 2; // the headline's place is the lead incident's (هجوم لندن)
  } else if (mp && !ip && inc.lead && countryOf(mp) && attackCountries.size > 0 && !attackCountries.has(countryOf(mp)!)) {
    // nor is a place in another country than that of the headline's attack: «هجوم لندن» … the Louvre
    // attacker in Paris
    return -1;
  }
  const id = incidentDate(inc);
  if (m.date) {
    const old = isOld(m.date, published);
    if (id && (id.strength >= 2 || m.date.strength >= 2) && old !== isOld(id, published)) return -1;
    if (!id && old && !inc.mentions.every((x) => x.backgroundCue) && !datesOldLead(m, inc)) return -1;
  }
  if (m.date && id) {
    if (!datesAgree(m.date, id)) {
      // two pieces of history at one place but different times are different attacks
      if (isOld(m.date, published) && isOld(id, published)) return -1;
      // the same named place outweighs a loosely attached date (نشرة اليوم الجمعة … هجوم لندن)
      const firm = m.date.strength >= 3 && id.strength >= 3;
      if (m.date.strength >= 2 && id.strength >= 2 && (score < 2 || firm)) return -1;
    } else score += 1;
  }
  return score;
}

/**
 * "يذكر أن الانتحاري … دخل مسجد … في أبها الخميس الماضي": a reminder that names the incident's own
 * place within the news window restates the news (and may give its day), it does not open history.
 */
function restates(m: AttackMention, inc: Incident, published: string | null): boolean {
  if (!m.reminder || m.another || isOld(m.date, published)) return false;
  // the attack itself (الانتحاري، فجر نفسه), not an indefinite "an attack" of another kind
  if (!m.definite && !m.verb && !inc.mentions.some((x) => [...x.types].some((t) => m.types.has(t)))) return false;
  return m.places.some((p) => inc.mentions.some((x) => x.places.some((q) => q.entity.id === p.entity.id)));
}

/**
 * "three children were killed in the attack last July": the attack, with no place of its own and
 * its day right after it, dates an undated lead — the article's attack is an old one (a survivor's
 * interview, an anniversary), so the lead becomes history rather than news.
 */
function datesOldLead(m: AttackMention, inc: Incident): boolean {
  return inc.lead && m.definite && !m.another && !m.backgroundCue && m.places.length === 0 && m.date !== null && m.date.strength >= 3;
}

/** Units (title, first sentences) that carry an article's news. */
export const LEAD_UNITS = 3;

/**
 * News is what the lead reports, or another incident of the same days with its own date (a
 * round-up). An undated incident first named deep in the article, or one dated days before
 * publication outside the lead, is context.
 */
function isReported(inc: Incident, published: string | null): boolean {
  if (inc.foiled) return false;
  if (provisionalBackground(inc, published)) return false;
  if (inc.lead) return true;
  const d = incidentDate(inc);
  // another attack of a round-up is told with its day ("الأسبوع الماضي" is context, not news)
  if (!d || d.strength < 2 || d.precision !== 'day') return false;
  return !published || d.end >= addDays(published, -2);
}

function provisionalBackground(inc: Incident, published: string | null): boolean {
  return isOld(incidentDate(inc), published) || inc.mentions.every((m) => m.backgroundCue);
}

/**
 * Plural mentions naming places in several countries (هجمات باريس وبروكسل) stand for one incident
 * each. A toll given for them all is a total, no one country's; a recent day given for them all
 * ("قتل 50 أمس في هجمات في الكاميرون ونيجيريا") is each one's, while an old one stays with the first.
 */
function splitByCountry(m: AttackMention, published: string | null): AttackMention[] {
  if (!m.plural || m.places.length < 2) return [m];
  const groups = new Map<string, EntityAnchor[]>();
  for (const p of m.places) {
    const c = countryOf(p) ?? p.entity.id;
    (groups.get(c) ?? groups.set(c, []).get(c)!).push(p);
  }
  if (groups.size < 2) return [m];
  const shared = m.date !== null && !isOld(m.date, published);
  return [...groups.values()].map((places, i) => ({ ...m, places, date: i === 0 || shared ? m.date : null, killed: null, injured: null }));
}

/** Only a trigger that clearly names an attack may open an incident; weak ones only refer. */
function canOpen(m: AttackMention, first = false): boolean {
  // a weak verb (هاجم، اقتحم: also a verbal attack, a raid) opens an incident only when none is open
  // yet, with militants beside it as its subject and a count of dead or wounded of its own (هاجم
  // مسلحون محطة حافلات وقتلوا شخصين); later in a story it tells of the fighting around
  // an incident already open
  return !m.anaphor && !m.rejected && m.score >= 3 && (m.strength >= 2 || m.types.size > 0 || (first && !!m.militantSubject && (m.killed !== null || m.injured !== null)));
}

/**
 * "أصاب صاروخ شاحنة وقتل ستة مدنيين" deep in a story about a shooting: an indefinite mention past
 * the lead with a toll of its own and a weapon the incident never had is another event, not the focus.
 */
function otherWeapon(m: AttackMention, inc: Incident): boolean {
  if (m.unit < LEAD_UNITS || m.definite || m.anaphor || !m.killed || m.types.size === 0) return false;
  const types = new Set(inc.mentions.flatMap((x) => [...x.types]));
  return types.size > 0 && ![...m.types].some((t) => types.has(t));
}

/**
 * `titlePlaces`: ids of the places the headline names; `attackCountries`: the countries of those it
 * names as an attack's place (هجوم لندن, the Westminster attack).
 */
export function clusterIncidents(mentions: AttackMention[], published: string | null, titlePlaces: Set<string> = new Set(), attackCountries: ReadonlySet<string> = new Set()): Incident[] {
  const incidents: Incident[] = [];
  const lastUnit = new Map<Incident, number>();
  const join = (inc: Incident, m: AttackMention) => {
    inc.mentions.push(m);
    lastUnit.set(inc, m.unit);
  };
  const open = (m: AttackMention) => {
    if (!canOpen(m, incidents.length === 0)) return;
    const lead = m.unit < LEAD_UNITS && !incidents.some((i) => i.lead) && !m.backgroundCue && !isOld(m.date, published);
    const inc: Incident = { mentions: [m], reported: true, lead };
    incidents.push(inc);
    lastUnit.set(inc, m.unit);
  };
  const sameUnit = (m: AttackMention): Incident | null => {
    const found = incidents.filter((i) => lastUnit.get(i) === m.unit);
    return found.length > 0 ? found[found.length - 1] : null;
  };
  const focus = (m: AttackMention): Incident | null =>
    sameUnit(m) ?? incidents.find((i) => !provisionalBackground(i, published)) ?? incidents[incidents.length - 1] ?? null;

  // two attack words side by side (انفجار قنبلة في رفح) are one phrase: the place named after the
  // second is the first's too, so the phrase is not split between the focus and a new incident
  for (let i = 1; i < mentions.length; i++) {
    const [a, b] = [mentions[i - 1], mentions[i]];
    if (a.unit !== b.unit || b.first - a.last > 1 || a.plural !== b.plural) continue;
    if (a.places.length === 0 && b.places.length > 0) a.places = [...b.places];
  }
  // "وفي حادثة منفصلة": the next attack word of the sentence opens an incident of its own
  let separate: AttackMention | null = null;
  let prev: AttackMention | null = null;
  for (const raw of mentions) {
    // two attack words side by side (تفجيرًا انتحاريًا) are one phrase: one incident
    const adjacent = prev && prev.unit === raw.unit && raw.first - prev.last <= 1 ? incidents.find((i) => i.mentions.includes(prev!)) : undefined;
    const before = prev;
    prev = raw;
    if (adjacent && !raw.rejected && !raw.irrealis && raw.plural === before!.plural && raw.places.length === 0 && !raw.date) {
      join(adjacent, raw);
      continue;
    }
    // a weakly supported trigger (الهجوم without a word of terror nearby) may still refer back
    if (raw.foiled && incidents.length > 0) {
      // "إبطال عملية الاغتيال" refers back: the attempt of the headline never happened
      const f = focus(raw);
      if (f && (raw.types.size === 0 || f.mentions.some((x) => [...x.types].some((t) => raw.types.has(t))))) f.foiled = true;
    }
    if ((raw.rejected && raw.rejected !== 'weak') || raw.irrealis) continue;
    for (const m of splitByCountry(raw, published)) {
      const anchored = m.places.length > 0 || (m.date !== null && m.date.strength >= 2);
      if (m.generic || (m.plural && !anchored)) continue;
      if (m.rejected === 'weak') {
        const f = incidents.length > 0 ? focus(m) : null;
        if (f && (m.definite || m.anaphor || m.verb) && agreement(m, f, published, titlePlaces, attackCountries) >= 0) join(f, m);
        continue;
      }
      if (m.another && !canOpen(m)) {
        separate = m;
        continue;
      }
      if (m.another || (separate?.unit === m.unit && canOpen(m))) {
        open(m);
        // the words of the separate incident (نسبت إلى…) go with it
        if (separate?.unit === m.unit && incidents[incidents.length - 1]?.mentions[0] === m) join(incidents[incidents.length - 1], separate);
        separate = null;
        continue;
      }
      const here = sameUnit(m);
      const hereScore = here ? agreement(m, here, published, titlePlaces, attackCountries) : -1;
      // the sentence's incident, unless this mention names a place of its own that it does not share
      if (here && (hereScore > 0 || (hereScore === 0 && m.places.length === 0))) {
        join(here, m);
        continue;
      }
      if (!anchored || m.definite || m.anaphor) {
        const f = focus(m);
        if (f && agreement(m, f, published, titlePlaces, attackCountries) >= 0 && !otherWeapon(m, f)) {
          join(f, m);
          continue;
        }
      }
      let best: Incident | null = null;
      let bestScore = 0;
      for (const inc of incidents) {
        const s = agreement(m, inc, published, titlePlaces, attackCountries);
        if (s > bestScore || (s === bestScore && s > 0 && best && inc.mentions.some((x) => x.plural === m.plural))) [best, bestScore] = [inc, s];
      }
      if (best) join(best, m);
      else {
        const f = focus(m);
        // a place seen for the first time may still be the focus incident, named more precisely; a
        // day with no place of its own may be the day of a focus that has none yet
        const fills = f && (!incidentPlace(f) || (m.places.length === 0 && !incidentDate(f)));
        if (f && fills && agreement(m, f, published, titlePlaces, attackCountries) >= 0 && !m.backgroundCue && !isOld(m.date, published)) join(f, m);
        else open(m);
      }
    }
  }
  splitRoundUps(incidents);
  inheritFromLead(incidents, mentions);
  for (const inc of incidents) inc.reported = isReported(inc, published);
  return incidents;
}

/**
 * "24 killed on Monday when a car bomb exploded in Baquba … seven others were killed in another
 * blast east of the city": another attack told in the lead's next sentences, with no day or place of
 * its own, happened on the lead's day and in its place.
 */
function inheritFromLead(incidents: Incident[], mentions: AttackMention[]): void {
  const lead = incidents.find((i) => i.lead);
  const day = lead ? incidentDate(lead) : null;
  if (!lead || !day || day.strength < 2) return;
  const where = incidentPlace(lead);
  for (const inc of incidents) {
    const first = inc.mentions[0];
    if (inc === lead || !first.another || first.backgroundCue || first.unit >= LEAD_UNITS + 2 || incidentDate(inc)) continue;
    // a day anywhere in its sentence ("in a similar attack on 9 July") is its own, even if it went elsewhere
    if (mentions.some((m) => m.unit === first.unit && m.date)) continue;
    first.date = { ...day };
    if (!incidentPlace(inc) && where) first.places = [where];
  }
}

const typesAgree = (m: AttackMention, inc: Incident) => {
  if (m.types.size === 0) return true;
  const own = inc.mentions.flatMap((x) => [...x.types]);
  return own.length === 0 || own.some((t) => m.types.has(t));
};

/**
 * A round-up: "21 killed on Wednesday in attacks on Baghdad" then "16 died in a car bomb in Bayaa …
 * In addition, five were killed in an attack on Shaab". A plural mention's toll that the article
 * then breaks down into two or more single attacks, each with its own toll in a sentence of its own
 * (their sum not above the total), is a total: the single attacks become incidents of their own, dated
 * by the round-up when they give no day, and the total is no one incident's toll.
 */
function splitRoundUps(incidents: Incident[]): void {
  for (const inc of [...incidents]) {
    const summary = inc.mentions.find((m) => m.plural && m.killed && !m.killed.update && !m.backgroundCue);
    if (!summary) continue;
    const total = summary.killed!.value;
    const items: AttackMention[] = [];
    let sum = 0;
    for (const m of inc.mentions) {
      // "وقتل جندي في هجوم بإقليم اغري": one victim named alone is a toll of one
      const toll = m.killed && !m.killed.update ? m.killed.value : !m.killed && m.killedOne ? 1 : 0;
      if (m.unit <= summary.unit || m.plural || m.anaphor || m.definite || m.backgroundCue || toll === 0) continue;
      if (items.some((x) => x.unit === m.unit) || sum + toll > total) continue;
      items.push(m);
      sum += toll;
    }
    if (items.length < 2) continue;
    // the total and any restatement of it (a repeated headline) belong to no single attack
    for (const m of inc.mentions) {
      if (!m.plural || !m.killed || m.killed.value !== total) continue;
      m.killed = null;
      m.injured = null;
    }
    // the first item stays with the round-up's incident; each later one opens its own, and every
    // mention after it goes to the latest of them whose kind of attack it shares
    const parts: Incident[] = [inc];
    const where = incidentPlace(inc);
    for (const item of items.slice(1)) {
      if (!item.date && summary.date && summary.date.strength >= 2) item.date = { ...summary.date };
      if (item.places.length === 0 && where) item.places = [where];
      parts.push({ mentions: [], reported: true, lead: false });
    }
    const rest = inc.mentions;
    inc.mentions = [];
    for (const m of rest) {
      const k = items.indexOf(m);
      if (k > 0) {
        parts[k].mentions.push(m);
        continue;
      }
      let target = inc;
      if (m.unit >= items[1].unit) {
        const open = parts.filter((p, i) => i === 0 || p.mentions.length > 0);
        target = [...open].reverse().find((p) => p.mentions.length === 0 || typesAgree(m, p)) ?? open[open.length - 1];
      }
      target.mentions.push(m);
    }
    // "two attacks launched by PKK fighters": each attack of the round-up is the group's
    const orgs = summary.orgs.length > 0 ? summary.orgs : parts[0].mentions.flatMap((m) => m.orgs);
    for (const p of parts.slice(1)) if (!p.mentions.some((m) => m.orgs.length > 0) && orgs.length > 0) p.mentions[0].orgs = orgs.map((o) => ({ ...o }));
    incidents.splice(incidents.indexOf(inc) + 1, 0, ...parts.slice(1));
  }
}
