// Jobs in the store's own SQLite file. Claiming is one UPDATE…RETURNING inside the single writer
// lock, so two processes on one file never take the same job. A job left 'active' by a process
// that died (SIGKILL, power loss) is taken back once its owner's pid is gone or its lease expired.
import type Database from 'better-sqlite3';
import { runJob, type Job, type JobHandler, type JobQueue, type QueueCounts, type WorkOptions } from '../queue.js';

const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;
const IDLE_POLL_MS = 200;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class SqliteQueue implements JobQueue {
  private stopping = false;
  constructor(private readonly db: Database.Database) {}

  async enqueue<T>(name: string, data: T, opts: { key?: string } = {}): Promise<string | null> {
    const r = this.db
      .prepare(`INSERT INTO jobs (name, data, key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`)
      .get(name, JSON.stringify(data), opts.key ?? null, new Date().toISOString()) as { id: number } | undefined;
    return r ? String(r.id) : null;
  }

  /** Put back jobs whose worker is gone; runs before each claim, cheap when none are active. */
  private reclaim(): void {
    const active = this.db.prepare(`SELECT id, locked_by, locked_at FROM jobs WHERE state = 'active'`).all() as any[];
    const cutoff = new Date(Date.now() - LEASE_MS).toISOString();
    const stale = active.filter((j) => !alive(j.locked_by) || j.locked_at < cutoff);
    const put = this.db.prepare(
      `UPDATE jobs SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END, locked_by = NULL,
         error = coalesce(error, 'worker died') WHERE id = ? AND state = 'active'`,
    );
    for (const j of stale) put.run(MAX_ATTEMPTS, j.id);
  }

  private claim(names: string[]): Job | null {
    return this.db
      .transaction(() => {
        this.reclaim();
        const r = this.db
          .prepare(
            `UPDATE jobs SET state = 'active', attempts = attempts + 1, locked_by = ?, locked_at = ?
             WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND name IN (${names.map(() => '?').join(',')}) ORDER BY id LIMIT 1)
             RETURNING id, name, data`,
          )
          .get(process.pid, new Date().toISOString(), ...names) as any;
        return r ? { id: String(r.id), name: r.name, data: JSON.parse(r.data) } : null;
      })
      .immediate();
  }

  private finish(job: Job, error: Error | null): void {
    if (!error) {
      this.db.prepare(`UPDATE jobs SET state = 'done', finished_at = ?, locked_by = NULL WHERE id = ?`).run(new Date().toISOString(), job.id);
      return;
    }
    this.db
      .prepare(
        `UPDATE jobs SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END, error = ?, locked_by = NULL,
           finished_at = CASE WHEN attempts >= ? THEN ? END WHERE id = ?`,
      )
      .run(MAX_ATTEMPTS, error.message, MAX_ATTEMPTS, new Date().toISOString(), job.id);
  }

  async work(handlers: Record<string, JobHandler<any>>, opts: WorkOptions = {}): Promise<void> {
    this.stopping = false;
    const names = Object.keys(handlers);
    const lane = async () => {
      while (!this.stopping) {
        const job = this.claim(names);
        if (!job) {
          if (opts.untilIdle) {
            const c = await this.counts();
            if (c.queued === 0 && c.active === 0) return;
          }
          await new Promise((r) => setTimeout(r, IDLE_POLL_MS));
          continue;
        }
        const error = await runJob(handlers, job);
        this.finish(job, error);
        opts.onDone?.(job, error);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, lane));
  }

  async stop(): Promise<void> {
    this.stopping = true;
  }

  async counts(name?: string): Promise<QueueCounts> {
    const rows = this.db
      .prepare(`SELECT state, count(*) AS n FROM jobs ${name ? 'WHERE name = ?' : ''} GROUP BY state`)
      .all(...(name ? [name] : [])) as Array<{ state: string; n: number }>;
    const c: QueueCounts = { queued: 0, active: 0, done: 0, failed: 0 };
    for (const r of rows) c[r.state as keyof QueueCounts] = r.n;
    return c;
  }
}
