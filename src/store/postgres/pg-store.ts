// The team store: PostgreSQL through `pg` with raw parameterised SQL, the same tables as SQLite,
// tsvector('simple') over application-normalised text. Writes use ON CONFLICT so several workers
// putting the same item at once still leave one row.
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { Analysis, Entity } from '../../core/types.js';
import { MarsadError } from '../../core/errors.js';
import { loadMigrations } from '../migrations.js';
import { indexText, leadText, queryTerms, snippet, textForms, type QueryTerm } from '../text.js';
import { byParent, inOrder, entityData, entityLinks, mergeEntity, toDocument, toEntity, toIncident, toReport, toSource, widenIncident } from '../rows.js';
import type {
  AnalysisUpdate, DocumentInput, DocumentListQuery, Incident, IncidentInput, IncidentQuery, IncidentReportInput,
  PollOutcome, PutResult, RawDocument, SearchHit, SearchQuery, Source, SourceInput, Store, StoredDocument,
} from '../store.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
// one lock id for "migrating the Marsad schema", so two workers starting together do not race
const MIGRATION_LOCK = 0x6d617273;
const now = () => new Date().toISOString();
/** search ranks at most this many matches, the most recently stored (see marsad_search in
 * migrations/003-search-rank.sql); at 100k documents 500 cost 3.8 ms of server CPU a query, 200 2.4 */
const RANK_CANDIDATES = 200;
/** words of the text in a document's search lead, besides its title (what search ranks by) */
const LEAD_WORDS = 40;
/** recorded in schema_migrations once every document stored before 003 has its lead */
const LEADS_FILLED = '003-search-rank-leads';
/** the lead vector: title words weigh A, the first words of the text B */
const LEAD_SQL = (title: string, lead: string) => `setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${lead}), 'B')`;

function tsQuery(terms: QueryTerm[]): string {
  // terms hold only letters and digits (see queryTerms), so quoting them is enough
  return terms.map((t) => '(' + t.forms.map((f) => `'${f}'${t.prefix ? ':*' : ''}`).join(' | ') + ')').join(' & ');
}

type Queryable = pg.Pool | pg.PoolClient;

export class PgStore implements Store {
  readonly kind = 'postgres' as const;

  constructor(
    readonly pool: pg.Pool,
    private readonly conn: Queryable = pool,
    private readonly inTx = false,
  ) {}

  static open(url: string, max = 10): PgStore {
    const pool = new pg.Pool({ connectionString: url, max });
    // an idle client losing its server must not crash the process; the next query reports it
    pool.on('error', () => {});
    return new PgStore(pool);
  }

  private async q(sql: string, args: unknown[] = []): Promise<any[]> {
    try {
      return (await this.conn.query(sql, args)).rows;
    } catch (e) {
      if (e instanceof MarsadError) throw e;
      throw new MarsadError('E_DB', (e as Error).message, { sql: sql.slice(0, 80) });
    }
  }

  async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL)');
      const done = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of loadMigrations(MIGRATIONS)) {
        if (done.has(m.version)) continue;
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [m.version]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw new MarsadError('E_DB', `migration ${m.version} failed: ${(e as Error).message}`);
        }
      }
      if (!done.has(LEADS_FILLED)) {
        await PgStore.fillLeads(c);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now()) ON CONFLICT DO NOTHING', [LEADS_FILLED]);
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      c.release();
    }
  }

  /** Search leads for documents stored before migration 003, a page at a time by id; once done,
   * recorded in schema_migrations (every document stored since writes its lead with it). */
  private static async fillLeads(c: pg.PoolClient): Promise<void> {
    for (let after = 0; ; ) {
      const { rows } = await c.query(
        `SELECT d.id, d.title, d.text FROM document_search s JOIN documents d ON d.id = s.id
         WHERE s.id > $1 AND NOT EXISTS (SELECT 1 FROM document_lead l WHERE l.id = s.id) ORDER BY s.id LIMIT 500`,
        [after],
      );
      if (rows.length === 0) return;
      await c.query(
        `INSERT INTO document_lead (id, fts) SELECT v.id, ${LEAD_SQL('v.title', 'v.lead')}
         FROM unnest($1::int[], $2::text[], $3::text[]) AS v (id, title, lead) ON CONFLICT (id) DO NOTHING`,
        [rows.map((r) => r.id), rows.map((r) => indexText(r.title ?? '')), rows.map((r) => leadText(r.text, LEAD_WORDS))],
      );
      after = rows[rows.length - 1].id;
    }
  }

  async close(): Promise<void> {
    if (!this.inTx) await this.pool.end();
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(new PgStore(this.pool, c, true));
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  // ------------------------------------------------------------ sources

  async addSource(i: SourceInput): Promise<Source> {
    await this.q(
      `INSERT INTO sources (kind, url, name, every_seconds, created_at, next_poll_at) VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (url) DO NOTHING`,
      [i.kind, i.url, i.name ?? null, i.everySeconds ?? null, i.everySeconds ? now() : null],
    );
    return (await this.getSource(i.url))!;
  }

  async getSource(idOrUrl: number | string): Promise<Source | null> {
    const [r] = await this.q(`SELECT * FROM sources WHERE ${typeof idOrUrl === 'number' ? 'id' : 'url'} = $1`, [idOrUrl]);
    return r ? toSource(r) : null;
  }

  async listSources(): Promise<Source[]> {
    return (await this.q('SELECT * FROM sources ORDER BY id')).map(toSource);
  }

  async dueSources(at: string): Promise<Source[]> {
    return (await this.q('SELECT * FROM sources WHERE next_poll_at <= $1 ORDER BY next_poll_at, id', [at])).map(toSource);
  }

  async removeSource(id: number): Promise<boolean> {
    return (await this.q('DELETE FROM sources WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async recordPoll(id: number, o: PollOutcome): Promise<Source> {
    const rows = o.ok
      ? await this.q(
          `UPDATE sources SET last_success_at = $1, items_seen = items_seen + $2, failures = 0,
             etag = coalesce($3, etag), last_modified = coalesce($4, last_modified), next_poll_at = $5 WHERE id = $6 RETURNING *`,
          [o.at, o.itemsSeen, o.etag ?? null, o.lastModified ?? null, o.nextPollAt ?? null, id],
        )
      : await this.q(
          `UPDATE sources SET last_error_at = $1, last_error_code = $2, last_error_message = $3,
             failures = failures + 1, next_poll_at = $4 WHERE id = $5 RETURNING *`,
          [o.at, o.code, o.message ?? null, o.nextPollAt ?? null, id],
        );
    if (rows.length === 0) throw new MarsadError('E_NOT_FOUND', `no source ${id}`);
    return toSource(rows[0]);
  }

  // ------------------------------------------------------------ documents

  async putDocument(input: DocumentInput): Promise<PutResult> {
    return this.transaction((tx) => (tx as PgStore).putOne(input));
  }

  async putDocuments(inputs: DocumentInput[]): Promise<PutResult[]> {
    return this.transaction(async (tx) => {
      const out: PutResult[] = [];
      for (const i of inputs) out.push(await (tx as PgStore).putOne(i));
      return out;
    });
  }

  private async putOne(d: DocumentInput): Promise<PutResult> {
    const [seen] = await this.q('SELECT document_id FROM document_sources WHERE source_id = $1 AND external_id = $2', [d.sourceId, d.externalId]);
    if (seen) return { id: seen.document_id, status: 'existing' };
    const text = d.text ?? d.analysis?.text ?? d.extracted;
    const title = d.title ?? d.analysis?.title ?? null;
    const published = d.published ?? d.analysis?.published ?? null;
    const seenAt = now();
    const sortDate = published ?? seenAt;
    const language = d.language ?? d.analysis?.language ?? null;
    // one normalisation pass for the hash, the full-text form and the lead
    const forms = textForms(text, LEAD_WORDS);
    const hash = forms.hash;
    const [ins] = await this.q(
      `INSERT INTO documents (content_hash, url, title, published, language, sort_date, raw, content_type, extracted, text,
         analysis, model_version, first_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
      [
        hash, d.url ?? null, title, published, language, sortDate,
        typeof d.raw === 'string' ? Buffer.from(d.raw, 'utf8') : Buffer.from(d.raw), d.contentType ?? null, d.extracted, text,
        d.analysis ? JSON.stringify(d.analysis) : null, d.modelVersion ?? d.analysis?.model ?? null, seenAt,
      ],
    );
    let id: number;
    if (ins) {
      id = ins.id;
      const titleIndex = indexText(title ?? '');
      // one statement for both: the full vector (matching) and the lead (ranking)
      await this.q(
        `WITH s AS (INSERT INTO document_search (id, sort_date, language, fts)
           VALUES ($1, $2, $3, setweight(to_tsvector('simple', $4), 'A') || setweight(to_tsvector('simple', $5), 'B')))
         INSERT INTO document_lead (id, fts) VALUES ($1, ${LEAD_SQL('$4', '$6')})`,
        [id, sortDate, language, titleIndex, forms.index, forms.lead],
      );
      await this.linkEntities([{ id, analysis: d.analysis }]);
    } else {
      id = (await this.q('SELECT id FROM documents WHERE content_hash = $1', [hash]))[0].id;
    }
    const [linked] = await this.q(
      `INSERT INTO document_sources (source_id, external_id, document_id, url, fetched_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (source_id, external_id) DO NOTHING RETURNING document_id`,
      [d.sourceId, d.externalId, id, d.url ?? null, d.fetchedAt],
    );
    if (!linked) {
      // another worker stored this very item between our check and our insert
      const [other] = await this.q('SELECT document_id FROM document_sources WHERE source_id = $1 AND external_id = $2', [d.sourceId, d.externalId]);
      return { id: other.document_id, status: 'existing' };
    }
    return { id, status: ins ? 'inserted' : 'duplicate' };
  }

  /** Replace the entity links of these documents (one statement per step for the whole batch). */
  private async linkEntities(docs: Array<{ id: number; analysis: Analysis | null | undefined }>): Promise<void> {
    await this.q('DELETE FROM document_entities WHERE document_id = ANY($1::int[])', [docs.map((d) => d.id)]);
    // the batch's entities, each merged over the documents that mention it (see mergeEntity)
    const batch = new Map<string, Entity>();
    const links: { doc: number[]; entity: string[]; mentions: number[] } = { doc: [], entity: [], mentions: [] };
    for (const d of docs) {
      for (const e of entityLinks(d.analysis)) {
        const before = batch.get(e.id) ?? null;
        batch.set(e.id, mergeEntity(before, e) ?? before!);
        links.doc.push(d.id);
        links.entity.push(e.id);
        links.mentions.push(e.mentions?.length ?? 0);
      }
    }
    if (batch.size === 0) return;
    // Workers analysing different documents share entity rows. Insert-or-nothing takes no lock on
    // an existing row; a row is locked and written only when a document says something new of it
    // (mostly never once the store has seen the entity), in sorted order: no deadlocks.
    const entities = [...batch.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const fresh = new Set(
      (
        await this.q(
          `INSERT INTO entities (id, type, name, name_ar, country, data)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            entities.map((e) => e.id), entities.map((e) => e.type), entities.map((e) => e.name), entities.map((e) => e.nameAr ?? null),
            entities.map((e) => e.country ?? null), entities.map(entityData),
          ],
        )
      ).map((r) => r.id as string),
    );
    const changes = async (ids: string[], lock: boolean) =>
      (await this.q(`SELECT id, data FROM entities WHERE id = ANY($1::text[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`, [ids]))
        .map((r) => mergeEntity(toEntity(r), batch.get(r.id)!))
        .filter((e): e is Entity => e !== null);
    const known = entities.filter((e) => !fresh.has(e.id)).map((e) => e.id);
    // read without locking first; lock and re-read only the rows that would change
    const candidates = known.length ? await changes(known, false) : [];
    const rows = candidates.length ? await changes(candidates.map((e) => e.id), true) : [];
    if (rows.length) {
      await this.q(
        `UPDATE entities e SET type = v.type, name = v.name, name_ar = v.name_ar, country = v.country, data = v.data
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS v (id, type, name, name_ar, country, data)
         WHERE e.id = v.id`,
        [rows.map((e) => e.id), rows.map((e) => e.type), rows.map((e) => e.name), rows.map((e) => e.nameAr ?? null), rows.map((e) => e.country ?? null), rows.map(entityData)],
      );
    }
    await this.q('INSERT INTO document_entities (document_id, entity_id, mentions) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])', [
      links.doc, links.entity, links.mentions,
    ]);
  }

  private async withSources(rows: any[]): Promise<StoredDocument[]> {
    if (rows.length === 0) return [];
    const links = await this.q('SELECT * FROM document_sources WHERE document_id = ANY($1) ORDER BY fetched_at, source_id', [rows.map((r) => r.id)]);
    const byDoc = byParent(links, 'document_id');
    return rows.map((r) => toDocument(r, byDoc.get(r.id) ?? []));
  }

  private static readonly DOC_COLUMNS = `id, content_hash, url, title, published, language, extracted, text, analysis,
    model_version, first_seen_at, near_duplicate_of, similarity`;

  async getDocument(id: number): Promise<StoredDocument | null> {
    const rows = await this.q(`SELECT ${PgStore.DOC_COLUMNS} FROM documents WHERE id = $1`, [id]);
    return rows.length ? (await this.withSources(rows))[0] : null;
  }

  async getDocuments(ids: number[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.q(`SELECT ${PgStore.DOC_COLUMNS} FROM documents WHERE id = ANY($1)`, [ids]);
    return inOrder(ids, await this.withSources(rows));
  }

  async getRaw(id: number): Promise<RawDocument | null> {
    const [r] = await this.q('SELECT raw, content_type FROM documents WHERE id = $1', [id]);
    return r ? { raw: new Uint8Array(r.raw), contentType: r.content_type ?? null } : null;
  }

  async listDocuments(q: DocumentListQuery = {}): Promise<StoredDocument[]> {
    const where = ['id > $1'];
    const args: unknown[] = [q.afterId ?? 0];
    if (q.since) (args.push(q.since), where.push(`first_seen_at >= $${args.length}`));
    if (q.modelVersionNot !== undefined) (args.push(q.modelVersionNot), where.push(`model_version IS DISTINCT FROM $${args.length}`));
    args.push(q.limit ?? 100);
    const rows = await this.q(`SELECT ${PgStore.DOC_COLUMNS} FROM documents WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${args.length}`, args);
    return this.withSources(rows);
  }

  async findByExternalId(sourceId: number, externalId: string): Promise<number | null> {
    const [r] = await this.q('SELECT document_id FROM document_sources WHERE source_id = $1 AND external_id = $2', [sourceId, externalId]);
    return r ? Number(r.document_id) : null;
  }

  async countDocuments(): Promise<number> {
    return Number((await this.q('SELECT count(*) AS n FROM documents'))[0].n);
  }

  async setAnalyses(updates: AnalysisUpdate[]): Promise<number[]> {
    if (updates.length === 0) return [];
    // one update per id (the last given), in id order: two workers' batches lock rows in the same order
    const sorted = [...new Map(updates.map((u) => [u.id, u])).values()].sort((a, b) => a.id - b.id);
    return this.transaction(async (tx) => {
      const t = tx as PgStore;
      // one statement for the batch; "old" reads the rows as they were before the update
      const rows = await t.q(
        `WITH v AS (SELECT * FROM unnest($1::int[], $2::jsonb[], $3::text[], $4::text[]) AS v (id, analysis, model, text)),
           old AS (SELECT d.id, d.title, v.text, d.text IS DISTINCT FROM v.text AS changed FROM documents d JOIN v ON v.id = d.id),
           u AS (UPDATE documents d SET analysis = v.analysis, model_version = v.model, text = coalesce(v.text, d.text) FROM v WHERE d.id = v.id)
         SELECT id, title, text, changed FROM old`,
        [sorted.map((u) => u.id), sorted.map((u) => JSON.stringify(u.analysis)), sorted.map((u) => u.modelVersion), sorted.map((u) => u.analysis.text ?? null)],
      );
      const stored = new Set(rows.map((r) => Number(r.id)));
      const retext = rows.filter((r) => r.changed && r.text !== null);
      if (retext.length) {
        const forms = retext.map((r) => textForms(r.text, LEAD_WORDS));
        const titles = retext.map((r) => indexText(r.title ?? ''));
        await t.q(
          `WITH v AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS v (id, title, body, lead)),
             s AS (UPDATE document_search s SET fts = ${LEAD_SQL('v.title', 'v.body')} FROM v WHERE s.id = v.id)
           UPDATE document_lead l SET fts = ${LEAD_SQL('v.title', 'v.lead')} FROM v WHERE l.id = v.id`,
          [retext.map((r) => r.id), titles, forms.map((f) => f.index), forms.map((f) => f.lead)],
        );
      }
      await t.linkEntities(sorted.filter((u) => stored.has(u.id)));
      return sorted.map((u) => u.id).filter((id) => !stored.has(id));
    });
  }

  async setNearDuplicate(id: number, of: number, similarity: number): Promise<void> {
    const rows = await this.q('UPDATE documents SET near_duplicate_of = $1, similarity = $2 WHERE id = $3 RETURNING id', [of, similarity, id]);
    if (rows.length === 0) throw new MarsadError('E_NOT_FOUND', `no document ${id}`);
  }

  async search(q: SearchQuery): Promise<SearchHit[]> {
    const terms = queryTerms(q.q);
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    // One round trip: candidates through the GIN index only, ranked by the small lead vector, and
    // the page's wide columns (the text, for the snippet). Relevance is deliberately cheap: the
    // newest RANK_CANDIDATES matches are ranked by ts_rank over the title (A) and the first
    // LEAD_WORDS words of the text (B); equal ranks go newest sort_date first, then first stored.
    // Ranking over the whole text would detoast a ~6 KB vector per candidate (~14 ms for 500 at
    // 100k documents). See migrations/003-search-rank.sql.
    const rows = await this.q('SELECT * FROM marsad_search(to_tsquery(\'simple\', $1), $2, $3, $4, $5, $6, $7, $8)', [
      tsQuery(terms), q.since ?? null, q.until ? q.until + '\uffff' : null, q.language ?? null, q.sourceId ?? null,
      Math.max(RANK_CANDIDATES, offset + limit), limit, offset,
    ]);
    return rows.map((r) => ({
      id: r.id, title: r.title, snippet: snippet(r.body, terms), published: r.published,
      language: r.language, url: r.url, score: Number(r.score),
    }));
  }

  // ------------------------------------------------------------ entities

  async getEntity(id: string): Promise<Entity | null> {
    const [r] = await this.q('SELECT data FROM entities WHERE id = $1', [id]);
    return r ? toEntity(r) : null;
  }

  async documentsWithEntity(entityId: string, limit = 100): Promise<number[]> {
    const rows = await this.q('SELECT document_id FROM document_entities WHERE entity_id = $1 ORDER BY document_id LIMIT $2', [entityId, limit]);
    return rows.map((r) => r.document_id);
  }

  // ------------------------------------------------------------ incidents

  async createIncident(i: IncidentInput): Promise<number> {
    const [r] = await this.q(
      `INSERT INTO incidents (type, date_start, date_end, country, location, organization, attack_types, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now()) RETURNING id`,
      [
        i.type, i.date?.start ?? null, i.date?.end ?? null, i.country ?? i.location?.country ?? null,
        i.location ? JSON.stringify(i.location) : null, i.organization, JSON.stringify([...(i.attackTypes ?? [])].sort()),
      ],
    );
    return r.id;
  }

  async attachReport(incidentId: number, r: IncidentReportInput): Promise<void> {
    await this.transaction(async (tx) => {
      const t = tx as PgStore;
      // FOR UPDATE: two workers attaching to one incident widen it one after the other
      const [inc] = await t.q('SELECT * FROM incidents WHERE id = $1 FOR UPDATE', [incidentId]);
      if (!inc) throw new MarsadError('E_NOT_FOUND', `no incident ${incidentId}`);
      await t.q(
        `INSERT INTO incident_reports (document_id, event_index, incident_id, event, attached_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (document_id, event_index) DO UPDATE SET incident_id = excluded.incident_id, event = excluded.event`,
        [r.documentId, r.eventIndex, incidentId, JSON.stringify(r.event)],
      );
      const w = widenIncident(inc, r.event);
      await t.q(
        `UPDATE incidents SET date_start = $1, date_end = $2, country = $3, location = $4, organization = $5,
           attack_types = $6, updated_at = now() WHERE id = $7`,
        [w.date_start, w.date_end, w.country, w.location, w.organization, w.attack_types, incidentId],
      );
    });
  }

  async incidentOfReport(documentId: number, eventIndex: number): Promise<number | null> {
    const [r] = await this.q('SELECT incident_id FROM incident_reports WHERE document_id = $1 AND event_index = $2', [documentId, eventIndex]);
    return r ? r.incident_id : null;
  }

  async getIncident(id: number): Promise<Incident | null> {
    const rows = await this.q('SELECT * FROM incidents WHERE id = $1', [id]);
    return rows.length ? (await this.withReports(rows))[0] : null;
  }

  async listIncidents(q: IncidentQuery = {}): Promise<Incident[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.since) (args.push(q.since), where.push(`date_end >= $${args.length}`));
    if (q.until) (args.push(q.until), where.push(`date_start <= $${args.length}`));
    if (q.country) (args.push(q.country.toUpperCase()), where.push(q.orNoCountry ? `(country = $${args.length} OR country IS NULL)` : `country = $${args.length}`));
    if (q.group) (args.push(q.group), where.push(`organization = $${args.length}`));
    if (q.type) (args.push(q.type), where.push(`type = $${args.length}`));
    args.push(q.limit ?? 1000);
    const rows = await this.q(
      `SELECT * FROM incidents ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY date_start DESC NULLS LAST, id DESC LIMIT $${args.length}`,
      args,
    );
    return this.withReports(rows);
  }

  private async withReports(rows: any[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const reports = await this.q(
      `SELECT r.incident_id, r.document_id, r.event_index, r.event, d.title, d.url, d.published, d.language,
         (SELECT string_agg(source_id::text, ',') FROM document_sources s WHERE s.document_id = r.document_id) AS source_ids
       FROM incident_reports r JOIN documents d ON d.id = r.document_id
       WHERE r.incident_id = ANY($1) ORDER BY d.sort_date, r.document_id, r.event_index`,
      [rows.map((r) => r.id)],
    );
    const byIncident = byParent(reports, 'incident_id');
    return rows.map((r) => toIncident(r, (byIncident.get(r.id) ?? []).map(toReport)));
  }
}
