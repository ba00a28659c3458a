import { describe, expect, it } from 'vitest';
import type { Incident } from '../store/store.js';
import { incidentsToCsv, incidentsToGeoJson } from './incident-formats.js';

const figure = (value: number | null) => ({ value, approx: false, min: value, max: value, reports: [] });
const incident = (id: number, lat?: number): Incident => ({
  id,
  type: 'attack',
  date: { start: '2024-03-10', end: '2024-03-11' },
  location: { name: 'Mosul, "old city"', nameAr: 'الموصل', country: 'IQ', ...(lat !== undefined ? { lat, lon: 43.13 } : {}) },
  country: 'IQ',
  organization: 'org:isis',
  attackTypes: ['bombing', 'suicide-bombing'],
  createdAt: '2024-03-10T00:00:00.000Z',
  reports: [],
  killed: figure(4),
  injured: figure(null),
});

describe('incident formats', () => {
  it('writes one CSV row per incident, quoting where needed', () => {
    const lines = incidentsToCsv([incident(1, 36.34)]).trimEnd().split('\n');
    expect(lines[0].split(',')[0]).toBe('id');
    expect(lines[1]).toBe('1,attack,2024-03-10,2024-03-11,IQ,"Mosul, ""old city""",36.34,43.13,org:isis,bombing suicide-bombing,4,4,4,,,,0,');
  });

  it('writes GeoJSON points in [lon, lat] order and leaves out incidents without coordinates', () => {
    const g = incidentsToGeoJson([incident(1, 36.34), incident(2)]);
    expect(g.type).toBe('FeatureCollection');
    expect(g.features).toHaveLength(1);
    expect(g.features[0].geometry).toEqual({ type: 'Point', coordinates: [43.13, 36.34] });
    expect(g.features[0].properties).toMatchObject({ killed: 4, placeAr: 'الموصل', reports: 0 });
  });
});
