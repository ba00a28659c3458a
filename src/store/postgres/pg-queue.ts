// The durable queue for many workers on many machines: pg-boss on the store's own database.
// pg-boss hands each job to one fetcher (SKIP LOCKED) and re-queues jobs whose worker died once
// their expiry passes; our handlers are idempotent, so running a job twice is harmless.
import PgBoss from 'pg-boss';
import { MarsadError } from '../../core/errors.js';
import { runJob, type Job, type JobHandler, type JobQueue, type QueueCounts, type WorkOptions } from '../queue.js';

const IDLE_POLL_MS = 250;
// a worker killed mid-job gives its job back after this long
const EXPIRE_SECONDS = 300;

export class PgQueue implements JobQueue {
  private stopping = false;
  private stopped = false;
  private running: Promise<unknown> | null = null;
  private readonly known = new Set<string>();

  private constructor(private readonly boss: PgBoss) {}

  static async start(url: string): Promise<PgQueue> {
    const boss = new PgBoss({ connectionString: url, max: 6 });
    boss.on('error', () => {}); // maintenance hiccups are retried by pg-boss itself
    try {
      await boss.start();
    } catch (e) {
      throw new MarsadError('E_DB', `job queue: ${(e as Error).message}`);
    }
    return new PgQueue(boss);
  }

  private async ensureQueue(name: string): Promise<void> {
    if (this.known.has(name)) return;
    if (!(await this.boss.getQueue(name))) {
      try {
        await this.boss.createQueue(name, { name, retryLimit: 2, expireInSeconds: EXPIRE_SECONDS });
      } catch (e) {
        // another worker created it between our check and our insert
        if (!(await this.boss.getQueue(name))) throw e;
      }
    }
    this.known.add(name);
  }

  async enqueue<T>(name: string, data: T, opts: { key?: string } = {}): Promise<string | null> {
    await this.ensureQueue(name);
    if (opts.key) {
      // pg-boss enforces keys only under queue policies that also limit un-keyed jobs, so a keyed
      // job is checked here; a rare race queues it twice, which idempotent handlers tolerate
      const { rows } = await this.boss
        .getDb()
        .executeSql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`, [name, opts.key]);
      if (rows.length) return null;
    }
    return this.boss.send(name, data as object, opts.key ? { singletonKey: opts.key } : {});
  }

  async work(handlers: Record<string, JobHandler<any>>, opts: WorkOptions = {}): Promise<void> {
    this.stopping = false;
    const names = Object.keys(handlers);
    for (const n of names) await this.ensureQueue(n);
    const lane = async (offset: number) => {
      let turn = offset;
      while (!this.stopping) {
        let job: Job | null = null;
        for (let i = 0; i < names.length && !job; i++) {
          const name = names[(turn + i) % names.length];
          const [j] = await this.boss.fetch<unknown>(name, { batchSize: 1 });
          if (j) job = { id: j.id, name, data: j.data };
        }
        turn++;
        if (!job) {
          if (opts.untilIdle) {
            const c = await this.countsOf(names);
            if (c.queued === 0 && c.active === 0) return;
          }
          await new Promise((r) => setTimeout(r, IDLE_POLL_MS));
          continue;
        }
        const error = await runJob(handlers, job);
        if (error) await this.boss.fail(job.name, job.id, { message: error.message });
        else await this.boss.complete(job.name, job.id);
        opts.onDone?.(job, error);
      }
    };
    this.running = Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, (_, i) => lane(i)));
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Let running jobs finish, then close pg-boss; safe to call more than once. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => {});
    if (this.stopped) return;
    this.stopped = true;
    await this.boss.stop({ graceful: true, wait: true });
  }

  private async countsOf(names: string[]): Promise<QueueCounts> {
    const { rows } = await this.boss
      .getDb()
      .executeSql(`SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY state`, [names]);
    const c: QueueCounts = { queued: 0, active: 0, done: 0, failed: 0 };
    for (const r of rows) {
      const k = r.state === 'created' || r.state === 'retry' ? 'queued' : r.state === 'completed' ? 'done' : r.state === 'active' ? 'active' : 'failed';
      c[k] += r.n;
    }
    return c;
  }

  async counts(name?: string): Promise<QueueCounts> {
    const names = name ? [name] : (await this.boss.getQueues()).map((q) => q.name);
    return this.countsOf(names);
  }
}
