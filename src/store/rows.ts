// Row ↔ object mapping shared by both backends. Column names are the same in both schemas; only
// JSON (text in SQLite, jsonb in PostgreSQL) and timestamps differ, and are smoothed over here.
import type { Analysis, Entity, MarsadEvent } from '../core/types.js';
import type { ErrorCode } from '../core/errors.js';
import type { Incident, IncidentReport, Source, StoredDocument } from './store.js';
import { figureOf } from './figures.js';

type Row = Record<string, any>;

export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** Child rows grouped by their parent's id, in query order: one pass, not a filter per parent. */
export function byParent(children: Row[], key: string): Map<unknown, Row[]> {
  const out = new Map<unknown, Row[]>();
  for (const c of children) {
    const list = out.get(c[key]);
    if (list) list.push(c);
    else out.set(c[key], [c]);
  }
  return out;
}

/** Documents in the order their ids were asked for; ids without a document are left out. */
export function inOrder(ids: number[], docs: StoredDocument[]): StoredDocument[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function iso(v: unknown): string | null {
  if (v == null) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}

export function toSource(r: Row): Source {
  return {
    id: Number(r.id),
    kind: r.kind,
    url: r.url,
    name: r.name ?? null,
    everySeconds: r.every_seconds == null ? null : Number(r.every_seconds),
    createdAt: iso(r.created_at)!,
    health: {
      lastSuccessAt: iso(r.last_success_at),
      lastErrorAt: iso(r.last_error_at),
      lastErrorCode: (r.last_error_code ?? null) as ErrorCode | null,
      lastErrorMessage: r.last_error_message ?? null,
      itemsSeen: Number(r.items_seen),
      etag: r.etag ?? null,
      lastModified: r.last_modified ?? null,
      nextPollAt: iso(r.next_poll_at),
      failures: Number(r.failures),
    },
  };
}

export function toDocument(r: Row, sources: Row[]): StoredDocument {
  return {
    id: Number(r.id),
    url: r.url ?? null,
    title: r.title ?? null,
    published: r.published ?? null,
    language: r.language ?? null,
    extracted: r.extracted,
    text: r.text,
    contentHash: r.content_hash,
    analysis: r.analysis == null ? null : json<Analysis>(r.analysis),
    modelVersion: r.model_version ?? null,
    firstSeenAt: iso(r.first_seen_at)!,
    nearDuplicateOf: r.near_duplicate_of == null ? null : Number(r.near_duplicate_of),
    similarity: r.similarity == null ? null : Number(r.similarity),
    sources: sources.map((s) => ({
      sourceId: Number(s.source_id),
      externalId: s.external_id,
      url: s.url ?? null,
      fetchedAt: iso(s.fetched_at)!,
    })),
  };
}

export function toEntity(r: Row): Entity {
  return { ...json<Entity>(r.data), mentions: [] };
}

/** Spellings kept per stored entity; beyond this, new ones are not added. */
const MAX_ALIASES = 50;

/** JSON with object keys sorted, so that two equal objects compare equal however they were built. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/**
 * The stored row of an entity once a document mentions it (null: the row already says all this).
 * What the knowledge base knows replaces the stored facts, so a renamed place reaches the store;
 * spellings only accumulate: every document's aliases, and for an entity the knowledge base does
 * not know (no `kind`: people, and groups or places named only by the documents), whose names are
 * a document's spelling, the names first stored stay and later spellings become aliases. Mentions belong to documents and are not stored. Writing an entity
 * only when something new is said keeps workers from queueing on the rows of common entities.
 */
export function mergeEntity(stored: Entity | null, e: Entity): Entity | null {
  const { mentions: _mentions, aliases = [], ...facts } = e;
  const spellings = [...(stored?.aliases ?? [])];
  const add = (a: string | null | undefined) => {
    if (a && a !== facts.nameAr && !spellings.includes(a) && spellings.length < MAX_ALIASES) spellings.push(a);
  };
  if (stored && e.kind === undefined) {
    // the names (and a person's matching key) as first stored stay; another spelling is an alias
    for (const k of ['name', 'nameAr', 'key'] as const) if (stored[k] !== undefined) facts[k] = stored[k] as string;
    add(e.nameAr);
  }
  for (const a of aliases) add(a);
  const merged = { ...facts, aliases: spellings.filter((a) => a !== facts.nameAr), mentions: [] } as Entity;
  return stored && canonical(merged) === canonical({ ...stored, mentions: [] }) ? null : merged;
}

/** An entity's row data (JSON), without its per-document mentions. */
export function entityData(e: Entity): string {
  const { mentions: _mentions, ...rest } = e;
  return JSON.stringify(rest);
}

export function toReport(r: Row): IncidentReport {
  return {
    documentId: Number(r.document_id),
    eventIndex: Number(r.event_index),
    event: json<MarsadEvent>(r.event),
    title: r.title ?? null,
    url: r.url ?? null,
    published: r.published ?? null,
    language: r.language ?? null,
    sourceIds: String(r.source_ids ?? '')
      .split(',')
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b),
  };
}

export function toIncident(r: Row, reports: IncidentReport[]): Incident {
  return {
    id: Number(r.id),
    type: r.type,
    date: r.date_start ? { start: r.date_start, end: r.date_end } : null,
    location: r.location == null ? null : json(r.location),
    country: r.country ?? null,
    organization: r.organization ?? null,
    attackTypes: json<string[]>(r.attack_types),
    createdAt: iso(r.created_at)!,
    reports,
    killed: figureOf(reports, 'killed'),
    injured: figureOf(reports, 'injured'),
  };
}

/** How an incident grows when a report joins: dates widen, unknown fields are filled, types unite. */
export function widenIncident(r: Row, e: MarsadEvent) {
  const start = [r.date_start, e.date?.start].filter(Boolean).sort()[0] ?? null;
  const end = [r.date_end, e.date?.end].filter(Boolean).sort().pop() ?? null;
  const types = new Set([...json<string[]>(r.attack_types), ...(e.attackTypes ?? [])]);
  return {
    date_start: start,
    date_end: end,
    country: r.country ?? e.location?.country ?? null,
    location: r.location == null ? (e.location ? JSON.stringify(e.location) : null) : typeof r.location === 'string' ? r.location : JSON.stringify(r.location),
    organization: r.organization ?? e.organization ?? null,
    attack_types: JSON.stringify([...types].sort()),
  };
}

/** The counting of entity mentions written to document_entities. */
export function entityLinks(analysis: Analysis | null | undefined): Entity[] {
  const byId = new Map<string, Entity>();
  for (const e of analysis?.entities ?? []) if (e?.id && !byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()];
}
