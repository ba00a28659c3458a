import { describe, expect, it } from 'vitest';
import { foldChar, normalize, normalizeWord, toOriginal } from './normalize.js';

const words: Array<[string, string]> = [
  ['أحمد', 'احمد'],
  ['إرهاب', 'ارهاب'],
  ['آلاف', 'الاف'],
  ['مصطفى', 'مصطفي'],
  ['الشرطة', 'الشرطه'],
  ['مُسلَّح', 'مسلح'],
  ['لـداعش', 'لداعش'],
  ['٢٠١٧', '2017'],
  ['۱۴۴۱', '1441'],
  ['ISIS', 'isis'],
  ['کابل', 'كابل'],
];

describe('normalizeWord', () => {
  it.each(words)('%s → %s', (w, n) => expect(normalizeWord(w)).toBe(n));
  it('foldChar drops tatweel and keeps other letters', () => {
    expect(foldChar('ـ')).toBe('');
    expect(foldChar('ب')).toBe('ب');
  });
});

describe('normalize offset map', () => {
  const text = 'قُتِلَ ٣ أشخاصٍ في هجومٍ لـ«داعش»';
  const n = normalize(text);
  it('folds the copy', () => expect(n.text).toBe('قتل 3 اشخاص في هجوم ل«داعش»'));
  it.each(['اشخاص', 'هجوم', 'داعش', '3'])('maps %s back onto the original', (w) => {
    const i = n.text.indexOf(w);
    const o = toOriginal(n, i, i + w.length);
    expect(normalizeWord(text.slice(o.start, o.end))).toBe(w);
  });
  it('has one map entry per char plus the end', () => expect(n.map.length).toBe(n.text.length + 1));
});
