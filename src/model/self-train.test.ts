import { describe, expect, it } from 'vitest';
import { NerModel } from './model.js';
import { autoTaggedSentences, SELF_TRAIN_DEFAULTS } from './self-train.js';
import { TAGS } from './tags.js';

// Two short articles written for this test.
const ARTICLES = [
  'وصل وزير الخارجية الأردني أيمن الصفدي إلى القاهرة صباح الأحد في زيارة رسمية تستمر يومين. وقال مصدر في الوزارة إن المحادثات ستتناول الأوضاع في المنطقة. وأضاف أن الجانبين سيبحثان سبل دعم التعاون بين البلدين.',
  'أعلنت الشرطة في مدينة الموصل شمال العراق اعتقال ثلاثة مطلوبين قالت إنهم من عناصر داعش. وذكر بيان أن العملية جرت بعد متابعة استمرت أسابيع.',
];

describe('self-training sentences', () => {
  const model = NerModel.fromGzip(NerModel.defaultPath('ar'));

  it('are the sentences with a name, tagged as the model tags them', () => {
    const all = autoTaggedSentences(model, ARTICLES, { ...SELF_TRAIN_DEFAULTS, minConfidence: 0 });
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const s of all) {
      const tags = Array.from(s.gold, (t) => TAGS[t]);
      expect(tags.some((t) => t !== 'O')).toBe(true);
      expect(s.tokens.length).toBeGreaterThanOrEqual(SELF_TRAIN_DEFAULTS.minTokens);
    }
    const mosul = all.find((s) => s.tokens.includes('الموصل'))!;
    expect(TAGS[mosul.gold[mosul.tokens.indexOf('الموصل')]]).toBe('B-LOC');
    // "وقال مصدر في الوزارة…" names nobody: never kept
    expect(all.some((s) => s.tokens[0] === 'وقال')).toBe(false);
  });

  it('keep only what the model is sure of, token by token', () => {
    const all = autoTaggedSentences(model, ARTICLES, { ...SELF_TRAIN_DEFAULTS, minConfidence: 0 });
    const sure = autoTaggedSentences(model, ARTICLES, { ...SELF_TRAIN_DEFAULTS, minConfidence: 0.8 });
    const key = (s: { tokens: string[]; gold: Int32Array }) => `${s.tokens.join(' ')}|${s.gold.join(',')}`;
    const allKeys = new Set(all.map(key));
    for (const s of sure) expect(allKeys.has(key(s))).toBe(true);
    expect(autoTaggedSentences(model, ARTICLES, { ...SELF_TRAIN_DEFAULTS, minConfidence: 1.01 })).toEqual([]);
  });
});
