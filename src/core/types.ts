// The shared vocabulary: one Document travels through the pipeline stages; the contract types
// (Entity, MarsadEvent, Analysis) are the public JSON shape described in analysis-contract.md.

/** A half-open range [start, end) of UTF-16 code units in `Document.text`, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type RemovedKind = 'shortcode' | 'trailer' | 'byline' | 'boilerplate';
export interface Removed {
  kind: RemovedKind;
  text: string;
}

/** A token of the cleaned text. `norm` is the normalised surface; `base` is `norm` without clitics. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** normalised form (Arabic: alef/ya/ta-marbuta/diacritics/tatweel/digits folded; English: lower-case) */
  norm: string;
  /** normalised form with proclitics (و ف ب ك ل ال لـ) removed; equals norm for English */
  base: string;
  /** the proclitics that were split off, in order, e.g. ['و', 'ال'] */
  prefixes: string[];
  /** light stem of `base` (Light10-style for Arabic; lower-case for English) */
  stem: string;
  /** 'word' | 'number' | 'punct' | 'other' */
  kind: 'word' | 'number' | 'punct' | 'other';
  /** a proclitic written apart with tatweel (the لـ of لـ«داعش»): it belongs to the next token */
  clitic?: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** index of the first token of this sentence in Document.tokens */
  firstToken: number;
  /** index one past the last token */
  endToken: number;
  /** true for headings, bullets and short title-like lines */
  heading?: boolean;
}

/** An inclusive range of calendar days, ISO YYYY-MM-DD. */
export interface DayRange {
  start: string;
  end: string;
}

export interface DateMention extends Span {
  value: DayRange;
  /** 'day' | 'month' | 'year' | 'range' — a month-precise date spans its month */
  precision: 'day' | 'month' | 'year' | 'range';
  /** resolved against the publication date (أمس, Wednesday, last month…) */
  relative: boolean;
  calendar: 'gregorian' | 'hijri';
}

export interface NumberMention extends Span {
  value: number;
  /** نحو، قرابة، أكثر من، عشرات, about, more than, dozens… */
  approx: boolean;
  /** what the number is when it is not a count: a year, a percentage, part of a date, a clock time */
  unit?: 'year' | 'percent' | 'date' | 'time';
  /** the counted noun when the number is a dual (قتيلين → 'قتيل') */
  noun?: string;
}

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A raw entity mention before linking to the knowledge base. */
export interface EntityMention extends Span {
  type: NerType;
  source: 'model' | 'registry' | 'gazetteer' | 'rule';
  score?: number;
}

export interface SanctionsHit {
  list: 'UN' | 'EU' | string;
  ref: string;
  name?: string;
  score?: number;
}

export interface Entity {
  id: string;
  type: 'person' | 'organization' | 'location';
  name: string;
  nameAr?: string | null;
  aliases?: string[];
  country?: string | null;
  lat?: number;
  lon?: number;
  sanctions?: SanctionsHit[];
  mentions: Span[];
  [extra: string]: unknown;
}

export type EventType = 'attack' | 'claim' | 'incitement' | 'threat' | 'warning' | 'arrest' | 'foiled-plot';
export type AttackType =
  | 'bombing' | 'suicide-bombing' | 'shooting' | 'stabbing' | 'vehicle-ramming' | 'hostage-taking'
  | 'kidnapping' | 'arson' | 'assassination' | 'rocket-mortar' | 'other';

export interface EventLocation {
  name: string;
  nameAr?: string | null;
  country: string | null;
  lat?: number;
  lon?: number;
}

export interface MarsadEvent {
  id: string;
  type: EventType;
  reported: boolean;
  attackTypes?: AttackType[];
  date: DayRange | null;
  location: EventLocation | null;
  killed: number | null;
  killedApprox: boolean;
  injured: number | null;
  injuredApprox: boolean;
  perpetrators: string[];
  organization: string | null;
  /** how the organisation is tied to an attack: claimed by it, suspected, or attributed by officials */
  organizationRole?: 'claimed' | 'suspected' | 'attributed' | null;
  actor: string | null;
  targetCountry: string | null;
  about: string | null;
  claim: { status: 'claimed' | 'unclaimed' | 'denied'; delayHours: number | null; channel?: string | null } | null;
  lone: boolean | null;
  evidence: Span[];
  confidence: number;
  [extra: string]: unknown;
}

/** The public object: `marsad.analysis/v1`. */
export interface Analysis {
  schema: 'marsad.analysis/v1';
  id?: string;
  language: string;
  published: string | null;
  title: string | null;
  author: string | null;
  url?: string | null;
  text: string;
  removed: Removed[];
  entities: Entity[];
  events: MarsadEvent[];
  model?: string;
  debug?: unknown;
}

/** The working object every stage reads and annotates. */
export interface Document {
  id?: string;
  url?: string | null;
  /** the text as it came in, after decoding and HTML extraction, before cleaning */
  raw: string;
  /** the cleaned body; all offsets index this string */
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
  /** set by the caller ('ar' | 'en') or 'auto' until language detection runs */
  language: string;
  removed: Removed[];
  sentences: Sentence[];
  tokens: Token[];
  dates: DateMention[];
  numbers: NumberMention[];
  mentions: EntityMention[];
  entities: Entity[];
  events: MarsadEvent[];
}

export function newDocument(init: Partial<Document> & { raw: string }): Document {
  return {
    text: init.raw,
    title: null,
    author: null,
    published: null,
    language: 'auto',
    removed: [],
    sentences: [],
    tokens: [],
    dates: [],
    numbers: [],
    mentions: [],
    entities: [],
    events: [],
    ...init,
  };
}
