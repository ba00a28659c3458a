// A durable job queue: jobs survive crashes and run at least once, so handlers must be
// idempotent (documents are keyed by source and external id, which makes re-running safe).
// SQLite keeps jobs in the store's own file; PostgreSQL uses pg-boss so many workers share them.

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
}

export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface QueueCounts {
  queued: number;
  active: number;
  done: number;
  failed: number;
}

export interface WorkOptions {
  /** jobs run at the same time by this process */
  concurrency?: number;
  /** stop when no job is queued or running (one-shot runs, tests) */
  untilIdle?: boolean;
  /** called after each job finishes, with its outcome */
  onDone?: (job: Job, error: Error | null) => void;
}

export interface JobQueue {
  /** add a job; a `key` makes it a singleton: the same key is not queued twice while pending */
  enqueue<T>(name: string, data: T, opts?: { key?: string }): Promise<string | null>;
  /** process jobs of the named kinds until `stop()` (or idle, with untilIdle) */
  work(handlers: Record<string, JobHandler<any>>, opts?: WorkOptions): Promise<void>;
  stop(): Promise<void>;
  counts(name?: string): Promise<QueueCounts>;
}

/** Run a job's handler; a throw is the job's failure, returned for the queue to record. */
export async function runJob(handlers: Record<string, JobHandler<any>>, job: Job): Promise<Error | null> {
  try {
    await handlers[job.name](job);
    return null;
  } catch (e) {
    return e as Error;
  }
}
