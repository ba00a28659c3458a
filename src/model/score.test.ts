import { describe, expect, it } from 'vitest';
import { formatScores, nameKey, recallBySeen, scoreSpans } from './score.js';

describe('scoreSpans (exact span)', () => {
  // gold: PER(0-2) LOC(3) | ORG(0-3) ; predicted: PER(0-2) ORG(3) | ORG(0-2)
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-ORG', 'I-ORG', 'I-ORG']];
  const pred = [['B-PER', 'I-PER', 'O', 'B-ORG'], ['B-ORG', 'I-ORG', 'O']];
  const s = scoreSpans(gold, pred);

  it('counts a span only when type and both ends match', () => {
    expect(s.perType.PER).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(s.perType.LOC).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(s.perType.ORG).toMatchObject({ tp: 0, fp: 2, fn: 1 });
    expect(s.perType.MISC).toMatchObject({ tp: 0, fp: 0, fn: 0, f1: 0 });
  });

  it('micro-averages overall', () => {
    expect(s.overall.tp).toBe(1);
    expect(s.overall.precision).toBeCloseTo(1 / 3, 9);
    expect(s.overall.recall).toBeCloseTo(1 / 3, 9);
    expect(s.tokens).toBe(7);
  });

  it('prints a table with an overall row', () => {
    expect(formatScores(s)).toMatch(/overall\s+33\.33\s+33\.33\s+33\.33\s+3\s+3/);
  });

  it('rejects misaligned input', () => {
    expect(() => scoreSpans([['O']], [['O', 'O']])).toThrow();
  });
});

describe('recallBySeen', () => {
  it('splits recall by whether the name (words and type) was in the training data', () => {
    const tokens = [['زار', 'سامي', 'الحداد', 'بغداد', 'و', 'أربيل']];
    const gold = [['O', 'B-PER', 'I-PER', 'B-LOC', 'O', 'B-LOC']];
    const pred = [['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC']];
    // بغداد was seen as a place, سامي الحداد only as an organisation: unseen as a person
    const seen = new Set([nameKey(['بغداد'], 'LOC'), nameKey(['سامي', 'الحداد'], 'ORG')]);
    expect(recallBySeen(gold, pred, tokens, seen)).toEqual({ seen: { found: 0, total: 1 }, unseen: { found: 2, total: 2 } });
  });
});
