// What the knowledge base knows about one name: places, organisations, nationality, the person id
// a name would get, and sanctions matches. Backs `marsad entity lookup`.
import { placeCandidates, countryPlace, placeScore, type Place } from './gazetteer.js';
import { findOrg, type Organization } from './organizations.js';
import { countryOfAdjective } from './adjectives.js';
import { personId, personKey, romanizeName } from './names.js';
import { screenName } from './sanctions.js';
import type { SanctionsHit } from '../core/types.js';

export interface LookupResult {
  query: string;
  places: Array<Pick<Place, 'id' | 'kind' | 'name' | 'nameAr' | 'country' | 'lat' | 'lon' | 'population'>>;
  organization: (Pick<Organization, 'id' | 'name' | 'nameAr' | 'kind' | 'parent' | 'designations' | 'sources'> & { aliases: string[] }) | null;
  nationality: { country: string; name: string } | null;
  person: { id: string; name: string; key: string };
  sanctions: SanctionsHit[];
}

export function lookup(name: string, limit = 5): LookupResult {
  const places = placeCandidates(name)
    .map((p) => ({ p, s: placeScore(p, name, new Set()) }))
    .sort((a, b) => b.s - a.s || (a.p.id < b.p.id ? -1 : 1))
    .slice(0, limit)
    .map(({ p }) => ({ id: p.id, kind: p.kind, name: p.name, nameAr: p.nameAr, country: p.country, lat: p.lat, lon: p.lon, population: p.population }));
  const o = findOrg(name);
  const iso = countryOfAdjective(name);
  return {
    query: name,
    places,
    organization: o
      ? { id: o.id, name: o.name, nameAr: o.nameAr, kind: o.kind, parent: o.parent, aliases: [...o.ar, ...o.en], designations: o.designations, sources: o.sources }
      : null,
    nationality: iso ? { country: iso, name: countryPlace(iso)?.name ?? iso } : null,
    person: { id: personId(name), name: romanizeName(name), key: personKey(name) },
    sanctions: screenName(name, { threshold: 0.6 }),
  };
}
