// Compiles the language data (src/lang/xx/data/events-*.json) into phrase matchers, once per
// process through the context: attack triggers with their types, and one matcher of context cues.
import type { Context } from '../core/context.js';
import type { AttackType } from '../core/types.js';
import { MultiMatcher, PhraseMatcher, type Hit } from './matcher.js';
import { normalizeForLang, type Lang, type TextView } from './text-view.js';
import arAttacks from '../lang/ar/data/events-attacks.json' with { type: 'json' };
import arCasualties from '../lang/ar/data/events-casualties.json' with { type: 'json' };
import arStatements from '../lang/ar/data/events-statements.json' with { type: 'json' };
import arContexts from '../lang/ar/data/events-contexts.json' with { type: 'json' };
import enAttacks from '../lang/en/data/events-attacks.json' with { type: 'json' };
import enCasualties from '../lang/en/data/events-casualties.json' with { type: 'json' };
import enStatements from '../lang/en/data/events-statements.json' with { type: 'json' };
import enContexts from '../lang/en/data/events-contexts.json' with { type: 'json' };

export interface TriggerInfo {
  types: AttackType[];
  /** 0 anaphor only (الحادث), 1 weak, 2 ordinary, 3 unambiguous */
  strength: number;
  plural: boolean;
  verb: boolean;
  anaphor: boolean;
}

/** Context cue families; `channel:*` names a claim channel. */
export type Cue =
  | 'terror' | 'football' | 'politics' | 'cyber' | 'military' | 'accident' | 'agentAfter' | 'occurred' | 'court' | 'notAttack'
  | 'stateAgent' | 'stateVerb' | 'militantTarget' | 'crime' | 'war'
  | 'irrealisBefore' | 'irrealisImmediate' | 'irrealisAfter' | 'generic' | 'comparison'
  | 'lone' | 'cell' | 'uncertain' | 'perp' | 'suspected' | 'attributed' | 'praise'
  | 'killedBefore' | 'killedAfter' | 'killedOne' | 'injuredBefore' | 'injuredAfter' | 'injuredOne'
  | 'reportVerb' | 'plan' | 'since' | 'cumulative'
  | 'noneBoth' | 'noneKilled' | 'noneInjured'
  | 'combined' | 'notVictim' | 'hostageVerb' | 'hostageNoun' | 'hostageRelease' | 'update' | 'another' | 'determiner'
  | 'claim' | 'claimNegation' | 'denial' | 'incitement' | 'incitementObject' | 'prevention'
  | 'threat' | 'warning' | 'report' | 'arrest' | 'foiled' | 'plot' | 'delayBefore' | 'hours' | 'days' | 'audience' | 'claimVerb' | 'responsibility'
  | `channel:${string}`;

export interface Lexicon {
  lang: Lang;
  triggers: PhraseMatcher<TriggerInfo>;
  cues: PhraseMatcher<Cue>;
  /** single-word fillers allowed between a casualty word and its count */
  fillers: Set<string>;
  /** nouns naming one victim (حارسا، جندي) */
  oneVictim: Set<string>;
  /** anaphoric organisation mentions (التنظيم, the group) → the head noun to look back for */
  orgAnaphors: PhraseMatcher<string>;
  militantHints: string[];
  /** a place named by a street or square (شارع أسيوط، Baghdad Street) is not where it lies */
  streetWords: Set<string>;
  normalize: (s: string) => string;
  /** triggers, cues and org anaphors in one pass (see lexiconHits) */
  all: MultiMatcher;
}

/** The hits of the lexicon's three matchers, each exactly as its own findAll gives them. */
export interface LexiconHits {
  triggers: Hit<TriggerInfo>[];
  cues: Hit<Cue>[];
  orgAnaphors: Hit<string>[];
}

export function lexiconHits(view: TextView, lex: Lexicon): LexiconHits {
  const [triggers, cues, orgAnaphors] = lex.all.findAll(view);
  return { triggers: triggers as Hit<TriggerInfo>[], cues: cues as Hit<Cue>[], orgAnaphors: orgAnaphors as Hit<string>[] };
}

interface AttackData {
  triggers: { forms: string[]; types: string[]; strength: number; plural?: boolean; verb?: boolean; anaphor?: boolean }[];
  /** a verb of taking and, a few words on, the hostages it took (احتجز مسلحون عشرات الرهائن, took 20 people hostage) */
  hostageVerbs: string[];
  hostageNouns: string[];
  /** words of freeing between them undo it (take steps to free the hostages, أخذت على عاتقها تحرير الرهائن) */
  hostageRelease: string[];
}
interface Casualty {
  before: string[];
  after: string[];
  one: string[];
}
interface CasualtyData {
  killed: Casualty;
  injured: Casualty;
  fillers: string[];
  combined: string[];
  notVictims: string[];
  update: string[];
  /** "no casualties", "لم يسفر عن إصابات": a toll of zero */
  none: { both: string[]; killed: string[]; injured: string[] };
  oneVictim: string[];
}
// The statement and context files are open families of word lists, read by name.
type StatementData = { [family: string]: unknown; channels: Record<string, string[]> };
type ContextData = { [family: string]: unknown; anaphoricOrg: Record<string, string[]>; militantOrgHints: string[] };

function list(data: { [family: string]: unknown }, family: string): string[] {
  const v = data[family];
  return Array.isArray(v) ? (v as string[]) : [];
}

const DATA: Record<Lang, { attacks: AttackData; casualties: CasualtyData; statements: StatementData; contexts: ContextData }> = {
  ar: { attacks: arAttacks, casualties: arCasualties, statements: arStatements, contexts: arContexts },
  en: { attacks: enAttacks, casualties: enCasualties, statements: enStatements, contexts: enContexts },
};

const CONTEXT_FAMILIES: Cue[] = [
  'terror', 'football', 'politics', 'cyber', 'military', 'accident', 'agentAfter', 'occurred', 'court', 'notAttack', 'irrealisBefore', 'irrealisImmediate',
  'irrealisAfter', 'generic', 'comparison', 'lone', 'cell', 'uncertain', 'suspected', 'attributed', 'praise', 'another',
  'reportVerb', 'plan', 'since', 'cumulative', 'stateAgent', 'stateVerb', 'militantTarget', 'crime', 'war',
];
const STATEMENT_FAMILIES: Cue[] = [
  'claim', 'claimNegation', 'denial', 'incitement', 'incitementObject', 'prevention', 'threat', 'warning', 'report', 'arrest', 'foiled', 'plot',
  'delayBefore', 'hours', 'days', 'audience', 'claimVerb', 'responsibility',
];

export function compileLexicon(lang: Lang): Lexicon {
  const normalize = (s: string) => normalizeForLang(s, lang);
  const d = DATA[lang];
  const triggers = new PhraseMatcher<TriggerInfo>(normalize);
  for (const t of d.attacks.triggers) {
    const info: TriggerInfo = {
      types: t.types as AttackType[],
      strength: t.strength,
      plural: t.plural ?? false,
      verb: t.verb ?? false,
      anaphor: t.anaphor ?? false,
    };
    triggers.addAll(t.forms, info);
  }
  const cues = new PhraseMatcher<Cue>(normalize);
  for (const fam of CONTEXT_FAMILIES) cues.addAll(list(d.contexts, fam), fam);
  cues.addAll(list(d.contexts, 'perpetratorCues'), 'perp');
  for (const fam of STATEMENT_FAMILIES) cues.addAll(list(d.statements, fam), fam);
  for (const [name, forms] of Object.entries(d.statements.channels)) cues.addAll(forms, `channel:${name}`);
  cues.addAll(d.attacks.hostageVerbs, 'hostageVerb');
  cues.addAll(d.attacks.hostageNouns, 'hostageNoun');
  cues.addAll(d.attacks.hostageRelease, 'hostageRelease');
  const c = d.casualties;
  cues.addAll(c.killed.before, 'killedBefore');
  cues.addAll(c.killed.after, 'killedAfter');
  cues.addAll(c.killed.one, 'killedOne');
  cues.addAll(c.injured.before, 'injuredBefore');
  cues.addAll(c.injured.after, 'injuredAfter');
  cues.addAll(c.injured.one, 'injuredOne');
  cues.addAll(c.combined, 'combined');
  cues.addAll(c.notVictims, 'notVictim');
  cues.addAll(c.update, 'update');
  cues.addAll(c.none.both, 'noneBoth');
  cues.addAll(c.none.killed, 'noneKilled');
  cues.addAll(c.none.injured, 'noneInjured');
  cues.addAll(list(d.contexts, 'determiners'), 'determiner');
  const orgAnaphors = new PhraseMatcher<string>(normalize);
  for (const [head, forms] of Object.entries(d.contexts.anaphoricOrg)) orgAnaphors.addAll(forms, normalize(head));
  return {
    lang,
    triggers,
    cues,
    fillers: new Set(c.fillers.map(normalize)),
    oneVictim: new Set(c.oneVictim.map(normalize)),
    orgAnaphors,
    militantHints: d.contexts.militantOrgHints.map((h) => h.toLowerCase()),
    streetWords: new Set(list(d.contexts, 'streetWords').map(normalize)),
    normalize,
    all: new MultiMatcher([triggers, cues, orgAnaphors] as PhraseMatcher<unknown>[]),
  };
}

export function lexiconFor(ctx: Context, lang: Lang): Lexicon {
  return ctx.resource(`events-lexicon-${lang}`, () => compileLexicon(lang));
}
