import { describe, expect, it } from 'vitest';
import { contentHash, indexText, queryTerms, snippet, stripProclitic } from './text.js';

describe('store text folding', () => {
  it.each([
    ['والهجوم', 'هجوم'],
    ['الموصل', 'موصل'],
    ['للتحقيق', 'تحقيق'],
    ['بالقرب', 'قرب'],
    ['وزير', 'زير'],
    ['بغداد', 'بغداد'], // ب alone is never stripped
    ['الى', 'الى'], // too short to strip
  ])('strips the proclitic of %s → %s', (w, s) => expect(stripProclitic(w)).toBe(s));

  it('hashes copies that differ only in diacritics, tatweel, spacing and punctuation alike', () => {
    expect(contentHash('أَعْلَنَتِ  الشرطــة، اليوم.')).toBe(contentHash('اعلنت الشرطة اليوم'));
    expect(contentHash('اعلنت الشرطة اليوم')).not.toBe(contentHash('اعلنت الشرطة امس'));
  });

  it('indexes normalised words plus stripped variants', () => {
    expect(indexText('وأعلنت الشرطةُ')).toBe('واعلنت الشرطه اعلنت شرطه');
  });

  it('parses queries into folded terms with prefixes', () => {
    expect(queryTerms('الهُجوم ambul*')).toEqual([
      { forms: ['الهجوم', 'هجوم'], prefix: false },
      { forms: ['ambul'], prefix: true },
    ]);
  });

  it('marks matches in the stored text, diacritics kept', () => {
    const text = 'قال مسؤول إن الهُجُومَ وقع صباحاً';
    expect(snippet(text, queryTerms('هجوم'))).toBe('قال مسؤول إن [الهُجُومَ] وقع صباحاً');
  });
});
