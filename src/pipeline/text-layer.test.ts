import { describe, expect, it } from 'vitest';
import { createContext } from '../core/context.js';
import { newDocument } from '../core/types.js';
import { datesStage } from './dates.js';
import { languageStage } from './language.js';
import { numbersStage } from './numbers.js';
import { segmentStage } from './segment.js';

// Invented articles in the style of wire reports; they exercise every annotation kind at once.
const articles: Array<[string, string]> = [
  ['2020-04-29', 'هجوم جديد في الشمال\n\nقُتل خمسةٌ وعشرون شخصًا وأصيب نحو ٤٠ آخرين أمس الثلاثاء في انفجار سيارتين مفخختين لـ«التنظيم»، بحسب ما أعلنت الشرطة.\n\n  • خلفية ..\n\nوكانت الجماعة قد نفذت هجمات مماثلة في أواخر عام 2014، ثم في نوفمبر/ تشرين الثاني 2015، وبعدها بأربعة أشهر. وتخشى السلطات تصعيدًا خلال شهر رمضان الجاري.'],
  ['2017-03-24', 'Attack near parliament\n\nFour people were killed and at least 40 injured on Wednesday when a car hit pedestrians, police said. Dozens were treated in hospital. The group claimed a similar attack in November 2015; a second came four months later.'],
];

describe('text layer on whole documents', () => {
  it.each(articles)('published %s: every span indexes doc.text exactly', (published, text) => {
    const doc = newDocument({ raw: text, published });
    const ctx = createContext();
    for (const stage of [languageStage, segmentStage, datesStage, numbersStage]) stage(doc, ctx);
    expect(doc.tokens.length).toBeGreaterThan(20);
    expect(doc.dates.length).toBeGreaterThanOrEqual(3);
    expect(doc.numbers.length).toBeGreaterThanOrEqual(2);
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    for (const x of [...doc.dates, ...doc.numbers]) expect(doc.text.slice(x.start, x.end)).toBe(x.text);
    for (const s of doc.sentences) expect(s.end).toBeGreaterThan(s.start);
  });

  it('marks numbers inside dates as dates, not counts', () => {
    const doc = newDocument({ raw: 'قتل 3 أشخاص في 22 مارس 2017.', published: '2017-04-01', language: 'ar' });
    const ctx = createContext();
    for (const stage of [segmentStage, datesStage, numbersStage]) stage(doc, ctx);
    expect(doc.numbers.map((n) => [n.text, n.unit])).toEqual([['3', undefined], ['22', 'date'], ['2017', 'date']]);
  });

  it('resolves the Arabic article dates against publication', () => {
    const doc = newDocument({ raw: articles[0][1], published: articles[0][0] });
    const ctx = createContext();
    for (const stage of [languageStage, segmentStage, datesStage, numbersStage]) stage(doc, ctx);
    expect(doc.dates.map((d) => [d.text, d.value.start, d.value.end])).toEqual([
      ['أمس الثلاثاء', '2020-04-28', '2020-04-28'],
      ['أواخر عام 2014', '2014-09-01', '2014-12-31'],
      ['نوفمبر/ تشرين الثاني 2015', '2015-11-01', '2015-11-30'],
      ['بعدها بأربعة أشهر', '2016-03-01', '2016-03-31'],
      ['شهر رمضان الجاري', '2020-04-24', '2020-05-23'],
    ]);
    expect(doc.numbers.filter((n) => !n.unit).map((n) => [n.text, n.value, n.approx])).toEqual([
      ['خمسةٌ وعشرون', 25, false],
      ['٤٠', 40, true],
      ['سيارتين', 2, false],
    ]);
    expect(doc.sentences.filter((s) => s.heading).length).toBe(2);
  });
});
