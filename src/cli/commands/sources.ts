// `marsad sources`: add, list, poll and remove feeds. Health (last success, last error code,
// items seen, next poll) is what `list` shows, so a broken feed is visible at a glance.
import { parseOptions, writeLine, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { openStore, resolveDbLocation } from '../../store/open.js';
import type { Source, Store } from '../../store/store.js';
import { AllowList } from '../../ingest/address-policy.js';
import { DEFAULT_EVERY_SECONDS, pollDue, pollSource, runSchedule, type PollReport } from '../../ingest/feed-poll.js';
import { summaryLine } from '../../ingest/ingest.js';
import { StoreLinker } from '../../link/store-linker.js';

export const help = `Usage: marsad sources add URL [--every 5m] [--name NAME]
       marsad sources list [--json]
       marsad sources poll [--all | ID…] [--json]
       marsad sources poll --loop
       marsad sources remove ID

Manage RSS, Atom and JSON Feed sources. Polling uses conditional GET (ETag, Last-Modified),
fetches the full article when a feed item is only a summary, and stores every new item.
A failing feed records its error code and is retried later, waiting twice as long after each
consecutive failure (up to a day).

Subcommands:
  add URL        register a feed (http or https); it is due for polling at once
  list           sources with their health: last success, last error, items seen, next poll
  poll           poll the sources that are due; --all polls every feed; IDs poll those;
                 --loop keeps polling each feed on its schedule until Ctrl-C (or run it from cron)
  remove ID      forget a source (its stored documents stay)

Options:
  --every DUR    poll interval: 90s, 5m, 2h, 1d (default 15m)
  --name NAME    a display name
  --json         machine-readable output
  --db DB        store location (default $MARSAD_DB or ./data/marsad.db)
  --allow-host HOST   let the fetch guard reach HOST (name, address or CIDR), as MARSAD_ALLOW_HOSTS does

Examples:
  marsad sources add https://example.org/feed.xml --every 10m --name "Example News"
  marsad sources poll
  marsad sources list
`;

/** "90s", "5m", "2h", "1d", or plain seconds → seconds. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/i.exec(s.trim());
  if (!m) throw new MarsadError('E_USAGE', `--every must look like 90s, 5m, 2h or 1d (got "${s}")`);
  const seconds = Math.round(Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's').toLowerCase() as 's']);
  if (seconds < 10) throw new MarsadError('E_USAGE', '--every must be at least 10s');
  return seconds;
}

export function formatDuration(seconds: number | null): string {
  if (!seconds) return '-';
  for (const [unit, n] of [['d', 86400], ['h', 3600], ['m', 60]] as const) if (seconds % n === 0) return `${seconds / n}${unit}`;
  return `${seconds}s`;
}

const short = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) : '-');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd()).join('\n');
}

function listText(sources: Source[]): string {
  if (sources.length === 0) return 'no sources (add one with: marsad sources add URL)';
  const rows = [['ID', 'KIND', 'NAME', 'EVERY', 'LAST SUCCESS', 'LAST ERROR', 'ITEMS', 'NEXT POLL', 'URL']];
  for (const s of sources) {
    const h = s.health;
    rows.push([String(s.id), s.kind, s.name ?? '-', formatDuration(s.everySeconds), short(h.lastSuccessAt),
      h.lastErrorCode ? `${h.lastErrorCode}${h.failures ? ` ×${h.failures}` : ''}` : '-', String(h.itemsSeen), short(h.nextPollAt), s.url]);
  }
  return table(rows);
}

function pollLine(r: PollReport, s: Source | undefined): string {
  const name = s?.name ?? s?.url ?? `#${r.sourceId}`;
  if (!r.ok) return `${r.sourceId} ${name}: ${r.code}: ${r.message} (next try ${short(r.nextPollAt)})`;
  if (r.notModified) return `${r.sourceId} ${name}: not modified`;
  return `${r.sourceId} ${name}: ${summaryLine(r)}`;
}

async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbLocation(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function sourceId(s: string): number {
  if (!/^\d+$/.test(s)) throw new MarsadError('E_USAGE', `source ID must be a number (got "${s}")`);
  return Number(s);
}

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    every: { type: 'string' },
    name: { type: 'string' },
    all: { type: 'boolean' },
    loop: { type: 'boolean' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    'allow-host': { type: 'string', multiple: true },
  });
  const [sub, ...rest] = positionals;
  const out = (v: unknown, text: string) => writeLine(io.stdout, values.json ? JSON.stringify(v) : text);
  switch (sub) {
    case 'add': {
      if (rest.length !== 1) throw new MarsadError('E_USAGE', 'sources add needs exactly one URL');
      let url: URL;
      try {
        url = new URL(rest[0]);
      } catch {
        throw new MarsadError('E_USAGE', `not a URL: ${rest[0]}`);
      }
      if (!/^https?:$/.test(url.protocol)) throw new MarsadError('E_USAGE', 'feeds must be http or https URLs');
      const everySeconds = values.every ? parseDuration(values.every) : DEFAULT_EVERY_SECONDS;
      return withStore(values.db, async (store) => {
        const s = await store.addSource({ kind: 'feed', url: url.href, name: values.name ?? null, everySeconds });
        out(s, `added source ${s.id}: ${s.url} (every ${formatDuration(s.everySeconds)})`);
        return 0;
      });
    }
    case 'list':
      return withStore(values.db, async (store) => {
        const sources = await store.listSources();
        out(sources, listText(sources));
        return 0;
      });
    case 'poll': {
      const allow = new AllowList([...(process.env.MARSAD_ALLOW_HOSTS ?? '').split(/[\s,]+/), ...(values['allow-host'] ?? [])]);
      return withStore(values.db, async (store) => {
        const linker = new StoreLinker(store);
        const opts = { guard: { allow }, linker };
        if (values.loop) {
          const ctl = new AbortController();
          const stop = () => ctl.abort();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          writeLine(io.stderr, 'polling feeds on their schedules (Ctrl-C to stop)');
          const byId = new Map((await store.listSources()).map((s) => [s.id, s]));
          try {
            await runSchedule(store, { ...opts, signal: ctl.signal, onPoll: (r) => writeLine(io.stdout, values.json ? JSON.stringify(r) : pollLine(r, byId.get(r.sourceId))) });
          } finally {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
          }
          return 0;
        }
        let reports: PollReport[];
        if (rest.length > 0) {
          reports = [];
          for (const id of rest.map(sourceId)) {
            const s = await store.getSource(id);
            if (!s) throw new MarsadError('E_NOT_FOUND', `no source ${id}`);
            reports.push(await pollSource(store, s, opts));
          }
        } else reports = await pollDue(store, { ...opts, all: values.all });
        const byId = new Map((await store.listSources()).map((s) => [s.id, s]));
        if (values.json) writeLine(io.stdout, JSON.stringify(reports));
        else if (reports.length === 0) writeLine(io.stdout, 'no source is due (use --all to poll every feed)');
        else for (const r of reports) writeLine(io.stdout, pollLine(r, byId.get(r.sourceId)));
        return reports.some((r) => !r.ok) ? 1 : 0;
      });
    }
    case 'remove': {
      if (rest.length !== 1) throw new MarsadError('E_USAGE', 'sources remove needs one ID');
      const id = sourceId(rest[0]);
      return withStore(values.db, async (store) => {
        if (!(await store.removeSource(id))) throw new MarsadError('E_NOT_FOUND', `no source ${id}`);
        out({ removed: id }, `removed source ${id}`);
        return 0;
      });
    }
    default:
      throw new MarsadError('E_USAGE', sub ? `unknown subcommand "${sub}" (add, list, poll, remove)` : 'sources needs a subcommand: add, list, poll or remove');
  }
}
