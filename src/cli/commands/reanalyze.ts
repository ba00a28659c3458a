// `marsad reanalyze`: thin — re-run analysis in this process, or queue it for workers.
import { parseOptions, writeLine, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { enqueueReanalysis, reanalyze } from '../../commands/reanalyze.js';
import { withStore } from '../../commands/with-store.js';
import { openQueue } from '../../store/open.js';

export const help = `Usage: marsad reanalyze [--all] [--queue] [--json] [--db PATH|URL]

Re-run the analysis pipeline on stored documents whose analysis came from another model version
(all documents with --all), from the text extracted when they were fetched. The new analysis and
entity links replace the old; if the new cleaner cleans the text differently, the stored cleaned
text and its search entry follow. Sources, raw bytes and extracted text are kept. Run it after an
upgrade changes the model version (the \`model\` field of every analysis).

Options:
  --all     re-analyse every document, not only stale ones
  --queue   queue the work in batches for \`marsad worker\` processes instead of doing it here
  --json    print the report as JSON
  --db      store: a SQLite path (default ./data/marsad.db, or MARSAD_DB) or postgres://…

Examples:
  marsad reanalyze
  marsad reanalyze --all --db postgres://marsad@db/marsad --queue
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    all: { type: 'boolean' },
    queue: { type: 'boolean' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  });
  if (positionals.length) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}"`);
  return withStore(values.db, async (store, location) => {
    if (values.queue) {
      const queue = await openQueue(store, location);
      try {
        const jobs = await enqueueReanalysis(store, queue, { all: values.all });
        writeLine(values.json ? io.stdout : io.stderr, values.json ? JSON.stringify({ queued: jobs }) : `queued ${jobs} re-analysis job(s)`);
      } finally {
        await queue.stop();
      }
      return 0;
    }
    const report = await reanalyze(store, {
      all: values.all,
      onProgress: io.interactive ? (n) => io.stderr.write(`\rre-analysed ${n}`) : undefined,
    });
    if (io.interactive && report.checked) io.stderr.write('\n');
    if (values.json) writeLine(io.stdout, JSON.stringify(report, null, 2));
    else writeLine(io.stdout, `${report.updated} re-analysed with ${report.modelVersion}, ${report.failed} failed (of ${report.checked})`);
    for (const f of values.json ? [] : report.failures.slice(0, 20)) writeLine(io.stderr, `  #${f.id}: ${f.code}: ${f.message}`);
    return report.failed ? 1 : 0;
  });
}
