// The knowledge base: places, organisations, people and sanctions screening. Data is immutable and
// loaded lazily once per process; every function here is pure over it.
export { resolvePlace, placeCandidates, placeBySkeleton, countryPlace, gazetteer, type Place, type PlaceKind } from './gazetteer.js';
export { findOrg, orgById, registry, type Organization, type Designation, type OrgKind } from './organizations.js';
export { countryOfAdjective } from './adjectives.js';
export { personId, personKey, romanizeName, romanizeToken, nameTokens } from './names.js';
export { screenName, sanctionsRecord, type SanctionsRecord } from './sanctions.js';
export { skeleton, sameNameToken } from './translit.js';
export { linkDocument } from './link.js';
export { lookup, type LookupResult } from './lookup.js';
