import { describe, expect, it } from 'vitest';
import { splitSentences } from './segment.js';
import { tokenize } from './tokenize.js';

function split(text: string, lang = 'ar') {
  const tokens = tokenize(text, lang);
  return splitSentences(text, tokens).map((s) => ({ text: text.slice(s.start, s.end), heading: s.heading === true }));
}

const cases: Array<[string, string, Array<[string, boolean]>]> = [
  ['comma does not end, full stop does', 'قتل شخصان، وأصيب ثلاثة. وفرت الشرطة المكان.', [['قتل شخصان، وأصيب ثلاثة.', false], ['وفرت الشرطة المكان.', false]]],
  ['question mark and semicolon end', 'من نفذ الهجوم؟ لا أحد يعرف؛ والتحقيق مستمر!', [['من نفذ الهجوم؟', false], ['لا أحد يعرف؛', false], ['والتحقيق مستمر!', false]]],
  ['a quoted sentence stays whole', 'وقال المتحدث: «انتهت العملية. لا خطر الآن». ثم غادر.', [['وقال المتحدث: «انتهت العملية. لا خطر الآن».', false], ['ثم غادر.', false]]],
  ['curly quotes', 'وأضاف أن “الوضع هادئ. الشرطة هنا”. وانتهى المؤتمر.', [['وأضاف أن “الوضع هادئ. الشرطة هنا”.', false], ['وانتهى المؤتمر.', false]]],
  ['terminator inside closing quote', 'قال: «غادروا المكان.» ثم صمت.', [['قال: «غادروا المكان.»', false], ['ثم صمت.', false]]],
  ['heading then paragraph', 'تدابير أمنية\n\nشددت السلطات الإجراءات حول المطار.', [['تدابير أمنية', true], ['شددت السلطات الإجراءات حول المطار.', false]]],
  ['bullet line', 'نص أول.\n\n  • بصمات التنظيم ..\n\nنص ثان.', [['نص أول.', false], ['• بصمات التنظيم ..', true], ['نص ثان.', false]]],
  ['paragraph break ends an unpunctuated long line', 'وقالت الشرطة إن المهاجم أطلق النار على المارة في الشارع الرئيسي وسط المدينة قبل أن يفر بسيارته باتجاه الطريق السريع\n\nوأغلقت الطرق.', [['وقالت الشرطة إن المهاجم أطلق النار على المارة في الشارع الرئيسي وسط المدينة قبل أن يفر بسيارته باتجاه الطريق السريع', false], ['وأغلقت الطرق.', false]]],
  ['a decimal is no full stop', 'ارتفع العدد إلى 3.5 في المئة. وهذا كثير.', [['ارتفع العدد إلى 3.5 في المئة.', false], ['وهذا كثير.', false]]],
  ['Arabic abbreviation', 'وقال د. أحمد إن الوضع خطير.', [['وقال د. أحمد إن الوضع خطير.', false]]],
  ['Gregorian suffix before a full stop', 'وقع الهجوم عام 2015م. ثم توقف.', [['وقع الهجوم عام 2015م.', false], ['ثم توقف.', false]]],
];

describe('splitSentences (Arabic)', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(split(text).map((s) => [s.text, s.heading])).toEqual(expected);
  });
});

const en: Array<[string, string, Array<[string, boolean]>]> = [
  ['abbreviations and initials', 'Dr. Smith met Gen. J. Allen in the U.S. capital. They spoke.', [['Dr. Smith met Gen. J. Allen in the U.S. capital.', false], ['They spoke.', false]]],
  ['quoted question', 'He asked: "Is it safe? Nobody knows." Then he left.', [['He asked: "Is it safe? Nobody knows."', false], ['Then he left.', false]]],
  ['title line', 'Bomb kills four in market\n\nA bomb exploded on Monday. Police said.', [['Bomb kills four in market', true], ['A bomb exploded on Monday.', false], ['Police said.', false]]],
  ['hard-wrapped prose', 'The attack happened near the\nstation on Friday.', [['The attack happened near the\nstation on Friday.', false]]],
];

describe('splitSentences (English)', () => {
  it.each(en)('%s', (_name, text, expected) => {
    expect(split(text, 'en').map((s) => [s.text, s.heading])).toEqual(expected);
  });
});

describe('sentence/token indices', () => {
  it('cover every token once, in order', () => {
    const text = 'عنوان قصير\n\nجملة أولى. جملة ثانية؟ «اقتباس. داخلي» نهاية';
    const tokens = tokenize(text, 'ar');
    const sentences = splitSentences(text, tokens);
    let next = 0;
    for (const s of sentences) {
      expect(s.firstToken).toBe(next);
      expect(tokens[s.firstToken].start).toBe(s.start);
      expect(tokens[s.endToken - 1].end).toBe(s.end);
      next = s.endToken;
    }
    expect(next).toBe(tokens.length);
  });
});
