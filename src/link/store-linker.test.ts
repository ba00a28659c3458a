import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { IncidentQuery } from '../store/store.js';
import { linkIncidents } from './store-linker.js';
import { analysis, attack, PLACES, SAME_ATTACK } from './test-support/analyses.js';

const day = (d: string) => ({ start: d, end: d });

describe('linkIncidents', () => {
  let store: SqliteStore;
  let source: number;
  /** what the linker asked listIncidents for, and how many incidents came back */
  let asked: Array<{ query: IncidentQuery; got: number }>;

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    source = (await store.addSource({ kind: 'file', url: 'file:///linker-test' })).id;
    asked = [];
    const list = store.listIncidents.bind(store);
    store.listIncidents = async (query?: IncidentQuery) => {
      const got = await list(query);
      asked.push({ query: query ?? {}, got: got.length });
      return got;
    };
  });
  afterEach(() => store.close());

  async function stored(i: number, a: ReturnType<typeof analysis>): Promise<number> {
    return (await store.putDocument({ sourceId: source, externalId: `d${i}`, fetchedAt: '2024-03-15T00:00:00Z', raw: `t${i}`, extracted: `t${i}`, text: `نص ${i}`, analysis: a })).id;
  }

  /** an incident with one stored report of this attack, as linking would have left it */
  async function incident(i: number, country: string | null, event: ReturnType<typeof attack>): Promise<number> {
    const id = await stored(100 + i, analysis('ar', event.date!.start, [event]));
    const incidentId = await store.createIncident({ type: 'attack', date: event.date, location: event.location, country, organization: null, attackTypes: event.attackTypes });
    await store.attachReport(incidentId, { documentId: id, eventIndex: 0, event });
    return incidentId;
  }

  it('reads only incidents within a day of the report in its country (or none), and joins the right one', async () => {
    // twenty incidents on the same day elsewhere, one in the report's country three days before
    for (let i = 0; i < 20; i++) await incident(i, 'AF', attack({ date: day('2024-03-14'), location: PLACES.kabul, attackTypes: ['bombing'] }));
    await incident(20, 'IQ', attack({ date: day('2024-03-11'), location: PLACES.baghdad, attackTypes: ['bombing'] }));
    const baghdadNoCountry = { name: 'Baghdad', nameAr: 'بغداد', country: null };
    const placeless = await incident(21, null, attack({ date: day('2024-03-14'), location: baghdadNoCountry, attackTypes: ['bombing'] }));
    asked = [];

    const first = await stored(1, SAME_ATTACK[0]);
    const [joined] = await linkIncidents(store, first, SAME_ATTACK[0]);
    expect(joined).toMatchObject({ incidentId: placeless, created: false });
    expect(asked).toEqual([{ query: expect.objectContaining({ country: 'IQ', orNoCountry: true, since: '2024-03-13', until: '2024-03-15' }), got: 1 }]);

    const second = await stored(2, SAME_ATTACK[2]);
    expect((await linkIncidents(store, second, SAME_ATTACK[2]))[0]).toMatchObject({ incidentId: placeless, created: false });
    expect((await store.getIncident(placeless))!.reports.map((r) => r.documentId).slice(1)).toEqual([first, second]);
  });

  it('founds an incident when nothing in the window and country matches', async () => {
    await incident(0, 'AF', attack({ date: day('2024-03-14'), location: PLACES.kabul, attackTypes: ['bombing'] }));
    asked = [];
    const a = analysis('ar', '2024-03-14', [attack({ date: day('2024-03-14'), location: PLACES.mosul, attackTypes: ['shooting'] })]);
    const id = await stored(3, a);
    const [created] = await linkIncidents(store, id, a);
    expect(created.created).toBe(true);
    expect(asked[0].got).toBe(0);
    expect((await store.getIncident(created.incidentId))!.country).toBe('IQ');
  });
});
