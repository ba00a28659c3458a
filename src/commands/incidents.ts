// Listing incidents as a command: validated filters in, incidents (with figures and reports) out.
import { MarsadError } from '../core/errors.js';
import type { Incident, Store } from '../store/store.js';
import { checkDay } from './search.js';

export interface IncidentParams {
  since?: string;
  until?: string;
  country?: string;
  group?: string;
  limit?: number;
}

export async function listIncidents(store: Store, p: IncidentParams): Promise<Incident[]> {
  if (p.country !== undefined && !/^[A-Za-z]{2}$/.test(p.country)) {
    throw new MarsadError('E_USAGE', `--country must be an ISO 3166-1 alpha-2 code such as IQ (got "${p.country}")`);
  }
  // accept a bare name ("isis") as well as the entity id ("org:isis")
  const group = p.group === undefined ? undefined : p.group.includes(':') ? p.group : `org:${p.group.toLowerCase()}`;
  return store.listIncidents({
    since: checkDay('--since', p.since),
    until: checkDay('--until', p.until),
    country: p.country?.toUpperCase(),
    group,
    limit: p.limit,
  });
}
