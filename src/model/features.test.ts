import { describe, expect, it } from 'vitest';
import { sentenceFeatures, type FeatureResources } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { englishBase, featureNorm, stripProclitics, wordShape } from './word-forms.js';

const res = (lang: 'ar' | 'en', lists: Record<string, string[]> = {}): FeatureResources => ({
  lang,
  clusters: new Map([['زهران', 3], ['نابلس', 5]]),
  coarse: [0, 0, 0, 1, 1, 2],
  gazetteer: new Gazetteer({ lists }),
});

describe('word forms', () => {
  it.each([
    ['وبالقاهرة', 'قاهره', 'و+ب+ال'], // normalised first: ة → ه
    ['للمدينة', 'مدينه', 'ل+ال'],
    ['والموصل', 'موصل', 'و+ال'],
    ['وليد', 'ليد', 'و'], // a wrong strip, kept harmless by the full-form feature
    ['بغداد', 'بغداد', ''],
  ])('strips %s', (word, base, prefixes) => {
    expect(stripProclitics(featureNorm(word))).toEqual({ base, prefixes });
  });

  it('folds digits of any script to 0', () => {
    expect(featureNorm('٢٠١٧')).toBe('0000');
    expect(featureNorm('May2017')).toBe('may0000');
  });

  it.each([["sudan's", 'sudan'], ['sudan’s', 'sudan'], ['news', 'news'], ["'s", "'s"], ['boss', 'boss']])('English base of %s = %s', (w, b) => {
    expect(englishBase(w)).toBe(b);
  });

  it.each([['Baghdad', 'Xx'], ['ISIS', 'X'], ['2017', 'd'], ['بغداد', 'a'], ['U.S.', 'XpXp'], ['مُحَمَّد', 'a']])('shape %s = %s', (w, s) => {
    expect(wordShape(w)).toBe(s);
  });
});

describe('sentenceFeatures', () => {
  const tokens = ['وصل', 'زهران', 'إلى', 'نابلس'];

  it('is deterministic and gives every token its own list', () => {
    const a = sentenceFeatures(tokens, res('ar'));
    const b = sentenceFeatures(tokens, res('ar'));
    expect(Array.from(a.keys)).toEqual(Array.from(b.keys));
    expect(a.offsets.length).toBe(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) expect(a.offsets[i + 1] - a.offsets[i]).toBeGreaterThan(20);
    expect(a.keys.every((k) => k !== 0)).toBe(true);
  });

  it('lets the context window change a token’s features', () => {
    const a = sentenceFeatures(tokens, res('ar'));
    const b = sentenceFeatures(['غادر', 'زهران', 'إلى', 'نابلس'], res('ar'));
    const keysOf = (f: typeof a, i: number) => new Set(f.keys.subarray(f.offsets[i], f.offsets[i + 1]));
    const shared = [...keysOf(a, 1)].filter((k) => keysOf(b, 1).has(k)).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(keysOf(a, 1).size);
  });

  it('adds gazetteer features when a token is in a list', () => {
    const without = sentenceFeatures(tokens, res('ar'));
    const withList = sentenceFeatures(tokens, res('ar', { city: ['نابلس'] }));
    expect(withList.offsets[4] - withList.offsets[3]).toBe(without.offsets[4] - without.offsets[3] + 1);
    // the neighbour sees it too
    expect(withList.offsets[3] - withList.offsets[2]).toBe(without.offsets[3] - without.offsets[2] + 1);
  });

  it('adds capitalisation features for English only', () => {
    const lower = sentenceFeatures(['met', 'sami', 'there'], res('en'));
    const upper = sentenceFeatures(['met', 'Sami', 'there'], res('en'));
    expect(upper.offsets[2] - upper.offsets[1]).toBe(lower.offsets[2] - lower.offsets[1] + 1);
  });

  it('gives an English possessive the features of its word', () => {
    const plain = sentenceFeatures(['in', 'Sudan', 'today'], res('en', { country: ['sudan'] }));
    const poss = sentenceFeatures(["Sudan's", 'army'], res('en', { country: ['sudan'] }));
    const keysOf = (f: typeof plain, i: number) => new Set(f.keys.subarray(f.offsets[i], f.offsets[i + 1]));
    const gazKey = [...keysOf(plain, 1)].filter((k) => !keysOf(sentenceFeatures(['in', 'Sudan', 'today'], res('en')), 1).has(k));
    expect(gazKey.length).toBe(1);
    expect(keysOf(poss, 0).has(gazKey[0])).toBe(true);
  });
});

describe('Gazetteer', () => {
  it('marks the longest phrase, B then I', () => {
    const g = new Gazetteer({ lists: { city: ['دير', 'دير البلح'], country: ['البلح'] } });
    const codes = new Uint8Array(2 * 3);
    g.match(['في', 'دير', 'البلح'], codes);
    expect(Array.from(codes.subarray(0, 3))).toEqual([0, 1, 2]); // city
    expect(Array.from(codes.subarray(3, 6))).toEqual([0, 0, 1]); // country
  });
});
