// The one ingestion path every source takes (files, feeds, URLs, the push API): analyse each
// item, store it (exact duplicates folded by the store), then link near-duplicates and
// incidents. A bad item becomes a recorded failure and the run goes on.
import { analyzeText, MODEL_VERSION } from '../commands/analyze.js';
import { MarsadError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import type { DocumentInput, PutResult, Source, SourceInput, Store } from '../store/store.js';
import { linkIncidents, StoreLinker, type LinkerOptions } from '../link/store-linker.js';
import type { IngestItem, ItemFailure, Yielded } from './item.js';
import { recordToItem } from './jsonl.js';

export interface IngestOptions {
  /** reuse one linker across calls (keeps the near-duplicate index warm) */
  linker?: StoreLinker;
  linkerOptions?: LinkerOptions;
  /** called after every item, stored or failed */
  onItem?: (outcome: ItemOutcome) => void;
  now?: () => Date;
  /** the analyser; replaceable for benchmarks of the other stages */
  analyze?: typeof analyzeText;
}

export type ItemOutcome =
  | { ok: true; documentId: number; status: 'inserted' | 'duplicate' | 'existing'; nearDuplicateOf: number | null; incidents: number; source: string }
  | { ok: false; failure: ItemFailure };

export interface IngestReport {
  items: number;
  inserted: number;
  /** same normalised text as a stored document: stored once, this source linked */
  duplicates: number;
  /** already stored from this source (a replay) */
  existing: number;
  nearDuplicates: number;
  /** reported attacks attached to incidents, and incidents founded */
  incidentReports: number;
  incidentsCreated: number;
  failed: number;
  failures: ItemFailure[];
  /** source ids touched, by source url */
  sources: Record<string, number>;
}

export function emptyReport(): IngestReport {
  return { items: 0, inserted: 0, duplicates: 0, existing: 0, nearDuplicates: 0, incidentReports: 0, incidentsCreated: 0, failed: 0, failures: [], sources: {} };
}

/** Failures kept in a report; beyond this they are only counted, so a broken folder cannot fill memory. */
const MAX_KEPT_FAILURES = 1000;

function recordFailure(report: IngestReport, f: ItemFailure, opts: IngestOptions): void {
  report.failed++;
  if (report.failures.length < MAX_KEPT_FAILURES) report.failures.push(f);
  opts.onItem?.({ ok: false, failure: f });
}

/** Add one run's report into a running total (a CLI run ingests file by file). */
export function mergeReport(into: IngestReport, r: IngestReport): void {
  for (const k of ['items', 'inserted', 'duplicates', 'existing', 'nearDuplicates', 'incidentReports', 'incidentsCreated', 'failed'] as const) into[k] += r[k];
  into.failures.push(...r.failures.slice(0, Math.max(0, MAX_KEPT_FAILURES - into.failures.length)));
  Object.assign(into.sources, r.sources);
}

/** Ingest items into the store; resolves with counts and failures once every item is handled. */
export async function ingest(
  store: Store,
  items: AsyncIterable<Yielded> | Iterable<Yielded>,
  opts: IngestOptions = {},
): Promise<IngestReport> {
  const report = emptyReport();
  const linker = opts.linker ?? new StoreLinker(store, { ...opts.linkerOptions, now: opts.now });
  const analyze = opts.analyze ?? analyzeText;
  const now = opts.now ?? (() => new Date());
  const sources = new Map<string, Source>();

  async function sourceOf(input: SourceInput): Promise<Source> {
    let s = sources.get(input.url);
    if (!s) {
      s = (await store.getSource(input.url)) ?? (await store.addSource(input));
      sources.set(input.url, s);
      report.sources[input.url] = s.id;
    }
    return s;
  }

  // Analysed items wait here to be stored together: one transaction (one commit, one full-text
  // segment) for up to STORE_BATCH items instead of one each. The batch is stored before the loop
  // waits on a source (see nextItem) and before a failure is reported, so nothing analysed sits
  // unstored while a feed or a folder is slow, and outcomes are reported in item order.
  const batch: Ready[] = [];
  async function flush(): Promise<void> {
    if (batch.length === 0) return;
    const ready = batch.splice(0);
    const inputs = ready.map(documentInput);
    let puts: PutResult[] | null = null;
    try {
      puts = await store.putDocuments(inputs);
    } catch (e) {
      // one bad item fails the whole transaction: store them one by one to tell which
      if (!(e instanceof MarsadError)) throw e;
    }
    linker.expect(puts ? puts.filter((p) => p.status === 'inserted').map((p) => p.id) : []);
    try {
      for (let k = 0; k < ready.length; k++) await settle(ready[k], puts ? puts[k] : null, inputs[k]);
    } finally {
      linker.expect([]);
    }
  }

  /** Report a stored item (put: its batch's result, or null to store it alone now) and link it. */
  async function settle(r: Ready, stored: PutResult | null, input: DocumentInput): Promise<void> {
    const { it, analysis } = r;
    try {
      const put = stored ?? (await store.putDocument(input));
      report[put.status === 'inserted' ? 'inserted' : put.status === 'duplicate' ? 'duplicates' : 'existing']++;
      let nearDuplicateOf: number | null = null;
      let incidents = 0;
      if (put.status === 'inserted') {
        const linked = await linker.link(put.id, analysis.text, analysis, analysis.published ?? input.fetchedAt);
        nearDuplicateOf = linked.nearDuplicateOf;
        if (nearDuplicateOf !== null) report.nearDuplicates++;
        incidents = linked.incidents.length;
        report.incidentReports += incidents;
        report.incidentsCreated += linked.incidents.filter((i) => i.created).length;
      } else if (put.status === 'existing') {
        // A replay after a crash between storing and linking: incident links are idempotent, so
        // they are completed from the stored analysis (the one the event indexes refer to).
        const storedDoc = await store.getDocument(put.id);
        if (storedDoc?.analysis) {
          const linked = await linkIncidents(store, put.id, storedDoc.analysis);
          incidents = linked.length;
          report.incidentReports += incidents;
          report.incidentsCreated += linked.filter((i) => i.created).length;
        }
      }
      opts.onItem?.({ ok: true, documentId: put.id, status: put.status, nearDuplicateOf, incidents, source: it.source.url });
    } catch (e) {
      if (!(e instanceof MarsadError)) throw e;
      recordFailure(report, { where: r.where, code: e.code, message: e.message, source: it.source }, opts);
    }
  }

  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let finished = false;
  try {
    for (;;) {
      const step = await nextItem(iterator, flush, batch.length > 0);
      if (step.done) break;
      const y = step.value;
      report.items++;
      if (!y.ok) {
        await flush();
        if (y.failure.source) await sourceOf(y.failure.source);
        recordFailure(report, y.failure, opts);
        continue;
      }
      const it: IngestItem = y.item;
      const where = it.url ?? `${it.source.url}#${it.externalId}`;
      let analysis: Analysis;
      try {
        // the analyser extracts (and guards) HTML it is given: jsonl and pushed records may carry pages
        analysis = analyze({ text: it.text, published: it.published ?? null, title: it.title ?? null, author: it.author ?? null, lang: it.lang, url: it.url ?? null, id: it.externalId });
      } catch (e) {
        if (!(e instanceof MarsadError)) throw e;
        await flush();
        await sourceOf(it.source);
        recordFailure(report, { where, code: e.code, message: e.message, source: it.source }, opts);
        continue;
      }
      try {
        const source = await sourceOf(it.source);
        batch.push({ it, where, analysis, sourceId: source.id, fetchedAt: it.fetchedAt ?? now().toISOString() });
      } catch (e) {
        if (!(e instanceof MarsadError)) throw e;
        await flush();
        recordFailure(report, { where, code: e.code, message: e.message, source: it.source }, opts);
        continue;
      }
      if (batch.length >= STORE_BATCH) await flush();
    }
    finished = true;
    await flush();
  } finally {
    if (!finished) {
      // a bug surfaced mid-run: what was analysed is still stored (best effort), and the source is closed
      await flush().catch(() => {});
      await iterator.return?.();
    }
  }
  return report;
}

/** Items stored in one transaction at most. */
const STORE_BATCH = 32;

interface Ready {
  it: IngestItem;
  where: string;
  analysis: Analysis;
  sourceId: number;
  fetchedAt: string;
}

function documentInput({ it, analysis, sourceId, fetchedAt }: Ready): DocumentInput {
  return {
    sourceId,
    externalId: it.externalId,
    url: it.url ?? null,
    fetchedAt,
    raw: it.raw,
    contentType: it.contentType ?? null,
    extracted: it.text,
    title: analysis.title,
    published: analysis.published,
    language: analysis.language,
    analysis,
    modelVersion: analysis.model ?? MODEL_VERSION,
  };
}

const IDLE = Symbol('idle');

/**
 * The source's next item. An async source that does not answer at once (the next file is read,
 * the next page fetched) gets the waiting batch stored first (`flush`): an item is never held
 * back by a slow source, only by the few items a fast one yields right after it.
 */
async function nextItem(it: Iterator<Yielded> | AsyncIterator<Yielded>, flush: () => Promise<void>, waiting: boolean): Promise<IteratorResult<Yielded>> {
  const step = it.next();
  if (!(step instanceof Promise)) return step;
  if (!waiting) return step;
  // an item already at hand settles within microtasks; setImmediate runs only after I/O is polled
  const first = await Promise.race([step, new Promise<typeof IDLE>((r) => setImmediate(r, IDLE))]);
  if (first !== IDLE) return first;
  await flush();
  return step;
}

/** Contract input records ({id, text, published?, title?, url?}) from one source, as the push API
 * receives them; an invalid record is a failure naming its position. */
export function ingestRecords(store: Store, records: unknown[], source: SourceInput, opts: IngestOptions = {}): Promise<IngestReport> {
  const fetchedAt = (opts.now ?? (() => new Date()))().toISOString();
  return ingest(store, records.map((r, i) => recordToItem(r, source, `record ${i + 1}`, fetchedAt)), opts);
}

/** One line for people: what went in, what was folded, what failed. */
export function summaryLine(r: IngestReport): string {
  const parts = [
    `${r.items} item${r.items === 1 ? '' : 's'}`,
    `${r.inserted} new`,
    `${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'}`,
    `${r.existing} already stored`,
    `${r.nearDuplicates} near-duplicate${r.nearDuplicates === 1 ? '' : 's'}`,
    `${r.incidentReports} incident report${r.incidentReports === 1 ? '' : 's'} (${r.incidentsCreated} new incident${r.incidentsCreated === 1 ? '' : 's'})`,
    `${r.failed} failed`,
  ];
  return parts.join(', ');
}
