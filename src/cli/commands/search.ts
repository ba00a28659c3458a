// `marsad search QUERY`: thin — parse, call searchDocuments, print.
import { parseOptions, writeLine, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { searchDocuments } from '../../commands/search.js';
import { withStore } from '../../commands/with-store.js';

export const help = `Usage: marsad search QUERY [--json] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--lang ar|en] [--limit N] [--db PATH|URL]

Full-text search of stored articles, Arabic or English. Every word must occur; diacritics, alef
forms, ta marbuta, tatweel and the article or و glued to a word do not matter (هجوم finds
"والهجوم" and "هُجُوم"). End a word with * to match its beginning (ambul*).

Options:
  --json            one JSON array of hits {id, title, snippet, published, language, url, score}
  --since, --until  published (or first seen) within these days
  --lang            only documents in this language
  --limit N         at most N hits (default 20)
  --db              store: a SQLite path (default ./data/marsad.db, or MARSAD_DB) or postgres://…

Examples:
  marsad search "هجوم انتحاري"
  marsad search الموصل --since 2024-01-01 --json
  marsad search "suicide bomber" --lang en --db postgres://marsad@db/marsad
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean' },
    since: { type: 'string' },
    until: { type: 'string' },
    lang: { type: 'string' },
    limit: { type: 'string' },
    db: { type: 'string' },
  });
  const q = positionals.join(' ');
  if (!q.trim()) throw new MarsadError('E_USAGE', 'search needs a query (marsad search --help)');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const hits = await withStore(values.db, (store) =>
    searchDocuments(store, { q, since: values.since, until: values.until, lang: values.lang, limit }),
  );
  if (values.json) {
    writeLine(io.stdout, JSON.stringify(hits, null, 2));
    return 0;
  }
  if (hits.length === 0) writeLine(io.stderr, 'no matches');
  for (const h of hits) {
    writeLine(io.stdout, `#${h.id}  ${h.published ?? '—'}  ${h.title ?? '(untitled)'}`);
    writeLine(io.stdout, `    ${h.snippet}`);
  }
  return 0;
}
