// `marsad ingest`: files, folders and URLs into the store, with a progress bar when interactive
// and one summary line at the end.
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { parseOptions, writeLine, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { openStore, resolveDbLocation } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { AllowList } from '../../ingest/address-policy.js';
import { fileKind, fileSource, readFileItems, walk } from '../../ingest/files.js';
import { emptyReport, ingest, mergeReport, summaryLine } from '../../ingest/ingest.js';
import type { Yielded } from '../../ingest/item.js';
import { failed } from '../../ingest/item.js';
import { watchPaths } from '../../ingest/watch.js';
import { webItem } from '../../ingest/web.js';
import { StoreLinker } from '../../link/store-linker.js';

export const help = `Usage: marsad ingest PATH|URL… [--watch] [--db DB] [--json] [--allow-host HOST]

Read articles into the store: each one is analysed, stored once (exact duplicates fold into the
first copy, with every source kept), linked to its near-duplicates and to incidents.

Inputs:
  *.txt *.md           one article per file, UTF-8 or windows-1256
  *.html *.htm         a saved page; the article body is extracted
  *.jsonl *.ndjson     records {"id","text","published"?,"title"?,"url"?}, one per line
  *.eml                e-mail messages (text part, or the HTML part's article)
  result.json          a Telegram Desktop channel or account export
  http(s)://…          a web page, fetched through the fetch guard
  folders              walked recursively; other file types are passed over

A bad file, line or page is reported (with a code such as E_BAD_JSON, E_NOT_TEXT, E_FETCH_BLOCKED)
and the run goes on; nothing already stored is changed.

Options:
  --watch             after the first pass, keep watching the folders and ingest new or changed files
  --db DB             store location: a SQLite path or postgres:// URL (default $MARSAD_DB or ./data/marsad.db)
  --json              print the run's report as JSON instead of the summary line
  --allow-host HOST   let the fetch guard reach HOST (name, address or CIDR), as MARSAD_ALLOW_HOSTS does

Exit codes: 0 every item went in; 1 some items failed (listed on stderr); 2 bad usage.

Examples:
  marsad ingest ./articles
  marsad ingest export/result.json mail/*.eml --db data/team.db
  marsad ingest https://example.org/news/1234 --json
  marsad ingest ./inbox --watch
`;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** The units of work: one per file (so the bar moves per file) or per URL. */
async function units(targets: string[], allow: AllowList): Promise<Array<{ label: string; items: () => AsyncIterable<Yielded> }>> {
  const out: Array<{ label: string; items: () => AsyncIterable<Yielded> }> = [];
  for (const t of targets) {
    if (isUrl(t)) {
      out.push({ label: t, items: async function* () { yield await webItem(t, { allow }); } });
      continue;
    }
    const source = fileSource(t);
    const info = await stat(t).catch(() => null);
    if (!info) {
      out.push({ label: t, items: async function* () { yield failed(t, 'E_NO_SUCH_FILE', `no such file or folder: ${t}`, source); } });
      continue;
    }
    for await (const file of walk(t)) {
      if (info.isDirectory() && !fileKind(file)) continue;
      out.push({ label: file, items: () => readFileItems(file, t, source) });
    }
  }
  return out;
}

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    watch: { type: 'boolean' },
    db: { type: 'string' },
    json: { type: 'boolean' },
    'allow-host': { type: 'string', multiple: true },
  });
  if (positionals.length === 0) throw new MarsadError('E_USAGE', 'ingest needs at least one PATH or URL (see marsad ingest --help)');
  if (values.watch && positionals.some(isUrl)) throw new MarsadError('E_USAGE', '--watch works on files and folders, not URLs');
  const allow = new AllowList([...(process.env.MARSAD_ALLOW_HOSTS ?? '').split(/[\s,]+/), ...(values['allow-host'] ?? [])]);
  const store = await openStore(resolveDbLocation(values.db));
  try {
    const linker = new StoreLinker(store);
    const work = await units(positionals, allow);
    const bar = io.interactive && !values.json ? new cliProgress.SingleBar({ stream: io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, format: 'ingest {bar} {value}/{total} files | {inserted} new, {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    const total = emptyReport();
    bar?.start(work.length, 0, { inserted: 0, failed: 0 });
    for (const u of work) {
      mergeReport(total, await ingest(store, u.items(), { linker, onItem: (o) => !o.ok && !bar && reportFailure(io, o.failure) }));
      bar?.increment(1, { inserted: total.inserted, failed: total.failed });
    }
    bar?.stop();
    if (bar) for (const f of total.failures) reportFailure(io, f);
    writeLine(io.stdout, values.json ? JSON.stringify(total) : summaryLine(total));
    if (values.watch) await watchLoop(store, linker, positionals, io, Boolean(values.json));
    return total.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

function reportFailure(io: IO, f: { where: string; code: string; message: string }): void {
  writeLine(io.stderr, `${f.where}: ${f.code}: ${f.message}`);
}

/** Watch until SIGINT/SIGTERM, ingesting each new or changed file. */
async function watchLoop(store: Store, linker: StoreLinker, roots: string[], io: IO, json: boolean): Promise<void> {
  const ctl = new AbortController();
  const onSignal = () => ctl.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  writeLine(io.stderr, `watching ${roots.join(', ')} (Ctrl-C to stop)`);
  try {
    await watchPaths(roots, async (root, file) => {
      const r = await ingest(store, readFileItems(file, root, fileSource(root)), { linker, onItem: (o) => !o.ok && reportFailure(io, o.failure) });
      writeLine(io.stdout, json ? JSON.stringify({ file, ...r }) : `${file}: ${summaryLine(r)}`);
    }, { signal: ctl.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
