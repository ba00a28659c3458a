import { describe, expect, it } from 'vitest';
import { createContext } from '../core/context.js';
import { newDocument } from '../core/types.js';
import { languageStage } from './language.js';
import { segmentStage } from './segment.js';

const texts: Array<[string, string, number]> = [
  ['ar', 'هجوم على سوق شعبي\n\nقتل ثلاثة أشخاص أمس الثلاثاء في انفجار عبوة ناسفة، وأصيب عشرة آخرون. وقالت الشرطة إن «التحقيق مستمر».', 3],
  ['en', 'Market bombing\n\nThree people were killed on Tuesday. Police said the inquiry continues.', 3],
];

describe('languageStage + segmentStage', () => {
  it.each(texts)('%s: language, tokens and sentences index doc.text', (lang, text, nSentences) => {
    const doc = newDocument({ raw: text });
    const ctx = createContext();
    languageStage(doc, ctx);
    expect(doc.language).toBe(lang);
    segmentStage(doc, ctx);
    expect(doc.sentences.length).toBe(nSentences);
    expect(doc.sentences[0].heading).toBe(true);
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    for (const s of doc.sentences) {
      expect(doc.tokens[s.firstToken].start).toBe(s.start);
      expect(doc.tokens[s.endToken - 1].end).toBe(s.end);
    }
  });

  it('keeps a language set by the caller', () => {
    const doc = newDocument({ raw: 'Three people were killed.', language: 'ar' });
    languageStage(doc, createContext());
    expect(doc.language).toBe('ar');
  });
});
