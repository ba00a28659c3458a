import { describe, expect, it } from 'vitest';
import { stem } from './stem.js';

const cases: Array<[string, string]> = [
  ['هجمات', 'هجم'],
  ['هجماتها', 'هجم'],
  ['مسلحين', 'مسلح'],
  ['مسلحون', 'مسلح'],
  ['ارهابيه', 'ارهاب'],
  ['تفجيرات', 'تفجير'],
  // short words and names stay whole
  ['قتل', 'قتل'],
  ['شرطه', 'شرطه'],
  ['عثمان', 'عثمان'],
  ['سلمان', 'سلمان'],
  ['فلسطين', 'فلسطين'],
  ['حسين', 'حسين'],
  ['افغانستان', 'افغانستان'],
  ['اسامه', 'اسامه'],
  ['مسعود', 'مسعود'],
  ['london', 'london'],
  ['2015', '2015'],
];

describe('stem', () => {
  it.each(cases)('%s → %s', (base, expected) => {
    expect(stem(base)).toBe(expected);
  });
});
