// The event extractor: text view → cues and anchors → attack mentions → incidents → claims and
// statements → contract events with ids, evidence and confidence. Deterministic: everything is
// ordered by position in the text.
import type { Context } from '../core/context.js';
import type { Document, EventLocation, MarsadEvent } from '../core/types.js';
import { buildAnchors, type Anchors, type EntityAnchor } from './anchors.js';
import { fillArguments } from './arguments.js';
import { claimDate, findClaims } from './claims.js';
import { CueIndex } from './cues.js';
import type { DraftEvent } from './draft.js';
import { addUnit } from './draft.js';
import { evidenceFor } from './evidence.js';
import { clusterIncidents, countryOf, incidentDate, incidentPlace, LEAD_UNITS, moreSpecific, placeRank, type Incident } from './incidents.js';
import { lexiconFor, lexiconHits } from './lexicon.js';
import { findMentions, type AttackMention, type Count } from './mentions.js';
import { findStatements, mergeStatements } from './statements.js';
import { buildView, normalizeForLang, type TextView } from './text-view.js';
import { countryOfAdjective } from '../kb/adjectives.js';
import { countryPlace, gazetteer, placeEntity } from '../kb/gazetteer.js';

function mostFrequent(ids: string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > counts.get(best)!) best = id;
  return best;
}

function attackDraft(inc: Incident, anchors: Anchors, view: TextView, inTitle: EntityAnchor[], taken: Set<EntityAnchor>): DraftEvent {
  const ms = inc.mentions;
  const types = new Set(ms.flatMap((m) => [...m.types]));
  // the first toll given (the lead's), unless a later sentence revises it upwards
  const pick = (role: 'killed' | 'injured') => {
    const counts = ms.map((m) => m[role]).filter((c): c is Count => c !== null).sort((a, b) => a.at - b.at);
    let best = counts[0] ?? null;
    for (const c of counts.slice(1)) if (best && c.update && c.value > best.value) best = c;
    return best ? { value: best.value, approx: best.approx } : null;
  };
  let killed = pick('killed');
  if (!killed && ms.some((m) => m.killedOne)) killed = { value: 1, approx: false };
  const perpetrators = [...new Set(ms.flatMap((m) => m.perpetrators))];
  let organization: string | null = null;
  let organizationRole: DraftEvent['organizationRole'] = null;
  for (const role of ['claimed', 'attributed', 'suspected'] as const) {
    const ids = ms.flatMap((m) => m.orgs.filter((o) => o.role === role).map((o) => o.id));
    if (ids.length > 0) {
      organization = mostFrequent(ids);
      organizationRole = role;
      break;
    }
  }
  const date = incidentDate(inc);
  const own = incidentPlace(inc);
  let place = refinedPlace(view, anchors, inc, (own && placeRank(own) >= 2 ? own : null) ?? titlePlace(inc, inTitle) ?? own ?? datelinePlace(view, anchors, inc), taken);
  let country = place ? countryOf(place) ?? fallbackCountry(view, anchors, inc, place) : null;
  // no place, or a name nothing could place, in an article whose country is only an adjective (الجزائرية)
  if (!country) {
    const adj = adjectivePlace(view, anchors, inc);
    if (adj) [place, country] = [adj, countryOf(adj)];
  }
  // a town read as a namesake abroad (Yobe in Japan in a Nigerian story): trust the article's countries
  const other = place && country ? articleCountry(anchors, place) : null;
  if (other && other !== country) country = other;
  const lone = ms.find((m) => m.lone !== null)?.lone ?? null;
  const terror = Math.max(...ms.map((m) => m.score));
  const confidence = Math.min(0.97, 0.4 + 0.05 * Math.min(4, ms.length) + (place ? 0.1 : 0) + (date ? 0.1 : 0) + (killed ? 0.05 : 0) + (terror >= 5 ? 0.1 : 0) + (inc.reported ? 0 : -0.1));
  return {
    type: 'attack',
    reported: inc.reported,
    units: [...new Set(ms.map((m) => m.unit))].sort((a, b) => a - b),
    date: date ? { start: date.start, end: date.end } : null,
    location: place,
    country,
    organization,
    organizationRole,
    actor: null,
    targetCountry: null,
    about: null,
    incident: inc,
    attackTypes: types.size > 0 ? [...types].sort() : ['other'],
    killed,
    injured: pick('injured'),
    perpetrators,
    lone,
    claim: null,
    confidence,
  };
}

/**
 * "هجومان في شرق تركيا … وسقط أحد القتيلين في إقليم فان …": when the incident's place is a country
 * or a province and one of its sentences introduces by a head noun a town there that no attack
 * mention took, the town is the place (the most specific one a coder would give). A bare name is not
 * taken (it may be a speaker's city or a namesake), nor a town the wounded were taken to or help came
 * from. In a country, a village the gazetteer cannot place counts when the nearest placed name is in
 * that country; in a province, only a smaller town the gazetteer puts in the same first-level division.
 */
function refinedPlace(view: TextView, anchors: Anchors, inc: Incident, place: EntityAnchor | null, taken: Set<EntityAnchor>): EntityAnchor | null {
  if (!place || !inc.reported) return place;
  const level = placeRank(place);
  if (level === 3 && !place.area) return place;
  const units = new Set(inc.mentions.map((m) => m.unit));
  const country = countryOf(place);
  const division = gazetteer().byId.get(place.entity.id);
  for (const a of anchors.entities) {
    if (a.entity.type !== 'location' || !a.headed || a.entity === place.entity || taken.has(a) || placeRank(a) !== 3) continue;
    if (!units.has(view.tokens[a.first].unit) || elsewhere(view, a)) continue;
    // a town nobody can place is in the country of the placed name nearest to it
    if ((countryOf(a) ?? nearestCountry(anchors.entities, a.first)) !== country) continue;
    // within a province named as a town (في منطقة اغري), a smaller town of it; within a first-level
    // region, a town the gazetteer puts there
    if (level > 1 && (a.area || !(division?.kind === 'city' ? moreSpecific(a, place) : !!division?.admin1 && gazetteer().byId.get(a.entity.id)?.admin1 === division.admin1))) continue;
    return a;
  }
  return place;
}

/** Words shortly before a place that send it elsewhere than the attack: نقل إلى مستشفى في مدينة…، تعزيزات من…; taken to, from. */
const ELSEWHERE = new Set(['الى', 'من', 'مستشفي', 'المستشفي', 'مستشفيات', 'to', 'from', 'hospital']);
/** …but "بالقرب من", "على بعد 5 كلم من" locate the attack by the place */
const NEAR_OF = new Set(['بالقرب', 'قرب', 'مقربه', 'بعد', 'كلم', 'كم', 'كيلومتر', 'كيلومترات', 'كيلومترا']);
function elsewhere(view: TextView, a: EntityAnchor): boolean {
  for (let k = a.first - 1; k >= Math.max(0, a.first - 3); k--) {
    const forms = view.tokens[k].forms;
    if (!forms.some((f) => ELSEWHERE.has(f))) continue;
    if (forms.includes('من') && k > 0 && view.tokens[k - 1].forms.some((f) => NEAR_OF.has(f))) continue;
    return true;
  }
  return false;
}

/** The country of the placed location among `places` nearest to token `at`. */
function nearestCountry(places: readonly EntityAnchor[], at: number): string | null {
  let near: EntityAnchor | null = null;
  for (const b of places) {
    if (b.entity.type === 'location' && countryOf(b) && (!near || Math.abs(b.first - at) < Math.abs(near.first - at))) near = b;
  }
  return near ? countryOf(near) : null;
}

/**
 * An article about one attack often names its city only in the dateline or the first sentence
 * (بغداد - …). Used only for the first reported incident, which is what such an article is about.
 */
function datelinePlace(view: TextView, anchors: Anchors, inc: Incident): EntityAnchor | null {
  if (!inc.reported || inc.mentions[0].unit > 2) return null;
  const firstUnit = Math.min(...inc.mentions.map((m) => m.unit));
  return anchors.entities.find((a) => a.entity.type === 'location' && !a.adjective && view.tokens[a.first].unit <= firstUnit) ?? null;
}

/**
 * "مقتل تسعة من جنود الجيش … اكدت وزارة الدفاع الجزائرية": when no place is named, the country of a
 * nationality adjective in the incident's own sentences (or the lead's, for the lead) is where it was.
 */
function adjectivePlace(view: TextView, anchors: Anchors, inc: Incident): EntityAnchor | null {
  const units = new Set(inc.mentions.map((m) => m.unit));
  const inScope = (u: number) => units.has(u) || (inc.lead && u < LEAD_UNITS);
  const linked = anchors.entities.find((a) => a.entity.type === 'location' && a.adjective && countryOf(a) && inScope(view.tokens[a.first].unit));
  if (linked) return linked;
  // the linker keeps adjectives as context, not mentions: read them here
  for (let i = 0; i < view.tokens.length; i++) {
    const t = view.tokens[i];
    if (t.punct || t.number || !inScope(t.unit)) continue;
    const iso = countryOfAdjective(view.text.slice(t.start, t.end));
    const p = iso ? countryPlace(iso) : null;
    if (!p) continue;
    return { first: i, last: i, start: t.start, end: t.end, entity: placeEntity(p), anaphoric: false, adjective: true };
  }
  return null;
}

/**
 * A small town the gazetteer does not know has no country: take it from the other places of the
 * incident (مدينة سوروتش التركية), then from its sentences, then from the article as a whole.
 */
function fallbackCountry(view: TextView, anchors: Anchors, inc: Incident, place: EntityAnchor): string | null {
  // the nearest: "in Tayasir village, 2km north of Tubas" is in Tubas's country, not in that of an
  // "Israeli" earlier in the lead
  // then the one nearest the incident's first mention in its sentences
  const units = new Set(inc.mentions.map((m) => m.unit));
  const near = nearestCountry(inc.mentions.flatMap((m) => m.places), place.first) ??
    nearestCountry(anchors.entities.filter((a) => units.has(view.tokens[a.first].unit)), inc.mentions[0].first);
  if (near) return near;
  return mostFrequent(anchors.entities.flatMap((a) => (a.entity.type === 'location' && countryOf(a)) || []));
}

/**
 * When no other place of the article lies in the country of `place` while its other places agree
 * on one country, that country: the gazetteer has linked a namesake. Null when the place is plausible.
 */
function articleCountry(anchors: Anchors, place: EntityAnchor): string | null {
  const own = countryOf(place);
  // a country named as such is what the text says; a town named once or twice may be a namesake
  if (placeRank(place) < 2 || place.entity.mentions.length > 2) return null;
  const counts = new Map<string, number>();
  for (const a of anchors.entities) {
    if (a.entity.type !== 'location' || a.entity === place.entity) continue;
    const c = countryOf(a);
    if (!c) continue;
    if (c === own) return null;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let top: string | null = null;
  let total = 0;
  for (const [c, n] of counts) {
    total += n;
    if (top === null || n > counts.get(top)!) top = c;
  }
  // a clear majority of the other place mentions, not a split article
  return top && counts.get(top)! >= 3 && counts.get(top)! * 2 > total ? top : null;
}

/**
 * The headline names the place of the article's news (هجوم لندن) but has no offsets in the text:
 * a location entity whose name or mention appears in the title stands for the lead incident.
 */
function titlePlace(inc: Incident, inTitle: EntityAnchor[]): EntityAnchor | null {
  if (!inc.reported || !inc.lead) return null;
  return inTitle[0] ?? null;
}

/** Attack nouns a headline names a place with (هجوم لندن، تفجير في بغداد، مجزرة بمدريد; the London attack, attack in Madrid). */
const TITLE_ATTACK_AR = ['هجوم', 'هجمات', 'هجومي', 'تفجير', 'تفجيرات', 'انفجار', 'اعتداء', 'اعتداءات', 'مجزرة', 'مذبحة'];
/** …written as the headline is normalised (ة → ه, hamza folded), the noun before the place */
const TITLE_ATTACK_BEFORE_AR = new RegExp(`(?:^|\\s)[وبل]?(?:ال)?(?:${TITLE_ATTACK_AR.map((w) => normalizeForLang(w, 'ar')).join('|')})\\s+(?:في\\s+|ب)?$`);
const EN_ATTACK = '(?:attacks?|bombings?|blasts?|shootings?|stabbings?|explosions?|massacre)';
/** English: "attack in Madrid" before the place, "Madrid (knife) attack" after it */
const TITLE_ATTACK_BEFORE_EN = new RegExp(`\\b${EN_ATTACK}\\s+(?:in|at|on|near)\\s+(?:the\\s+)?$`);
const TITLE_ATTACK_AFTER_EN = new RegExp(`^(?:'s)?\\s+(?:(?:suicide|knife|bomb|car|truck|gun|terror|terrorist|mosque|church|synagogue|market|school|bus|airport|concert|hotel|festival|station)\\s+)?${EN_ATTACK}\\b`);

/**
 * Location entities named in the headline, the most specific first, and the countries of those it
 * names as an attack's place (هجوم لندن, the Westminster attack).
 */
function titlePlaces(view: TextView, anchors: Anchors): { places: EntityAnchor[]; attackCountries: Set<string> } {
  const title = view.doc.title;
  const places: EntityAnchor[] = [];
  const attackCountries = new Set<string>();
  if (!title) return { places, attackCountries };
  const t = normalizeForLang(title, view.lang);
  for (const a of anchors.entities) {
    if (a.entity.type !== 'location' || a.adjective || places.some((o) => o.entity === a.entity)) continue;
    const surface = normalizeForLang(view.text.slice(a.start, a.end), view.lang);
    if (surface.length < 3 || !t.includes(surface)) continue;
    places.push(a);
    const c = countryOf(a);
    // every place the headline writes the name (it may also sit inside another word)
    for (let at = t.indexOf(surface); c && at >= 0 && !attackCountries.has(c); at = t.indexOf(surface, at + 1)) {
      const before = t.slice(Math.max(0, at - 24), at);
      const after = t.slice(at + surface.length, at + surface.length + 32);
      if (view.lang === 'ar' ? TITLE_ATTACK_BEFORE_AR.test(before) : TITLE_ATTACK_BEFORE_EN.test(before) || TITLE_ATTACK_AFTER_EN.test(after)) attackCountries.add(c);
    }
  }
  return { places: places.sort((a, b) => placeRank(b) - placeRank(a)), attackCountries };
}

function toLocation(a: EntityAnchor | null, country: string | null): EventLocation | null {
  if (!a) return null;
  const e = a.entity;
  const loc: EventLocation = { name: e.name, nameAr: e.nameAr ?? null, country: country ?? countryOf(a) };
  // coordinates of a namesake in another country would mislead a map
  const sameCountry = !country || !countryOf(a) || countryOf(a) === country;
  if (sameCountry && typeof e.lat === 'number' && typeof e.lon === 'number') {
    loc.lat = e.lat;
    loc.lon = e.lon;
  }
  return loc;
}

const UNTOLLED_TYPES = ['kidnapping', 'hostage-taking'];

/** True unless an attack has no day, no toll, no headline mention, and a kind of attack that has tolls. */
function newsLike(a: DraftEvent): boolean {
  if (a.date || a.killed || a.injured) return true;
  if (a.attackTypes?.some((t) => UNTOLLED_TYPES.includes(t))) return true;
  return a.incident!.mentions.some((m) => m.unit === 0);
}

export function extractEvents(doc: Document, ctx: Context): MarsadEvent[] {
  if (!doc.text.trim()) return [];
  const view = buildView(doc);
  if (view.tokens.length === 0) return [];
  const lex = lexiconFor(ctx, view.lang);
  const hits = lexiconHits(view, lex);
  const cues = new CueIndex(view, lex, hits.cues);
  const anchors = buildAnchors(view, lex, hits.orgAnaphors);
  const mentions = findMentions(view, lex, cues, anchors, hits.triggers);
  fillArguments(view, lex, cues, anchors, mentions);
  const { places: inTitle, attackCountries } = titlePlaces(view, anchors);
  const incidents = clusterIncidents(mentions, doc.published, new Set(inTitle.map((a) => a.entity.id)), attackCountries);
  const incidentOf = new Map<AttackMention, Incident>();
  for (const inc of incidents) for (const m of inc.mentions) incidentOf.set(m, inc);
  // split plural mentions are copies: map the originals too, by position
  for (const m of mentions) if (!incidentOf.has(m)) {
    const inc = incidents.find((i) => i.mentions.some((x) => x.first === m.first));
    if (inc) incidentOf.set(m, inc);
  }

  // places tied to an attack mention: a town one incident names is not another's
  const taken = new Set(incidents.flatMap((inc) => inc.mentions.flatMap((m) => m.places)));
  const attacks = incidents.map((inc) => attackDraft(inc, anchors, view, inTitle, taken));
  // news of an attack says when it happened or what it cost (a kidnapping costs no lives), unless its
  // headline is the attack: one told only in the body with neither (an opinion piece's "bombing
  // mosques", a minister's "the terrorist act") is no news
  if (doc.published) for (const a of attacks) if (a.reported && !newsLike(a)) a.reported = false;
  const byIncident = new Map<Incident, DraftEvent>(attacks.map((a) => [a.incident!, a]));
  const claims = new Map<string, DraftEvent>();
  for (const c of findClaims(view, cues, anchors, incidentOf, mentions, incidents)) {
    const attack = c.incident ? byIncident.get(c.incident) : undefined;
    if (!c.org) {
      if (attack && !attack.claim) attack.claim = { status: 'unclaimed', delayHours: null, channel: null };
      continue;
    }
    const key = `${c.org}|${attacks.indexOf(attack!)}`;
    let ev = claims.get(key);
    if (!ev) {
      ev = {
        type: 'claim', reported: attack?.reported ?? true, units: [], date: null, location: null, organization: c.org, actor: c.org,
        targetCountry: null, about: c.incident, claim: { status: c.status, delayHours: null, channel: null }, confidence: 0.6,
      };
      claims.set(key, ev);
    }
    addUnit(ev, c.unit);
    ev.claim!.delayHours ??= c.delayHours;
    ev.claim!.channel ??= c.channel;
    if (c.status === 'claimed') ev.claim!.status = 'claimed';
    ev.confidence = Math.min(0.95, ev.confidence + 0.1);
    if (attack && ev.claim!.status === 'claimed') {
      attack.organization = c.org;
      attack.organizationRole = 'claimed';
      attack.claim = { status: 'claimed', delayHours: ev.claim!.delayHours, channel: ev.claim!.channel ?? null };
    }
  }
  for (const ev of claims.values()) {
    const attack = ev.about ? byIncident.get(ev.about) : undefined;
    ev.date = claimDate(attack?.date ?? null, ev.claim!.delayHours);
    ev.location = attack?.location ?? null;
    // a small town the gazetteer lacks has its country from the article, as the attack has
    ev.country = attack?.country ?? null;
  }
  const statements = mergeStatements(findStatements(view, cues, anchors, mentions), doc.published);
  return finish(view, [...attacks, ...claims.values(), ...statements], byIncident);
}

const TYPE_ORDER = ['attack', 'claim', 'incitement', 'threat', 'warning', 'arrest', 'foiled-plot'];

/** Order by first evidence, give ids, resolve claim targets, and render contract objects. */
function finish(view: TextView, drafts: DraftEvent[], byIncident: Map<Incident, DraftEvent>): MarsadEvent[] {
  drafts.sort((a, b) => a.units[0] - b.units[0] || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
  const ids = new Map<DraftEvent, string>();
  drafts.forEach((d, i) => ids.set(d, `ev${i + 1}`));
  return drafts.map((d) => {
    const about = d.about ? byIncident.get(d.about) : undefined;
    const ev: MarsadEvent = {
      id: ids.get(d)!,
      type: d.type,
      reported: d.reported,
      ...(d.type === 'attack' ? { attackTypes: d.attackTypes } : {}),
      date: d.date,
      location: toLocation(d.location, d.country ?? null),
      killed: d.killed?.value ?? null,
      killedApprox: d.killed?.approx ?? false,
      injured: d.injured?.value ?? null,
      injuredApprox: d.injured?.approx ?? false,
      perpetrators: d.perpetrators ?? [],
      organization: d.organization,
      ...(d.type === 'attack' ? { organizationRole: d.organizationRole ?? null } : {}),
      actor: d.actor,
      targetCountry: d.targetCountry,
      about: about ? ids.get(about)! : null,
      claim: d.claim,
      lone: d.lone ?? null,
      ...(d.audience ? { audience: d.audience } : {}),
      evidence: evidenceFor(view, d.units),
      confidence: Math.round(d.confidence * 100) / 100,
    };
    return ev;
  });
}

