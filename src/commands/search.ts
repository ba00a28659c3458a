// Full-text search as a command: validated query in, hits out; the CLI and the HTTP API present them.
import { MarsadError } from '../core/errors.js';
import { isIsoDay } from '../core/dates.js';
import type { SearchHit, SearchQuery, Store } from '../store/store.js';

export interface SearchParams {
  q: string;
  since?: string;
  until?: string;
  lang?: string;
  sourceId?: number;
  limit?: number;
  offset?: number;
}

export function checkDay(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isIsoDay(v)) throw new MarsadError('E_BAD_DATE', `${name} "${v}" is not a valid YYYY-MM-DD`);
  return v;
}

export async function searchDocuments(store: Store, p: SearchParams): Promise<SearchHit[]> {
  if (p.q.trim() === '') throw new MarsadError('E_USAGE', 'search needs a query');
  if (p.lang !== undefined && !/^[a-z]{2}$/.test(p.lang)) throw new MarsadError('E_USAGE', `--lang must be a two-letter code (got "${p.lang}")`);
  const limit = p.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new MarsadError('E_USAGE', '--limit must be 1..1000');
  const query: SearchQuery = {
    q: p.q,
    since: checkDay('--since', p.since),
    until: checkDay('--until', p.until),
    language: p.lang,
    sourceId: p.sourceId,
    limit,
    offset: p.offset ?? 0,
  };
  return store.search(query);
}
