// The one storage interface: SQLite (embedded, default) and PostgreSQL implement it, and one
// contract suite (contract.test-suite.ts) holds both to the same behaviour.
import type { Analysis, DayRange, Entity, EventLocation, EventType, MarsadEvent } from '../core/types.js';
import type { ErrorCode } from '../core/errors.js';

// ---------------------------------------------------------------- sources

export type SourceKind = 'feed' | 'web' | 'file' | 'telegram' | 'eml' | 'push';

export interface SourceInput {
  kind: SourceKind;
  /** the identity of the source: feed URL, page URL, file:///abs/path, telegram:channel… (unique) */
  url: string;
  name?: string | null;
  /** poll interval for feeds; null = not polled on a schedule */
  everySeconds?: number | null;
}

export interface SourceHealth {
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorCode: ErrorCode | null;
  lastErrorMessage: string | null;
  /** items seen over the source's life (new or not) */
  itemsSeen: number;
  etag: string | null;
  lastModified: string | null;
  /** ISO time of the next scheduled poll; null = never scheduled */
  nextPollAt: string | null;
  /** consecutive failures, for backoff; reset by a success */
  failures: number;
}

export interface Source extends Required<SourceInput> {
  id: number;
  createdAt: string;
  health: SourceHealth;
}

/** The outcome of one poll or fetch of a source; the store updates health from it. */
export type PollOutcome =
  | {
      ok: true;
      at: string;
      itemsSeen: number;
      etag?: string | null;
      lastModified?: string | null;
      nextPollAt?: string | null;
    }
  | { ok: false; at: string; code: ErrorCode; message?: string; nextPollAt?: string | null };

// ---------------------------------------------------------------- documents

export interface DocumentInput {
  sourceId: number;
  /** the item's id within its source (feed guid, message id, file path, URL); with sourceId, the
   * idempotency key: putting the same (sourceId, externalId) again never creates a second row */
  externalId: string;
  url?: string | null;
  fetchedAt: string;
  /** the bytes or text exactly as fetched (HTML, XML item, eml…) */
  raw: string | Uint8Array;
  contentType?: string | null;
  /** the text given to the analyser (decoded, article extracted, before cleaning) */
  extracted: string;
  /** the cleaned text; defaults to analysis.text, then to `extracted`. Its normalised hash finds exact duplicates. */
  text?: string;
  title?: string | null;
  published?: string | null;
  language?: string | null;
  analysis?: Analysis | null;
  modelVersion?: string | null;
}

export interface PutResult {
  /** the stored document that now carries this (source, externalId) */
  id: number;
  /** inserted: new document; duplicate: same normalised text already stored, this source linked to it;
   * existing: this (source, externalId) was already stored (a replay), nothing changed */
  status: 'inserted' | 'duplicate' | 'existing';
}

export interface StoredDocument {
  id: number;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  extracted: string;
  text: string;
  contentHash: string;
  analysis: Analysis | null;
  modelVersion: string | null;
  firstSeenAt: string;
  /** near-duplicate link: the earliest copy this one repeats, with its similarity (0..1) */
  nearDuplicateOf: number | null;
  similarity: number | null;
  /** every source that carried this text */
  sources: Array<{ sourceId: number; externalId: string; url: string | null; fetchedAt: string }>;
}

export interface RawDocument {
  raw: Uint8Array;
  contentType: string | null;
}

export interface DocumentListQuery {
  /** keyset paging: ids greater than this */
  afterId?: number;
  limit?: number;
  /** only documents first seen at or after this ISO time */
  since?: string;
  /** only documents whose model version differs from this one (or have no analysis) */
  modelVersionNot?: string;
}

// ---------------------------------------------------------------- search

export interface SearchQuery {
  /** words, Arabic or English; all must occur (clitics, diacritics and alef forms are folded) */
  q: string;
  /** published (or first seen, when unknown) on or after this YYYY-MM-DD / ISO time */
  since?: string;
  until?: string;
  language?: string;
  sourceId?: number;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  /** an excerpt of the stored text around the first match, matched words wrapped in [ ] */
  snippet: string;
  published: string | null;
  language: string | null;
  url: string | null;
  /** larger is better; comparable within one result list only */
  score: number;
}

// ---------------------------------------------------------------- incidents

export interface IncidentInput {
  type: EventType;
  date: DayRange | null;
  location: EventLocation | null;
  /** ISO 3166-1 alpha-2; defaults to location.country */
  country?: string | null;
  /** organisation entity id (org:…) */
  organization: string | null;
  attackTypes?: string[];
}

export interface IncidentReportInput {
  documentId: number;
  /** index of the event in the document's analysis.events */
  eventIndex: number;
  event: MarsadEvent;
}

export interface IncidentReport {
  documentId: number;
  eventIndex: number;
  event: MarsadEvent;
  title: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  sourceIds: number[];
}

/** A reported figure and where it comes from. */
export interface Figure {
  /** the most cited value; ties go to the most recently published report */
  value: number | null;
  approx: boolean;
  min: number | null;
  max: number | null;
  /** every report that gave a value, oldest first */
  reports: Array<{ documentId: number; value: number; approx: boolean; published: string | null }>;
}

export interface Incident extends Required<IncidentInput> {
  id: number;
  createdAt: string;
  reports: IncidentReport[];
  killed: Figure;
  injured: Figure;
}

export interface IncidentQuery {
  /** incidents whose date range ends on or after this YYYY-MM-DD */
  since?: string;
  /** incidents whose date range starts on or before this YYYY-MM-DD */
  until?: string;
  country?: string;
  /** with `country`: also incidents whose country is not known (candidates for linking a report) */
  orNoCountry?: boolean;
  /** organisation entity id (org:isis) */
  group?: string;
  type?: EventType;
  limit?: number;
}

// ---------------------------------------------------------------- the store

/** A re-analysed document (see Store.setAnalyses). */
export interface AnalysisUpdate {
  id: number;
  analysis: Analysis;
  modelVersion: string;
}

export interface Store {
  /** 'sqlite' | 'postgres' */
  readonly kind: 'sqlite' | 'postgres';
  /** apply pending migrations; safe to call every start */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** run `fn` atomically; `tx` is a Store bound to the transaction (use it, not `this`, inside) */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  // sources
  /** add a source, or return the existing one with the same url */
  addSource(input: SourceInput): Promise<Source>;
  getSource(idOrUrl: number | string): Promise<Source | null>;
  listSources(): Promise<Source[]>;
  /** sources whose nextPollAt is at or before `now` */
  dueSources(now: string): Promise<Source[]>;
  removeSource(id: number): Promise<boolean>;
  recordPoll(id: number, outcome: PollOutcome): Promise<Source>;

  // documents
  /** store one document; idempotent on (sourceId, externalId); exact duplicates stored once */
  putDocument(input: DocumentInput): Promise<PutResult>;
  /** a batch in one transaction: all stored or none */
  putDocuments(inputs: DocumentInput[]): Promise<PutResult[]>;
  getDocument(id: number): Promise<StoredDocument | null>;
  /** several documents in one query, in the order of `ids`; ids not stored are left out */
  getDocuments(ids: number[]): Promise<StoredDocument[]>;
  /** the id of the document a source already delivered under this external id (feed item guid, file path…) */
  findByExternalId(sourceId: number, externalId: string): Promise<number | null>;
  getRaw(id: number): Promise<RawDocument | null>;
  /** keyset-paged listing, ordered by id */
  listDocuments(query?: DocumentListQuery): Promise<StoredDocument[]>;
  countDocuments(): Promise<number>;
  /**
   * after re-analysis, in one transaction: replace each document's analysis and entity links, and
   * where the analysis's cleaned text differs from the stored text (a new cleaner), the text and its
   * search entry too (the content hash stays the document's identity as first stored). Returns the
   * ids that are not stored; nothing is written for them.
   */
  setAnalyses(updates: AnalysisUpdate[]): Promise<number[]>;
  /** link a near-duplicate to the earliest copy */
  setNearDuplicate(id: number, of: number, similarity: number): Promise<void>;
  search(query: SearchQuery): Promise<SearchHit[]>;

  // entities (document links are written from analysis.entities by putDocument / setAnalyses)
  getEntity(id: string): Promise<Entity | null>;
  documentsWithEntity(entityId: string, limit?: number): Promise<number[]>;

  // incidents
  createIncident(input: IncidentInput): Promise<number>;
  /** attach a report; idempotent on (documentId, eventIndex) — a report belongs to one incident */
  attachReport(incidentId: number, report: IncidentReportInput): Promise<void>;
  getIncident(id: number): Promise<Incident | null>;
  /** the incident a report is attached to, if any */
  incidentOfReport(documentId: number, eventIndex: number): Promise<number | null>;
  listIncidents(query?: IncidentQuery): Promise<Incident[]>;
}
