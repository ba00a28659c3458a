// `marsad worker`: thin — open the store and its queue, run jobs until stopped (or idle).
import { parseOptions, writeLine, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { runWorker } from '../../commands/worker.js';
import { withStore } from '../../commands/with-store.js';
import { openQueue } from '../../store/open.js';

export const help = `Usage: marsad worker [--db PATH|URL] [--concurrency N] [--until-idle] [--quiet]

Process queued jobs (ingest-items, reanalyze) from the store's durable queue. With PostgreSQL
(pg-boss) any number of workers on any number of machines share the work; with SQLite the
workers must share the file's machine. A worker killed mid-job loses nothing: the job runs again
and stores nothing twice. Prints one JSON line per finished job on stdout unless --quiet.
SIGINT/SIGTERM finish the running jobs, then exit.

Options:
  --concurrency N   jobs at once in this process (default 1)
  --until-idle      exit when no job is queued or running
  --quiet           no per-job lines
  --db              store: a SQLite path (default ./data/marsad.db, or MARSAD_DB) or postgres://…

Examples:
  marsad worker --db postgres://marsad@db/marsad --concurrency 4
  marsad worker --until-idle
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    concurrency: { type: 'string' },
    'until-idle': { type: 'boolean' },
    quiet: { type: 'boolean' },
    db: { type: 'string' },
  });
  if (positionals.length) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}"`);
  const concurrency = Number(values.concurrency ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new MarsadError('E_USAGE', '--concurrency must be 1..64');
  let failed = 0;
  await withStore(values.db, async (store, location) => {
    const queue = await openQueue(store, location);
    const stop = () => void queue.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await runWorker(store, queue, {
        concurrency,
        untilIdle: values['until-idle'],
        onDone: (job, error) => {
          if (error) failed++;
          if (!values.quiet) writeLine(io.stdout, JSON.stringify({ job: job.id, name: job.name, ok: !error, ...(error ? { error: error.message } : {}) }));
        },
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await queue.stop();
    }
  });
  return failed ? 1 : 0;
}
