import { describe, expect, it } from 'vitest';
import { fromHijri, hijriMonthRange, hijriYearRange, toHijri } from './hijri.js';

describe('Umm al-Qura conversion', () => {
  const pairs: Array<[number, number, number, string]> = [
    [1441, 9, 1, '2020-04-24'],
    [1441, 9, 5, '2020-04-28'],
    [1436, 12, 10, '2015-09-23'],
    [1445, 1, 1, '2023-07-19'],
  ];
  it.each(pairs)('%i-%i-%i ↔ %s', (y, m, d, greg) => {
    expect(fromHijri(y, m, d)).toBe(greg);
    expect(toHijri(greg)).toEqual({ year: y, month: m, day: d });
  });
  it('Ramadan 1441 spans 2020-04-24..2020-05-23', () => expect(hijriMonthRange(1441, 9)).toEqual({ start: '2020-04-24', end: '2020-05-23' }));
  it('a Hijri year spans twelve months', () => expect(hijriYearRange(1441)).toEqual({ start: '2019-08-31', end: '2020-08-19' }));
});
