// `marsad incidents`: thin — parse, call listIncidents, present as JSON, CSV or GeoJSON.
import { parseOptions, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { listIncidents } from '../../commands/incidents.js';
import { formatIncidents, type IncidentFormat } from '../../commands/incident-formats.js';
import { withStore } from '../../commands/with-store.js';

export const help = `Usage: marsad incidents [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--country CC] [--group ORG]
                        [--format json|csv|geojson] [--limit N] [--db PATH|URL]

List incidents: reports of the same event from several sources and languages, linked into one.
Each incident carries every report and its figures with their provenance (killed: the most cited
value, ties to the most recent report, with the range reported).

Options:
  --since, --until  incidents whose dates overlap this span
  --country CC      ISO 3166-1 alpha-2 country (IQ, SY, NG…)
  --group ORG       organisation id or name (org:isis, isis)
  --format          json (default, full detail), csv (one row per incident), geojson (points)
  --limit N         at most N incidents, newest first (default 1000)
  --db              store: a SQLite path (default ./data/marsad.db, or MARSAD_DB) or postgres://…

Examples:
  marsad incidents --since 2024-01-01 --country IQ
  marsad incidents --group isis --format csv > incidents.csv
  marsad incidents --format geojson > incidents.geojson
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    since: { type: 'string' },
    until: { type: 'string' },
    country: { type: 'string' },
    group: { type: 'string' },
    format: { type: 'string' },
    limit: { type: 'string' },
    db: { type: 'string' },
  });
  if (positionals.length) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}"`);
  const format = (values.format ?? 'json') as IncidentFormat;
  if (!['json', 'csv', 'geojson'].includes(format)) throw new MarsadError('E_USAGE', `--format must be json, csv or geojson (got "${format}")`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new MarsadError('E_USAGE', '--limit must be a positive whole number');
  const incidents = await withStore(values.db, (store) =>
    listIncidents(store, { since: values.since, until: values.until, country: values.country, group: values.group, limit }),
  );
  io.stdout.write(formatIncidents(incidents, format));
  return 0;
}
