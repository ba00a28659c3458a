import { describe, expect, it } from 'vitest';
import { stringFromCodes } from './codes.js';
import { foldString } from './fold.js';

describe('stringFromCodes', () => {
  it('makes the string of the first n units, for every short length and long ones', () => {
    const word = 'والمسلحين-ISIS-٢٠١٥-';
    const long = word.repeat(600); // over one 4096-unit chunk
    const buf = new Uint16Array(long.length);
    for (let i = 0; i < long.length; i++) buf[i] = long.charCodeAt(i);
    for (let n = 0; n <= 20; n++) expect(stringFromCodes(buf, n)).toBe(long.slice(0, n));
    expect(stringFromCodes(buf, long.length)).toBe(long);
    expect(stringFromCodes(buf, 5000)).toBe(long.slice(0, 5000));
  });
});

describe('foldString', () => {
  it('folds letter variants, drops diacritics and tatweel, keeps unchanged strings as they are', () => {
    expect(foldString('إلى الدولة')).toBe('الي الدوله');
    expect(foldString('مُحَمَّـد')).toBe('محمد');
    expect(foldString('٢٠١٥ ISIS')).toBe('2015 isis');
    expect(foldString('plain')).toBe('plain');
  });

  it('folds a string longer than its buffer like its words one by one', () => {
    const words = ['أحمد', 'الدولة', 'مُحَمَّد', 'ISIS', '٢٠١٥'];
    const long = Array.from({ length: 200 }, (_, i) => words[i % words.length]).join(' ');
    expect(long.length).toBeGreaterThan(512);
    expect(foldString(long)).toBe(long.split(' ').map(foldString).join(' '));
  });
});
