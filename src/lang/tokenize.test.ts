import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize (Arabic)', () => {
  const text = 'وقُتل ٣ أشخاص بالسكين لـ«داعش»، في 2015م و25 جريحا.';
  const tokens = tokenize(text, 'ar');
  it('indexes the text exactly', () => {
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  const rows: Array<[string, Partial<(typeof tokens)[number]>]> = [
    ['وقُتل', { norm: 'وقتل', base: 'قتل', prefixes: ['و'], kind: 'word' }],
    ['٣', { norm: '3', kind: 'number' }],
    ['أشخاص', { norm: 'اشخاص', base: 'اشخاص', prefixes: [] }],
    ['بالسكين', { base: 'سكين', prefixes: ['ب', 'ال'] }],
    ['لـ', { norm: 'ل', clitic: true }],
    ['«', { kind: 'punct' }],
    ['داعش', { base: 'داعش' }],
    ['»', { kind: 'punct' }],
    ['،', { kind: 'punct' }],
    ['في', { base: 'في', prefixes: [] }],
    ['2015', { kind: 'number' }],
    ['م', { kind: 'word' }],
    ['و25', { base: '25', prefixes: ['و'], kind: 'number' }],
    ['جريحا', { base: 'جريحا' }],
    ['.', { kind: 'punct' }],
  ];
  it('produces the expected token sequence', () => expect(tokens.map((t) => t.text)).toEqual(rows.map((r) => r[0])));
  it.each(rows.map((r, i) => [i, ...r] as const))('token %i %s', (i, _text, fields) => {
    expect(tokens[i]).toMatchObject(fields);
  });
});

describe('tokenize (English)', () => {
  const cases: Array<[string, string[]]> = [
    ['Four people were killed.', ['four', 'people', 'were', 'killed', '.']],
    ["The attacker's car, a 4x4, hit 1,200 people", ['the', "attacker's", 'car', ',', 'a', '4x4', ',', 'hit', '1,200', 'people']],
    ['twenty-one', ['twenty', '-', 'one']],
    ['Flight MH17 ... in 2014', ['flight', 'mh17', '...', 'in', '2014']],
    ['3.5 million', ['3.5', 'million']],
  ];
  it.each(cases)('%s', (text, norms) => {
    const tokens = tokenize(text, 'en');
    expect(tokens.map((t) => t.norm)).toEqual(norms);
    for (const t of tokens) {
      expect(t.base).toBe(t.norm);
      expect(t.prefixes).toEqual([]);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
