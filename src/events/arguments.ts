// Fills each attack mention's arguments from the anchors of its sentence: place and date (each
// anchor goes to the trigger it most plausibly modifies), casualties, perpetrators, the group and
// its role, and lone actor vs cell.
import type { Anchors, EntityAnchor } from './anchors.js';
import type { CueIndex } from './cues.js';
import type { Lexicon } from './lexicon.js';
import type { AttackMention, Count } from './mentions.js';
import { normalizeForLang, type TextView } from './text-view.js';

const MAX_COST = 10;

/**
 * Cost of tying an anchor to a trigger, in words: modifiers follow the noun in Arabic (هجوم لندن،
 * هجمات نوفمبر 2015 في باريس), while English also puts them before it (the London attack).
 */
function attachCost(cues: CueIndex, lang: string, m: AttackMention, first: number, last: number, dates: Anchors['dates']): number {
  // a date between trigger and anchor counts as one word: تفجيرات مارس/ آذار 2016 في المدينة
  const span = (a: number, b: number) => {
    let g = cues.gap(a, b);
    for (const d of dates) if (d.first > a && d.last < b) g -= cues.gap(d.first, d.last) + 1;
    return Math.max(0, g);
  };
  if (first > m.last) return span(m.last, first);
  if (last < m.first) {
    const d = span(last, m.first);
    return lang === 'ar' ? 3 * d + 3 : d + 1;
  }
  return 0;
}

function bestMention(cues: CueIndex, lang: string, ms: AttackMention[], first: number, last: number, dates: Anchors['dates'], dating = false): [AttackMention, number] | null {
  let best: AttackMention | null = null;
  let bestCost = Infinity;
  for (const m of ms) {
    // الحادث refers back; it takes no place or date of its own, except the day it is said to have
    // happened on (الحادثة وقعت يوم 17 يوليو، the incident took place on Thursday)
    if (m.anaphor && !(dating && cues.near(m.first, m.last, 'occurred', -1, 1))) continue;
    const c = attachCost(cues, lang, m, first, last, dates);
    if (c < bestCost || (c === bestCost && best && first > m.last)) [best, bestCost] = [m, c];
  }
  return best && bestCost <= MAX_COST ? [best, bestCost] : null;
}

function byUnit(mentions: AttackMention[]): Map<number, AttackMention[]> {
  const out = new Map<number, AttackMention[]>();
  for (const m of mentions) (out.get(m.unit) ?? out.set(m.unit, []).get(m.unit)!).push(m);
  return out;
}

function assignPlaces(view: TextView, cues: CueIndex, anchors: Anchors, units: Map<number, AttackMention[]>): void {
  for (const a of anchors.entities) {
    if (a.entity.type !== 'location' || a.across) continue;
    const ms = units.get(view.tokens[a.first].unit);
    if (!ms) continue;
    // "في العراق ونيجيريا التي انتقد رئيسها كينيا": a place in a relative clause on another noun is that noun's
    const free = ms.filter((m) => !relativeBetween(view, m, a));
    const best = bestMention(cues, view.lang, free, a.first, a.last, anchors.dates);
    if (best) best[0].places.push(a);
  }
}

function assignDates(view: TextView, cues: CueIndex, anchors: Anchors, units: Map<number, AttackMention[]>, published: string | null): void {
  const leftovers = new Map<number, typeof anchors.dates>();
  const speech = new Map<number, typeof anchors.dates>();
  for (const d of anchors.dates) {
    const v = d.mention.value;
    if (published && v.start > published) continue; // a future date is a plan, not the attack's day
    const unit = view.tokens[d.first].unit;
    const ms = units.get(unit);
    if (!ms) continue;
    // "أعلن داعش أمس الخميس مسؤوليته": the day of a claim is not the day of the attack
    if (cues.near(d.first, d.last, 'claim', 1, 2) || cues.near(d.first, d.last, 'claimVerb', 2, 0)) continue;
    // "كشفت السلطات، أمس، عن هوية منفذ التفجير", "police said on Monday": the day of speaking, which
    // bounds the attack's day from above; the weakest hint, taken only when nothing else dates it
    if (isSpeechDate(view, cues, d, ms)) {
      (speech.get(unit) ?? speech.set(unit, []).get(unit)!).push(d);
      continue;
    }
    // "عملية الاغتيال، فيما أشاد الرئيس الذي ينهي اليوم زيارة": a date inside a relative clause on
    // another noun dates that noun, not the attack (the attack's own clause, الهجوم الذي وقع أمس, still does)
    // "ردا على أحدث هجوم، عاودت المدفعية أمس قصف…": state forces named between them own the date
    const free = ms.filter((m) => !relativeBetween(view, m, d) && !forcesBetween(view, cues, m, d));
    if (free.length === 0) continue;
    const best = bestMention(cues, view.lang, free, d.first, d.last, anchors.dates, true);
    const date = (strength: number) => ({ start: v.start, end: v.end, precision: d.mention.precision, strength, anchorStart: d.mention.start });
    if (best) {
      const [m, cost] = best;
      const strength = d.first > m.last && cost <= 2 ? 3 : 2;
      if (!m.date || m.date.strength < strength) m.date = date(strength);
    } else (leftovers.get(unit) ?? leftovers.set(unit, []).get(unit)!).push(d);
  }
  // a date elsewhere in the sentence is a weak hint (قال الشهر الماضي إن شابا هاجم…)
  for (const [unit, ds] of leftovers) {
    for (const m of units.get(unit) ?? []) {
      if (m.date || m.anaphor) continue;
      const d = ds.reduce((a, b) => (Math.abs(b.first - m.first) < Math.abs(a.first - m.first) ? b : a));
      const v = d.mention.value;
      m.date = { start: v.start, end: v.end, precision: d.mention.precision, strength: 1, anchorStart: d.mention.start };
    }
  }
  for (const [unit, ds] of speech) {
    for (const m of units.get(unit) ?? []) {
      if (m.date || m.anaphor) continue;
      const v = ds[0].mention.value;
      m.date = { start: v.start, end: v.end, precision: ds[0].mention.precision, strength: 0.5, anchorStart: ds[0].mention.start };
    }
  }
}

const RELATIVES: Record<string, Set<string>> = {
  ar: new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان', 'اللواتي', 'اللاتي'].map((w) => normalizeForLang(w, 'ar'))),
  en: new Set(['who', 'which', 'whose']),
};

/**
 * A relative pronoun between the trigger and the anchor that does not open the trigger's own
 * clause (it follows another noun): the anchor belongs to that noun.
 */
function relativeBetween(view: TextView, m: AttackMention, d: { first: number; last: number }): boolean {
  const rel = RELATIVES[view.lang];
  const [a, b] = d.first > m.last ? [m.last, d.first] : [d.last, m.first];
  for (let i = a + 1; i < b; i++) {
    const t = view.tokens[i];
    if (t.punct || !rel.has(t.norm)) continue;
    // the trigger's own clause: الهجوم الذي، the attack which (a comma may stand between)
    let j = i - 1;
    while (j > a && view.tokens[j].punct) j--;
    if (d.first > m.last && j === m.last) continue;
    return true;
  }
  return false;
}

/**
 * A state force acting between the trigger and the date (عاودت المدفعية التركية أمس القصف): the
 * date is its action's. In Arabic only a definite force is an agent; "مقر قوات الطوارئ" is a place.
 */
function forcesBetween(view: TextView, cues: CueIndex, m: AttackMention, d: { first: number; last: number }): boolean {
  if (d.first <= m.last) return false;
  const mil = cues.near(d.first, d.last, 'military', cues.gap(m.last, d.first), -1);
  if (mil === null || mil.first <= m.last) return false;
  return view.lang !== 'ar' || /^(و|ف)?ال/.test(view.tokens[mil.first].norm);
}

const COMPLEMENTIZERS = new Set(['إن', 'أن', 'ان', 'that'].map((w) => normalizeForLang(w, /^[a-z]/.test(w) ? 'en' : 'ar')));

/** A date just after a verb of saying, with no attack word between them, dates the saying. */
function isSpeechDate(view: TextView, cues: CueIndex, d: { first: number; last: number }, ms: AttackMention[]): boolean {
  // "وقالت مصادر … في تصريحات صحفية مساء السبت إن عبوة انفجرت": a date closing the saying clause
  // right before its "that" is the saying's, however long the subject
  const that = view.tokens[d.last + 1];
  const closesSaying = !!that && that.unit === view.tokens[d.first].unit && that.forms.some((f) => COMPLEMENTIZERS.has(f));
  const verb = cues.near(d.first, d.last, 'reportVerb', closesSaying ? 12 : 4, -1);
  if (!verb || ms.some((m) => m.first > verb.last && m.last < d.first)) return false;
  if (closesSaying) return true;
  // "said … Monday morning's attack": a date closer to the attack word than to the verb is the attack's
  const next = ms.filter((m) => m.first > d.last).sort((a, b) => a.first - b.first)[0];
  return !next || cues.gap(verb.last, d.first) <= cues.gap(d.last, next.first);
}

const YEARLIKE = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** A nationality or kind adjective agreeing with a dual or plural count (جنديين تركيين، 3 عراقيين): skipped like a filler. */
const isNisbaPlural = (form: string, lang: string) => lang === 'ar' && form.length >= 5 && /(يين|يان|يون)$/.test(form);

/** Walk from token i in direction dir over filler words; return the cue families found at the first non-filler. */
function cueAcross(view: TextView, cues: CueIndex, lex: Lexicon, i: number, dir: 1 | -1, families: string[], maxSkip = 3): { family: string; dist: number; at: number } | null {
  const unit = view.tokens[i].unit;
  let skipped = 0;
  for (let j = i + dir; j >= 0 && j < view.tokens.length && view.tokens[j].unit === unit; j += dir) {
    const t = view.tokens[j];
    if (t.punct && t.norm !== ',' && t.norm !== '،') continue;
    const hits = dir === 1 ? cues.startingAt(j) : [];
    if (dir === -1) {
      for (const f of families) if (cues.covers(j, f as never)) return { family: f, dist: skipped, at: j };
    } else {
      for (const h of hits) if (families.includes(h.value)) return { family: h.value, dist: skipped, at: j };
    }
    if (t.number) return null;
    // "At least 20 people, most of them women, have been killed": a parenthetical set off by two commas
    if (dir === 1 && isComma(t)) {
      const close = closingComma(view, j, unit);
      if (close < 0) return null;
      j = close;
      continue;
    }
    if (!(t.forms.some((f) => lex.fillers.has(f)) || isNisbaPlural(t.norm, lex.lang)) || ++skipped > maxSkip) return null;
  }
  return null;
}

const isComma = (t: { punct: boolean; norm: string }) => t.punct && (t.norm === ',' || t.norm === '،');

/** The comma closing a short parenthetical opened at token i (no number inside), or -1. */
function closingComma(view: TextView, i: number, unit: number): number {
  for (let j = i + 1, words = 0; j < view.tokens.length && view.tokens[j].unit === unit; j++) {
    const t = view.tokens[j];
    if (isComma(t)) return words > 0 ? j : -1;
    if (t.number || t.punct || ++words > PARENTHETICAL_WORDS) return -1;
  }
  return -1;
}

const PARENTHETICAL_WORDS = 5;

function roleOf(view: TextView, cues: CueIndex, lex: Lexicon, n: { first: number; last: number }): 'killed' | 'injured' | null {
  // English passives take more small words: "four other people have been wounded"
  const after = cueAcross(view, cues, lex, n.last, 1, ['killedAfter', 'injuredAfter'], view.lang === 'en' ? 4 : 3);
  const before = cueAcross(view, cues, lex, n.first, -1, ['killedBefore', 'injuredBefore']);
  // "وقتلوا 5 وجرحوا 16": a verb glued to و opens the next clause, so the count is the verb's before it
  const nextClause = after && before && view.lang === 'ar' && view.tokens[after.at].norm.startsWith('و');
  if (after && !nextClause && (!before || after.dist <= before.dist)) return after.family === 'killedAfter' ? 'killed' : 'injured';
  if (before) return before.family === 'killedBefore' ? 'killed' : 'injured';
  return null;
}

const live = (m: AttackMention) => !m.rejected && !m.generic && !m.irrealis;

/** The count is joined to what precedes it by "و" (و3، وثمانية، و 5): the index of the word before the conjunction, else -1. */
function conjoinedAfter(view: TextView, n: { first: number; start: number }): number {
  const t = view.tokens[n.first];
  if (view.lang === 'ar') {
    if (t.start < n.start && view.text[t.start] === 'و') return n.first - 1; // و3: the conjunction is glued to the count
    return view.tokens[n.first - 1]?.norm === 'و' ? n.first - 2 : -1;
  }
  return view.tokens[n.first - 1]?.norm === 'and' ? n.first - 2 : -1;
}

/**
 * After a count and its adjectives, "و" + a noun naming one victim (+ one adjective) and then the
 * verb of killing or wounding: the role of the count, which then counts that victim too.
 */
function victimAfter(view: TextView, cues: CueIndex, lex: Lexicon, n: { last: number }): 'killed' | 'injured' | null {
  const unit = view.tokens[n.last].unit;
  let j = n.last + 1;
  const filler = (f: string) => lex.fillers.has(f) || isNisbaPlural(f, lex.lang);
  while (j < view.tokens.length && view.tokens[j].unit === unit && j - n.last <= 2 && filler(view.tokens[j].norm)) j++;
  const t = view.tokens[j];
  if (!t || t.unit !== unit || t.punct || !t.norm.startsWith('و') || !t.forms.slice(1).some((f) => lex.oneVictim.has(f))) return null;
  for (const k of [j, j + 1]) {
    const hit = cueAcross(view, cues, lex, k, 1, ['killedAfter', 'injuredAfter'], 0);
    if (hit) return hit.family === 'killedAfter' ? 'killed' : 'injured';
  }
  return null;
}

function assignCasualties(view: TextView, cues: CueIndex, lex: Lexicon, anchors: Anchors, units: Map<number, AttackMention[]>): void {
  let prev: { at: number; role: 'killed' | 'injured' | null; counted: Count | null } | null = null;
  for (const n of anchors.numbers) {
    if (YEARLIKE(n.value) || n.value <= 0 || n.value > 5000) continue;
    if (anchors.dates.some((d) => d.first <= n.first && n.last <= d.last)) continue;
    const unit = view.tokens[n.first].unit;
    let role = roleOf(view, cues, lex, n);
    let inherited = false;
    // "قتل 3 من المسلحين و5 مدنيين": a coordinated count shares the verb of the one before
    if (!role && prev && view.tokens[prev.at].unit === unit && cues.gap(prev.at, n.first) <= 4) [role, inherited] = [prev.role, true];
    // "قتل ضابط و3 جنود", "مقتل شخص و5 آخرين": one named victim and a count of others
    const conj = conjoinedAfter(view, n);
    // (Arabic puts the verb first, قتل ضابط و3 جنود; English "a man was killed and four were hurt" is two clauses)
    const oneBefore = view.lang === 'ar' && conj >= 0 && view.tokens[conj].unit === unit;
    let plusOne = false;
    if (oneBefore && (!role || role === 'killed') && cues.covers(conj, 'killedOne')) [role, plusOne] = ['killed', true];
    else if (oneBefore && (!role || role === 'injured') && cues.covers(conj, 'injuredOne')) [role, plusOne] = ['injured', true];
    // "جنديين تركيين وحارسا مسلحا قتلوا": one more victim coordinated after the count, before the verb
    if (!role && view.lang === 'ar') {
      const after = victimAfter(view, cues, lex, n);
      if (after) [role, plusOne] = [after, true];
    }
    const before = prev;
    prev = { at: n.last, role, counted: null };
    if (!role) continue;
    // "جميع المهاجمين الأربعة قتلوا": attackers named just before the count are not victims
    if (cueAcross(view, cues, lex, n.last, 1, ['notVictim', 'combined'], 2) || cueAcross(view, cues, lex, n.first, -1, ['combined'], 1)) continue;
    if (view.lang === 'ar' && /^ال/.test(view.tokens[n.first].norm) && cueAcross(view, cues, lex, n.first, -1, ['notVictim'], 0)) continue;
    let ms = (units.get(unit) ?? []).filter(live);
    // a toll in a sentence of its own ("وارتفع عدد القتلى إلى 11") belongs to the attack just told
    if (ms.length === 0 && (units.get(unit) ?? []).length === 0 && cues.hasInUnit(unit, 'update')) ms = (units.get(unit - 1) ?? []).filter(live).slice(-1);
    // so does a count of wounded one of the next two sentences gives of an attack that has none
    // ("Police said more than 10 other people had been injured"), unless it counts over a period
    // (since 2014) or speaks of another attack (in retaliation for…). English only: in Arabic that
    // sentence is as often another clash's (مواجهات … وإصابة 40)
    else if (ms.length === 0 && role === 'injured' && view.lang === 'en' && (units.get(unit) ?? []).length === 0 && !cues.hasInUnit(unit, 'since') && !cues.hasInUnit(unit, 'cumulative')) {
      ms = lastAttackBefore(units, unit);
    }
    if (ms.length === 0) continue;
    const m = ms.reduce((a, b) => (cues.gap(b.first, n.first) < cues.gap(a.first, n.first) ? b : a));
    const cur = m[role];
    const update = cues.hasInUnit(unit, 'update');
    // "قتل 12 جنديا و8 مدنيين": a count coordinated with the one just given adds to it
    if (inherited && conj >= 0 && cur && before?.counted === cur) {
      cur.value += n.value;
      cur.approx ||= n.approx;
      prev.counted = cur;
      continue;
    }
    if (!cur || (n.value > cur.value && update)) {
      m[role] = { value: n.value + (plusOne ? 1 : 0), approx: n.approx, update, at: n.first };
      prev.counted = m[role];
    }
  }
  for (const [unit, ms] of units) {
    // الحادثة refers back and takes no toll of its own: the first attack word that can carry one does
    const alive = ms.filter(live).sort((a, b) => Number(a.anaphor) - Number(b.anaphor));
    if (alive.length > 0 && cues.hasInUnit(unit, 'killedOne')) alive[0].killedOne = true;
  }
  assignNoCasualties(view, cues, units);
}

/** The last live attack mention of the nearest of the two sentences before `unit` that has any, as a list of at most one. */
function lastAttackBefore(units: Map<number, AttackMention[]>, unit: number): AttackMention[] {
  const back = [unit - 1, unit - 2].find((b) => units.has(b));
  return back === undefined ? [] : units.get(back)!.filter(live).slice(-1);
}

/**
 * "There were no casualties", "دون وقوع إصابات": a toll of zero for the attack of the sentence, or
 * of the sentence before when the statement stands alone. A count given elsewhere is kept.
 */
function assignNoCasualties(view: TextView, cues: CueIndex, units: Map<number, AttackMention[]>): void {
  for (const fam of ['noneBoth', 'noneKilled', 'noneInjured'] as const) {
    for (let u = 0; u < view.units.length; u++) {
      const c = cues.inUnit(u, fam)[0];
      if (!c) continue;
      let ms = (units.get(u) ?? []).filter(live);
      // a sentence of its own speaks of the attack told at most two sentences before
      // ("… a bomb went off on a parked bus. The depot was empty. Nobody was hurt.")
      if (!units.has(u)) ms = lastAttackBefore(units, u);
      const m = ms.find((x) => !x.anaphor) ?? ms[0];
      if (!m) continue;
      const zero = { value: 0, approx: false, update: false, at: c.first };
      if (fam !== 'noneInjured' && !m.killed && !m.killedOne) m.killed = { ...zero };
      if (fam !== 'noneKilled' && !m.injured) m.injured = { ...zero };
    }
  }
}

function assignActors(view: TextView, cues: CueIndex, anchors: Anchors, units: Map<number, AttackMention[]>): void {
  for (const a of anchors.entities) {
    const unit = view.tokens[a.first].unit;
    const ms = (units.get(unit) ?? []).filter((m) => !m.rejected || m.rejected === 'weak');
    if (ms.length === 0) continue;
    const nearest = ms.reduce((x, y) => (cues.gap(y.first, a.first) < cues.gap(x.first, a.first) ? y : x));
    if (a.entity.type === 'person') {
      if (isPerpetrator(view, cues, a, ms) && !nearest.perpetrators.includes(a.entity.id)) nearest.perpetrators.push(a.entity.id);
    } else if (a.entity.type === 'organization' && anchors.isMilitant(a.entity)) {
      const role = cues.hasInUnit(unit, 'claim')
        ? 'claimed'
        : cues.hasInUnit(unit, 'attributed') || (view.lang === 'ar' && namedAsAttacker(view, cues, a, ms))
          ? 'attributed'
          : cues.hasInUnit(unit, 'suspected')
            ? 'suspected'
            : null;
      // "Hamas praised the operation carried out by…", "أشادت حماس بالعملية": praise is no authorship,
      // even beside another group's claim in the same sentence
      if (praises(view, cues, a)) continue;
      if (role && !nearest.orgs.some((o) => o.id === a.entity.id && o.role === role)) nearest.orgs.push({ id: a.entity.id, role });
    }
  }
  for (const [unit, ms] of units) {
    const live = ms.filter((m) => !m.rejected || m.rejected === 'weak');
    if (live.length === 0) continue;
    for (const fam of ['lone', 'cell'] as const) {
      for (const h of cues.inUnit(unit, fam)) {
        if (cues.near(h.first, h.last, 'uncertain', 6, 0)) continue; // "whether he acted alone"
        const m = live.reduce((x, y) => (cues.gap(y.first, h.first) < cues.gap(x.first, h.first) ? y : x));
        if (m.lone === null) m.lone = fam === 'lone';
      }
    }
  }
}

/** The group is the subject of a verb of praise: English "Hamas (and Islamic Jihad) praised", Arabic "أشادت حركة حماس". */
function praises(view: TextView, cues: CueIndex, a: EntityAnchor): boolean {
  return view.lang === 'ar' ? !!cues.near(a.first, a.last, 'praise', 2, 0) : !!cues.near(a.first, a.last, 'praise', 0, 4);
}

/** The nouns a group's name may follow (حركة الشباب، تنظيم داعش), for the patterns below. */
const GROUP_NOUN_AR = '(?:تنظيم|حركة|حركه|جماعة|جماعه|جبهة|جبهه|ميليشيا|ميليشيات|مليشيا|مليشيات)';
/** Words for a group's fighters before its name: مسلحو الحركة، مقاتلو الشباب، عناصر داعش. */
const FIGHTERS_AR = /(?:^|\s)[وف]?(?:(?:مسلحو|مسلحي|مقاتلو|مقاتلي|عناصر|متشددو|متشددي|انتحاريو|انتحاريي)\s+(?:من\s+)?|(?:مسلحون|مسلحين|مقاتلون|مقاتلين|انتحاري|انتحاريون|انتحاريين)\s+من\s+)«?$/;
/** The group as the subject of a verb of launching or carrying out (شن تنظيم داعش … هجوما، نفذت حركة الشباب … تفجيرا). */
const SUBJECT_AR = new RegExp(`(?:^|\\s)[وف]?(?:شن|شنت|شنوا|نفذ|نفذت|نفذوا)\\s+(?:${GROUP_NOUN_AR}\\s+)?«?$`);
/**
 * The preposition لـ right before the name, alone or glued to it (هجوم لطالبان، هجمات لـ«داعش»), or
 * to the group noun before it (هجوم مرجح لجماعة بوكو حرام).
 */
const OF_AR = new RegExp(`(?:^|\\s)(?:لـ?|ل${GROUP_NOUN_AR})\\s*«?$`);

/**
 * Arabic grammar names the attacker without a cue word: the group as the attack noun's complement
 * (تفجير دام لـ«داعش», هجوم مباغت لحركة الشباب: within two words after the attack word), its
 * fighters as the subject of the attack (اقتحم مسلحو الحركة البلدة، مسلحون من داعش), or the group as
 * the subject of the verb that launches it (شن تنظيم داعش هجوما).
 */
function namedAsAttacker(view: TextView, cues: CueIndex, a: EntityAnchor, ms: AttackMention[]): boolean {
  // without short vowels (شنّت); the tatweel stays, OF_AR reads it (لـ«داعش»)
  const before = view.text.slice(Math.max(0, a.start - 20), a.start).replace(/[\u064B-\u0652]/g, '');
  if (OF_AR.test(before)) return ms.some((m) => !m.anaphor && m.last < a.first && cues.gap(m.last, a.first) <= 3);
  if (FIGHTERS_AR.test(before)) return ms.some((m) => Math.abs(cues.gap(m.last, a.first)) <= 4 || Math.abs(cues.gap(a.last, m.first)) <= 4);
  // the verb's object follows the subject within three words (شن تنظيم داعش أمس هجوما)
  if (SUBJECT_AR.test(before)) return ms.some((m) => !m.anaphor && m.first > a.last && cues.gap(a.last, m.first) <= 3);
  return false;
}

/** The attacker: right after an attack verb (صدم فلان المارة), after a cue (نفذه فلان، the attacker, named as), or before an English verb. */
function isPerpetrator(view: TextView, cues: CueIndex, a: EntityAnchor, ms: AttackMention[]): boolean {
  if (a.anaphoric) return false;
  if (cues.near(a.first, a.last, 'perp', 3, 0)) return true;
  for (const m of ms) {
    const looksVerb = m.verb || m.types.size > 0;
    if (!looksVerb || m.plural) continue;
    if (view.lang === 'ar' && a.first > m.last && cues.gap(m.last, a.first) <= 1) return true;
    if (view.lang === 'en' && a.last < m.first && cues.gap(a.last, m.first) <= 1) return true;
  }
  return false;
}

export function fillArguments(view: TextView, lex: Lexicon, cues: CueIndex, anchors: Anchors, mentions: AttackMention[]): void {
  const units = byUnit(mentions);
  assignPlaces(view, cues, anchors, units);
  assignDates(view, cues, anchors, units, view.doc.published);
  assignCasualties(view, cues, lex, anchors, units);
  assignActors(view, cues, anchors, units);
}
