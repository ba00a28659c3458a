// An incident's figures from its reports: the most cited value (ties: the most recent report),
// with the range reported and every report that gave a value, so a number always says where it
// comes from.
import type { Figure, IncidentReport } from './store.js';

/** Used by the store (incidents as stored) and the linker (clusters before they are stored). */
export function figureOf(reports: ReadonlyArray<Pick<IncidentReport, 'documentId' | 'event' | 'published'>>, field: 'killed' | 'injured'): Figure {
  const given = reports
    .filter((r) => typeof r.event[field] === 'number')
    .map((r) => ({
      documentId: r.documentId,
      value: r.event[field] as number,
      approx: Boolean(r.event[field === 'killed' ? 'killedApprox' : 'injuredApprox']),
      published: r.published,
    }))
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.documentId - b.documentId);
  if (given.length === 0) return { value: null, approx: false, min: null, max: null, reports: [] };
  const count = new Map<number, number>();
  for (const g of given) count.set(g.value, (count.get(g.value) ?? 0) + 1);
  const top = Math.max(...count.values());
  // walk newest first: the first value with the top count is the most recent of the most cited
  const chosen = [...given].reverse().find((g) => count.get(g.value) === top)!;
  const values = given.map((g) => g.value);
  return {
    value: chosen.value,
    approx: chosen.approx,
    min: Math.min(...values),
    max: Math.max(...values),
    reports: given,
  };
}
