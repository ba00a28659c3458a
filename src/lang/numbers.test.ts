import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers.js';
import { tokenize } from './tokenize.js';

// [text, expected mentions as [text, value, approx]]
type Row = [string, Array<[string, number, boolean]>];

const ar: Row[] = [
  ['قتل أربعة أشخاص في الهجوم', [['أربعة', 4, false]]],
  ['قتل ثلاث نساء وثلاثون رجلا', [['ثلاث', 3, false], ['ثلاثون', 30, false]]],
  ['قتل خمسة وعشرين شخصا', [['خمسة وعشرين', 25, false]]],
  ['أصيب مئة وعشرون شخصا', [['مئة وعشرون', 120, false]]],
  ['أصيب ثلاثمائة شخص', [['ثلاثمائة', 300, false]]],
  ['قتل أحد عشر جنديا', [['أحد عشر', 11, false]]],
  ['قتل اثنا عشر مدنيا', [['اثنا عشر', 12, false]]],
  ['أصيب عشرون وقتل عشرة', [['عشرون', 20, false], ['عشرة', 10, false]]],
  ['سقط قتيلين وجريحان', [['قتيلين', 2, false], ['جريحان', 2, false]]],
  ['قتل جنديين وشخصين', [['جنديين', 2, false], ['شخصين', 2, false]]],
  ['انفجرت سيارتين مفخختين', [['سيارتين', 2, false]]],
  ['بعد نحو 24 ساعة', [['24', 24, true]]],
  ['قتل قرابة ٤٠ شخصا', [['٤٠', 40, true]]],
  ['أصيب حوالي 12 شخصا', [['12', 12, true]]],
  ['قتل أكثر من ثلاثين مدنيا', [['ثلاثين', 30, true]]],
  ['أصيب ما يزيد على مئة شخص', [['مئة', 100, true]]],
  ['قتل عشرات المدنيين', [['عشرات', 20, true]]],
  ['فر مئات السكان', [['مئات', 200, true]]],
  ['نزح آلاف الأشخاص', [['آلاف', 2000, true]]],
  ['نزح عشرات الآلاف', [['عشرات الآلاف', 20000, true]]],
  ['شارك 12 ألف جندي', [['12 ألف', 12000, false]]],
  ['وصل عدد القتلى إلى ثلاثة آلاف', [['ثلاثة آلاف', 3000, false]]],
  ['قتل 3 وأصيب 25', [['3', 3, false], ['25', 25, false]]],
  ['قتل 3 و25 جريحا', [['3', 3, false], ['25', 25, false]]],
  ['فرض غرامة 1.5 مليون', [['1.5 مليون', 1500000, false]]],
  ['بلغ العدد ١٬٢٠٠ شخص', [['١٬٢٠٠', 1200, false]]],
  ['قتل 7 على الأقل', [['7', 7, true]]],
  ['اجتماع يوم الاثنين المقبل', []],
  ['قال أحد المسؤولين', []],
];

describe('findNumbers (Arabic)', () => {
  it.each(ar)('%s', (text, expected) => {
    const found = findNumbers(text, tokenize(text, 'ar'), 'ar');
    expect(found.map((n) => [n.text, n.value, n.approx])).toEqual(expected);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
  });
});

const en: Row[] = [
  ['Four people were killed', [['Four', 4, false]]],
  ['twenty-one soldiers died', [['twenty-one', 21, false]]],
  ['three hundred and five homes', [['three hundred and five', 305, false]]],
  ['a dozen attackers', [['a dozen', 12, false]]],
  ['dozens of people were hurt', [['dozens', 24, true]]],
  ['hundreds fled', [['hundreds', 200, true]]],
  ['at least 12 were killed', [['12', 12, true]]],
  ['more than 40 were injured', [['40', 40, true]]],
  ['about 300 people', [['300', 300, true]]],
  ['nearly two thousand people', [['two thousand', 2000, true]]],
  ['1,200 people and 1.5 million dollars', [['1,200', 1200, false], ['1.5 million', 1500000, false]]],
  ['seven people at least', [['seven', 7, true]]],
];

describe('findNumbers (English)', () => {
  it.each(en)('%s', (text, expected) => {
    const found = findNumbers(text, tokenize(text, 'en'), 'en');
    expect(found.map((n) => [n.text, n.value, n.approx])).toEqual(expected);
  });
});

describe('units', () => {
  const rows: Array<[string, string, string, string | undefined]> = [
    ['ar', 'ارتفع بنسبة 12% عن عام 2015', '12', 'percent'],
    ['ar', 'ارتفع بنسبة 12% عن عام 2015', '2015', 'year'],
    ['ar', 'في الساعة 10:30 صباحا', '10', 'time'],
    ['en', 'up 12 percent since 2015', '12', 'percent'],
    ['en', 'up 12 percent since 2015', '2015', 'year'],
    ['ar', 'قتل 2015 شخصا', '2015', undefined],
  ];
  it.each(rows)('%s: %s → %s is %s', (lang, text, mention, unit) => {
    const n = findNumbers(text, tokenize(text, lang), lang).find((x) => x.text === mention);
    expect(n?.unit).toBe(unit);
  });
  it('marks duals with their noun', () => {
    const text = 'قتل شخصين';
    expect(findNumbers(text, tokenize(text, 'ar'), 'ar')[0].noun).toBe('شخص');
  });
});
