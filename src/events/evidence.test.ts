// Evidence spans index doc.text exactly, and the same input always gives the same events.
import { describe, expect, it } from 'vitest';
import { E, eventsOf, makeDoc, type DocSpec } from './test-fixtures.js';
import { extractEvents } from './extract.js';
import { createContext } from '../core/context.js';

const spec: DocSpec = {
  text:
    '  هجوم انتحاري في بغداد  \n\nقتل 12 شخصا في تفجير انتحاري في بغداد أمس.\n\n' +
    'وأعلن تنظيم داعش مسؤوليته عن الهجوم في بيان.\n\nوحذر مرصد الأزهر من هجمات جديدة خلال شهر رمضان.',
  published: '2021-04-20',
  entities: [E.baghdad, E.isis, E.observatory],
  dates: [{ surface: 'أمس', start: '2021-04-19' }, { surface: 'شهر رمضان', start: '2021-04-13', end: '2021-05-12', precision: 'range' }],
};

describe('evidence and determinism', () => {
  it('every evidence span is the exact slice of the text it names', () => {
    const doc = makeDoc(spec);
    const evs = extractEvents(doc, createContext());
    expect(evs.length).toBeGreaterThanOrEqual(3);
    for (const e of evs) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const s of e.evidence) {
        expect(doc.text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
      }
    }
  });

  it('ids follow the text order and the output is byte-identical on a second run', () => {
    const a = eventsOf(spec);
    const b = eventsOf(spec);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.map((e) => e.id)).toEqual(a.map((_, i) => `ev${i + 1}`));
  });

  it('an empty or eventless text gives no events', () => {
    expect(eventsOf({ text: '   ' })).toEqual([]);
    expect(eventsOf({ text: 'ارتفعت أسعار النفط اليوم في الأسواق العالمية.', published: '2020-01-01' })).toEqual([]);
  });
});
