// Incident presenters shared by the CLI and the HTTP exports: JSON, CSV (one row per incident)
// and GeoJSON (a FeatureCollection of points, incidents without coordinates left out).
import type { Incident } from '../store/store.js';

export type IncidentFormat = 'json' | 'csv' | 'geojson';

const CSV_COLUMNS = [
  'id', 'type', 'date_start', 'date_end', 'country', 'location', 'lat', 'lon', 'organization', 'attack_types',
  'killed', 'killed_min', 'killed_max', 'injured', 'injured_min', 'injured_max', 'reports', 'document_ids',
] as const;

function csvCell(v: unknown): string {
  const s = v == null ? '' : String(v);
  // quote anything a spreadsheet could misread; a leading = + - @ is neutralised against formula injection
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? "'" + s : s;
  return /[",\n\r]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}

export function incidentsToCsv(incidents: Incident[]): string {
  const rows = incidents.map((i) => [
    i.id, i.type, i.date?.start, i.date?.end, i.country, i.location?.name, i.location?.lat, i.location?.lon, i.organization,
    i.attackTypes.join(' '), i.killed.value, i.killed.min, i.killed.max, i.injured.value, i.injured.min, i.injured.max,
    i.reports.length, i.reports.map((r) => r.documentId).join(' '),
  ]);
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

export function incidentsToGeoJson(incidents: Incident[]) {
  return {
    type: 'FeatureCollection' as const,
    features: incidents
      .filter((i) => typeof i.location?.lat === 'number' && typeof i.location?.lon === 'number')
      .map((i) => ({
        type: 'Feature' as const,
        id: i.id,
        // GeoJSON order is [longitude, latitude]
        geometry: { type: 'Point' as const, coordinates: [i.location!.lon!, i.location!.lat!] },
        properties: {
          type: i.type,
          date: i.date,
          country: i.country,
          place: i.location!.name,
          placeAr: i.location!.nameAr ?? null,
          organization: i.organization,
          attackTypes: i.attackTypes,
          killed: i.killed.value,
          injured: i.injured.value,
          reports: i.reports.length,
        },
      })),
  };
}

export function formatIncidents(incidents: Incident[], format: IncidentFormat): string {
  if (format === 'csv') return incidentsToCsv(incidents);
  if (format === 'geojson') return JSON.stringify(incidentsToGeoJson(incidents), null, 2) + '\n';
  return JSON.stringify(incidents, null, 2) + '\n';
}
