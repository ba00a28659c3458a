// Re-analysis after a model change: every stored document whose analysis came from another model
// version (or all, with `all`) goes through the pipeline again from its extracted text; the new
// analysis and entity links replace the old ones (and the cleaned text with its search entry, when a
// new cleaner changed it). Sources, raw bytes and extracted text are never touched.
import { analyzeText, MODEL_VERSION } from './analyze.js';
import { isIsoDay } from '../core/dates.js';
import { isMarsadError, type ErrorCode } from '../core/errors.js';
import type { AnalysisUpdate, Store, StoredDocument } from '../store/store.js';
import type { JobQueue } from '../store/queue.js';

export interface ReanalyzeOptions {
  all?: boolean;
  /** documents per page read from the store */
  batch?: number;
  onProgress?: (done: number) => void;
}

export interface ReanalyzeReport {
  checked: number;
  updated: number;
  failed: number;
  failures: Array<{ id: number; code: ErrorCode; message: string }>;
  modelVersion: string;
}

function analysisOf(d: StoredDocument): AnalysisUpdate {
  const published = d.published && isIsoDay(d.published.slice(0, 10)) ? d.published.slice(0, 10) : null;
  const analysis = analyzeText({ text: d.extracted, published, title: d.title, url: d.url, id: String(d.id) });
  return { id: d.id, analysis, modelVersion: analysis.model ?? MODEL_VERSION };
}

function fail(report: ReanalyzeReport, id: number, code: ErrorCode, message: string): void {
  report.failed++;
  if (report.failures.length < 1000) report.failures.push({ id, code, message });
}

/** Analyse a page of documents, then store the new analyses in one write (one transaction). */
async function reanalyzeList(store: Store, docs: StoredDocument[], report: ReanalyzeReport): Promise<void> {
  const updates: AnalysisUpdate[] = [];
  for (const d of docs) {
    report.checked++;
    try {
      updates.push(analysisOf(d));
    } catch (e) {
      // bad stored input is reported and skipped; anything else is a bug and stops the run
      if (!isMarsadError(e)) throw e;
      fail(report, d.id, e.code, e.message);
    }
  }
  // a document removed since it was read is reported, the others are stored
  const missing = new Set(await store.setAnalyses(updates));
  for (const id of missing) fail(report, id, 'E_NOT_FOUND', `no document ${id}`);
  report.updated += updates.length - missing.size;
}

function emptyReport(): ReanalyzeReport {
  return { checked: 0, updated: 0, failed: 0, failures: [], modelVersion: MODEL_VERSION };
}

export async function reanalyze(store: Store, opts: ReanalyzeOptions = {}): Promise<ReanalyzeReport> {
  const report = emptyReport();
  let afterId = 0;
  for (;;) {
    const page = await store.listDocuments({ afterId, limit: opts.batch ?? 200, modelVersionNot: opts.all ? undefined : MODEL_VERSION });
    if (page.length === 0) break;
    await reanalyzeList(store, page, report);
    afterId = page[page.length - 1].id;
    opts.onProgress?.(report.checked);
  }
  return report;
}

/** The job form: re-analyse these documents (a worker's share of a queued re-analysis). */
export async function reanalyzeIds(store: Store, ids: number[]): Promise<ReanalyzeReport> {
  const report = emptyReport();
  // one query for the batch (a job carries tens of ids), not one per document
  await reanalyzeList(store, await store.getDocuments(ids), report);
  return report;
}

/** Queue re-analysis in batches of ids for `marsad worker` processes to share; returns jobs queued. */
export async function enqueueReanalysis(store: Store, queue: JobQueue, opts: ReanalyzeOptions = {}): Promise<number> {
  let afterId = 0;
  let jobs = 0;
  for (;;) {
    const page = await store.listDocuments({ afterId, limit: opts.batch ?? 50, modelVersionNot: opts.all ? undefined : MODEL_VERSION });
    if (page.length === 0) break;
    const ids = page.map((d) => d.id);
    // the key makes a second `reanalyze --queue` before the workers catch up a no-op for this batch
    if (await queue.enqueue('reanalyze', { ids }, { key: `reanalyze:${ids[0]}-${ids[ids.length - 1]}` })) jobs++;
    afterId = ids[ids.length - 1];
  }
  return jobs;
}
