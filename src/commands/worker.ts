// The worker: takes jobs from the store's queue and runs them. Every handler is idempotent
// (documents are keyed by source and external id), so a job re-run after a crash stores nothing twice.
import type { Store } from '../store/store.js';
import type { Job, JobHandler, JobQueue } from '../store/queue.js';
import type { IngestItem } from '../ingest/item.js';
import { reanalyzeIds } from './reanalyze.js';

/** Job data for 'ingest-items': items as JSON (raw bytes as text, or base64 in rawBase64). */
export interface IngestItemsJob {
  items: Array<Omit<IngestItem, 'raw'> & { raw?: string; rawBase64?: string }>;
}

export function jobHandlers(store: Store): Record<string, JobHandler<any>> {
  return {
    'ingest-items': async (job: Job<IngestItemsJob>) => {
      const { ingest } = await import('../ingest/ingest.js');
      const items = job.data.items.map((i) => {
        const { rawBase64, raw, ...rest } = i;
        const item: IngestItem = { ...rest, raw: rawBase64 ? new Uint8Array(Buffer.from(rawBase64, 'base64')) : (raw ?? i.text) };
        return { ok: true as const, item };
      });
      const report = await ingest(store, items);
      // a failing item is recorded in the report, not retried: retrying cannot fix bad input
      if (report.failed === report.items && report.items > 0) throw new Error(`all ${report.items} items failed: ${report.failures[0]?.code}`);
    },
    reanalyze: async (job: Job<{ ids: number[] }>) => {
      await reanalyzeIds(store, job.data.ids);
    },
  };
}

export interface WorkerOptions {
  concurrency?: number;
  untilIdle?: boolean;
  onDone?: (job: Job, error: Error | null) => void;
}

export async function runWorker(store: Store, queue: JobQueue, opts: WorkerOptions = {}): Promise<void> {
  await queue.work(jobHandlers(store), opts);
}
