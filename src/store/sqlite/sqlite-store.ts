// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), FTS5 over
// the normalised text, migrations from ./migrations. better-sqlite3 is synchronous; the async
// interface just resolves at once, which keeps one contract for both backends.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, Entity } from '../../core/types.js';
import { MarsadError } from '../../core/errors.js';
import { loadMigrations } from '../migrations.js';
import { indexText, queryTerms, snippet, textForms, type QueryTerm } from '../text.js';
import { byParent, inOrder, entityData, entityLinks, mergeEntity, toDocument, toEntity, toIncident, toReport, toSource, widenIncident } from '../rows.js';
import type {
  AnalysisUpdate, DocumentInput, DocumentListQuery, Incident, IncidentInput, IncidentQuery, IncidentReportInput,
  PollOutcome, PutResult, RawDocument, SearchHit, SearchQuery, Source, SourceInput, Store, StoredDocument,
} from '../store.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
const now = () => new Date().toISOString();
/** search scores at most this many matches, the most recently stored (see search) */
const RANK_CANDIDATES = 2000;

function ftsQuery(terms: QueryTerm[]): string {
  // terms hold only letters and digits (see queryTerms), so quoting them is enough
  return terms
    .map((t) => '(' + t.forms.map((f) => `"${f}"${t.prefix ? '*' : ''}`).join(' OR ') + ')')
    .join(' AND ');
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private depth = 0;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
    } catch (e) {
      throw new MarsadError('E_DB', `cannot open ${path}: ${(e as Error).message}`);
    }
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL: a commit survives a process crash; only an OS crash may lose the last commits
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = ON');
  }

  /** Prepared statements by SQL text: better-sqlite3 compiles a statement on every prepare(), which
   * cost more than running it for the small statements of putDocument. Lists of placeholders (IN
   * (?, ?…)) make a few variants; the cache is dropped if it ever grows large. */
  private readonly statements = new Map<string, Database.Statement>();

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= 500) this.statements.clear();
      this.statements.set(sql, (s = this.db.prepare(sql)));
    }
    // pluck() is a mode of the statement: callers that want it turn it on again
    return s.reader ? s.pluck(false) : s;
  }

  async migrate(): Promise<void> {
    const db = this.db;
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as string[]);
    for (const m of loadMigrations(MIGRATIONS)) {
      if (done.has(m.version)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, now());
      }).immediate();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // Calls made on this store while `fn` awaits join the same transaction: one connection, one
  // transaction. Callers that interleave unrelated work should use separate stores.
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn(this);
    this.db.exec('BEGIN IMMEDIATE');
    this.depth++;
    try {
      const out = await fn(this);
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    } finally {
      this.depth--;
    }
  }

  // ------------------------------------------------------------ sources

  async addSource(input: SourceInput): Promise<Source> {
    this.stmt(
        `INSERT INTO sources (kind, url, name, every_seconds, created_at, next_poll_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO NOTHING`,
      )
      .run(input.kind, input.url, input.name ?? null, input.everySeconds ?? null, now(), input.everySeconds ? now() : null);
    return (await this.getSource(input.url))!;
  }

  async getSource(idOrUrl: number | string): Promise<Source | null> {
    const r = this.stmt(`SELECT * FROM sources WHERE ${typeof idOrUrl === 'number' ? 'id' : 'url'} = ?`).get(idOrUrl);
    return r ? toSource(r as object) : null;
  }

  async listSources(): Promise<Source[]> {
    return this.stmt('SELECT * FROM sources ORDER BY id').all().map((r) => toSource(r as object));
  }

  async dueSources(at: string): Promise<Source[]> {
    return this.stmt('SELECT * FROM sources WHERE next_poll_at IS NOT NULL AND next_poll_at <= ? ORDER BY next_poll_at, id')
      .all(at)
      .map((r) => toSource(r as object));
  }

  async removeSource(id: number): Promise<boolean> {
    return this.stmt('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
  }

  async recordPoll(id: number, o: PollOutcome): Promise<Source> {
    const info = o.ok
      ? this.stmt(
            `UPDATE sources SET last_success_at = ?, items_seen = items_seen + ?, failures = 0,
               etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), next_poll_at = ? WHERE id = ?`,
          )
          .run(o.at, o.itemsSeen, o.etag ?? null, o.lastModified ?? null, o.nextPollAt ?? null, id)
      : this.stmt(
            `UPDATE sources SET last_error_at = ?, last_error_code = ?, last_error_message = ?,
               failures = failures + 1, next_poll_at = ? WHERE id = ?`,
          )
          .run(o.at, o.code, o.message ?? null, o.nextPollAt ?? null, id);
    if (info.changes === 0) throw new MarsadError('E_NOT_FOUND', `no source ${id}`);
    return (await this.getSource(id))!;
  }

  // ------------------------------------------------------------ documents

  async putDocument(input: DocumentInput): Promise<PutResult> {
    return this.db.transaction(() => this.putOne(input)).immediate();
  }

  async putDocuments(inputs: DocumentInput[]): Promise<PutResult[]> {
    return this.db.transaction(() => inputs.map((i) => this.putOne(i))).immediate();
  }

  private putOne(d: DocumentInput): PutResult {
    const seen = this.stmt('SELECT document_id FROM document_sources WHERE source_id = ? AND external_id = ?')
      .pluck()
      .get(d.sourceId, d.externalId) as number | undefined;
    if (seen !== undefined) return { id: seen, status: 'existing' };
    const text = d.text ?? d.analysis?.text ?? d.extracted;
    const forms = textForms(text); // one normalisation pass for the hash and the full-text form
    const hash = forms.hash;
    let id = this.stmt('SELECT id FROM documents WHERE content_hash = ?').pluck().get(hash) as number | undefined;
    let status: PutResult['status'] = 'duplicate';
    if (id === undefined) {
      status = 'inserted';
      const seenAt = now();
      const title = d.title ?? d.analysis?.title ?? null;
      const published = d.published ?? d.analysis?.published ?? null;
      id = Number(
        this.stmt(
            `INSERT INTO documents (content_hash, url, title, published, language, sort_date, raw, content_type,
               extracted, text, analysis, model_version, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            hash, d.url ?? null, title, published, d.language ?? d.analysis?.language ?? null, published ?? seenAt,
            typeof d.raw === 'string' ? Buffer.from(d.raw, 'utf8') : Buffer.from(d.raw), d.contentType ?? null,
            d.extracted, text, d.analysis ? JSON.stringify(d.analysis) : null, d.modelVersion ?? d.analysis?.model ?? null, seenAt,
          ).lastInsertRowid,
      );
      this.stmt('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, indexText(title ?? ''), forms.index);
      this.linkEntities(id, d.analysis);
    }
    this.stmt('INSERT INTO document_sources (source_id, external_id, document_id, url, fetched_at) VALUES (?, ?, ?, ?, ?)').run(
      d.sourceId, d.externalId, id, d.url ?? null, d.fetchedAt,
    );
    return { id, status };
  }

  private linkEntities(id: number, analysis: Analysis | null | undefined): void {
    const stored = this.stmt('SELECT data FROM entities WHERE id = ?').pluck();
    const upsert = this.stmt(
      `INSERT INTO entities (id, type, name, name_ar, country, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, name_ar = excluded.name_ar,
         country = excluded.country, data = excluded.data`,
    );
    const link = this.stmt('INSERT INTO document_entities (document_id, entity_id, mentions) VALUES (?, ?, ?)');
    this.stmt('DELETE FROM document_entities WHERE document_id = ?').run(id);
    for (const e of entityLinks(analysis)) {
      const data = stored.get(e.id);
      const row = mergeEntity(data === undefined ? null : toEntity({ data }), e);
      if (row) upsert.run(row.id, row.type, row.name, row.nameAr ?? null, row.country ?? null, entityData(row));
      link.run(id, e.id, e.mentions?.length ?? 0);
    }
  }

  private withSources(rows: any[]): StoredDocument[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const links = this.stmt(`SELECT * FROM document_sources WHERE document_id IN (${ids.map(() => '?').join(',')}) ORDER BY fetched_at, source_id`)
      .all(...ids) as any[];
    const byDoc = byParent(links, 'document_id');
    return rows.map((r) => toDocument(r, byDoc.get(r.id) ?? []));
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    const r = this.stmt('SELECT * FROM documents WHERE id = ?').get(id);
    return r ? this.withSources([r])[0] : null;
  }

  async getDocuments(ids: number[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    // json_each takes the whole list as one parameter (no limit on host parameters)
    const rows = this.stmt('SELECT * FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as any[];
    return inOrder(ids, this.withSources(rows));
  }

  async findByExternalId(sourceId: number, externalId: string): Promise<number | null> {
    const id = this.stmt('SELECT document_id FROM document_sources WHERE source_id = ? AND external_id = ?').pluck().get(sourceId, externalId);
    return (id as number | undefined) ?? null;
  }

  async getRaw(id: number): Promise<RawDocument | null> {
    const r = this.stmt('SELECT raw, content_type FROM documents WHERE id = ?').get(id) as any;
    return r ? { raw: new Uint8Array(r.raw), contentType: r.content_type ?? null } : null;
  }

  async listDocuments(q: DocumentListQuery = {}): Promise<StoredDocument[]> {
    const where = ['id > ?'];
    const args: unknown[] = [q.afterId ?? 0];
    if (q.since) (where.push('first_seen_at >= ?'), args.push(q.since));
    if (q.modelVersionNot !== undefined) (where.push('(model_version IS NULL OR model_version <> ?)'), args.push(q.modelVersionNot));
    const rows = this.stmt(`SELECT * FROM documents WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`)
      .all(...args, q.limit ?? 100);
    return this.withSources(rows);
  }

  async countDocuments(): Promise<number> {
    return this.stmt('SELECT count(*) FROM documents').pluck().get() as number;
  }

  async setAnalyses(updates: AnalysisUpdate[]): Promise<number[]> {
    const missing: number[] = [];
    this.db.transaction(() => {
      for (const u of new Map(updates.map((x) => [x.id, x])).values()) {
        const old = this.stmt('SELECT title, text FROM documents WHERE id = ?').get(u.id) as { title: string | null; text: string } | undefined;
        if (!old) {
          missing.push(u.id);
          continue;
        }
        const text = u.analysis.text ?? old.text;
        this.stmt('UPDATE documents SET analysis = ?, model_version = ?, text = ? WHERE id = ?').run(JSON.stringify(u.analysis), u.modelVersion, text, u.id);
        if (text !== old.text) {
          // contentless full-text table: an entry is replaced by deleting and inserting it
          this.stmt('DELETE FROM documents_fts WHERE rowid = ?').run(u.id);
          this.stmt('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(u.id, indexText(old.title ?? ''), textForms(text).index);
        }
        this.linkEntities(u.id, u.analysis);
      }
    }).immediate();
    return missing;
  }

  async setNearDuplicate(id: number, of: number, similarity: number): Promise<void> {
    const n = this.stmt('UPDATE documents SET near_duplicate_of = ?, similarity = ? WHERE id = ?').run(of, similarity, id);
    if (n.changes === 0) throw new MarsadError('E_NOT_FOUND', `no document ${id}`);
  }

  async search(q: SearchQuery): Promise<SearchHit[]> {
    const terms = queryTerms(q.q);
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    // Filters join the narrow covering index documents_search (id, sort_date, language), never the
    // wide document rows; without filters the FTS index answers alone.
    let from = 'documents_fts';
    const where = ['documents_fts MATCH ?'];
    const args: unknown[] = [ftsQuery(terms)];
    if (q.since !== undefined || q.until !== undefined || q.language !== undefined || q.sourceId !== undefined) {
      from = 'documents_fts JOIN documents d INDEXED BY documents_search ON d.id = documents_fts.rowid';
      if (q.since) (where.push('d.sort_date >= ?'), args.push(q.since));
      if (q.until) (where.push('d.sort_date <= ?'), args.push(q.until + '\uffff'));
      if (q.language) (where.push('d.language = ?'), args.push(q.language));
      if (q.sourceId !== undefined)
        (where.push('EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id AND s.source_id = ?)'), args.push(q.sourceId));
    }
    // Rank only the newest RANK_CANDIDATES matches (at least offset + limit): walking rowids is
    // cheap, scoring is not, and a common word matches most of the archive.
    const cutoff = this.stmt(`SELECT documents_fts.rowid FROM ${from} WHERE ${where.join(' AND ')} ORDER BY documents_fts.rowid DESC LIMIT 1 OFFSET ?`)
      .pluck()
      .get(...args, Math.max(RANK_CANDIDATES, offset + limit) - 1) as number | undefined;
    // title matches weigh double; bm25 is lower-is-better, so the score is its negation
    const top = this.stmt(
        `SELECT documents_fts.rowid AS id, bm25(documents_fts, 2.0, 1.0) AS r FROM ${from}
         WHERE ${where.join(' AND ')} AND documents_fts.rowid >= ? ORDER BY r, documents_fts.rowid LIMIT ? OFFSET ?`,
      )
      .all(...args, cutoff ?? 0, limit, offset) as Array<{ id: number; r: number }>;
    if (top.length === 0) return [];
    // the wide columns (the text, for the snippet) for the page only
    const rows = new Map(
      (
        this.stmt(`SELECT id, title, published, language, url, text FROM documents WHERE id IN (${top.map(() => '?').join(',')})`)
          .all(...top.map((t) => t.id)) as any[]
      ).map((r) => [r.id, r]),
    );
    return top.map(({ id, r: rank }) => {
      const r = rows.get(id);
      return {
        id, title: r.title, snippet: snippet(r.text, terms), published: r.published,
        language: r.language, url: r.url, score: -rank,
      };
    });
  }

  // ------------------------------------------------------------ entities

  async getEntity(id: string): Promise<Entity | null> {
    const r = this.stmt('SELECT data FROM entities WHERE id = ?').get(id);
    return r ? toEntity(r as object) : null;
  }

  async documentsWithEntity(entityId: string, limit = 100): Promise<number[]> {
    return this.stmt('SELECT document_id FROM document_entities WHERE entity_id = ? ORDER BY document_id LIMIT ?')
      .pluck()
      .all(entityId, limit) as number[];
  }

  // ------------------------------------------------------------ incidents

  async createIncident(i: IncidentInput): Promise<number> {
    const at = now();
    return Number(
      this.stmt(
          `INSERT INTO incidents (type, date_start, date_end, country, location, organization, attack_types, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          i.type, i.date?.start ?? null, i.date?.end ?? null, i.country ?? i.location?.country ?? null,
          i.location ? JSON.stringify(i.location) : null, i.organization, JSON.stringify([...(i.attackTypes ?? [])].sort()), at, at,
        ).lastInsertRowid,
    );
  }

  async attachReport(incidentId: number, r: IncidentReportInput): Promise<void> {
    this.db.transaction(() => {
      const inc = this.stmt('SELECT * FROM incidents WHERE id = ?').get(incidentId) as any;
      if (!inc) throw new MarsadError('E_NOT_FOUND', `no incident ${incidentId}`);
      this.stmt(
          `INSERT INTO incident_reports (document_id, event_index, incident_id, event, attached_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (document_id, event_index) DO UPDATE SET incident_id = excluded.incident_id, event = excluded.event`,
        )
        .run(r.documentId, r.eventIndex, incidentId, JSON.stringify(r.event), now());
      const w = widenIncident(inc, r.event);
      this.stmt(
          `UPDATE incidents SET date_start = ?, date_end = ?, country = ?, location = ?, organization = ?, attack_types = ?,
             updated_at = ? WHERE id = ?`,
        )
        .run(w.date_start, w.date_end, w.country, w.location, w.organization, w.attack_types, now(), incidentId);
    }).immediate();
  }

  async incidentOfReport(documentId: number, eventIndex: number): Promise<number | null> {
    const id = this.stmt('SELECT incident_id FROM incident_reports WHERE document_id = ? AND event_index = ?')
      .pluck()
      .get(documentId, eventIndex) as number | undefined;
    return id ?? null;
  }

  async getIncident(id: number): Promise<Incident | null> {
    const r = this.stmt('SELECT * FROM incidents WHERE id = ?').get(id);
    return r ? this.withReports([r])[0] : null;
  }

  async listIncidents(q: IncidentQuery = {}): Promise<Incident[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.since) (where.push('date_end >= ?'), args.push(q.since));
    if (q.until) (where.push('date_start <= ?'), args.push(q.until));
    if (q.country) (where.push(q.orNoCountry ? '(country = ? OR country IS NULL)' : 'country = ?'), args.push(q.country.toUpperCase()));
    if (q.group) (where.push('organization = ?'), args.push(q.group));
    if (q.type) (where.push('type = ?'), args.push(q.type));
    const rows = this.stmt(
        `SELECT * FROM incidents ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY date_start DESC NULLS LAST, id DESC LIMIT ?`,
      )
      .all(...args, q.limit ?? 1000);
    return this.withReports(rows as any[]);
  }

  private withReports(rows: any[]): Incident[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const reports = this.stmt(
        `SELECT r.incident_id, r.document_id, r.event_index, r.event, d.title, d.url, d.published, d.language,
           (SELECT group_concat(source_id) FROM document_sources s WHERE s.document_id = r.document_id) AS source_ids
         FROM incident_reports r JOIN documents d ON d.id = r.document_id
         WHERE r.incident_id IN (${ids.map(() => '?').join(',')})
         ORDER BY d.sort_date, r.document_id, r.event_index`,
      )
      .all(...ids) as any[];
    const byIncident = byParent(reports, 'incident_id');
    return rows.map((r) => toIncident(r, (byIncident.get(r.id) ?? []).map(toReport)));
  }
}
