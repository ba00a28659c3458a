import { describe, expect, it } from 'vitest';
import { selfLists, type SentenceTagger } from './self-lists.js';

/** Tags a fixed set of words (bases = the tokens themselves): enough to test the counting. */
function fakeTagger(names: Record<string, string>): SentenceTagger {
  return {
    tag: (tokens) => ({
      tags: tokens.map((w, i) => {
        const type = names[w];
        if (!type) return 'O';
        return i > 0 && names[tokens[i - 1]] === type ? `I-${type}` : `B-${type}`;
      }),
      bases: [...tokens],
    }),
  };
}

describe('selfLists', () => {
  const opts = { minCount: 2, minTypeShare: 0.6, minTaggedShare: 0.3 };

  it('keeps phrases tagged often enough, under their majority type', () => {
    const tagger = fakeTagger({ زهران: 'PER', الفرحاني: 'PER', طرابلس: 'LOC' });
    const corpus = [['قال', 'زهران', 'الفرحاني'], ['زهران', 'الفرحاني', 'غادر'], ['في', 'طرابلس']];
    const lists = selfLists(tagger, corpus, opts);
    expect(lists['auto-PER']).toEqual(['زهران الفرحاني']);
    // tagged once only
    expect(lists['auto-LOC']).toEqual([]);
    expect(Object.keys(lists).sort()).toEqual(['auto-LOC', 'auto-MISC', 'auto-ORG', 'auto-PER']);
  });

  it('leaves out a single word that is mostly not tagged in the corpus', () => {
    const tagger: SentenceTagger = {
      // "الأمل" tagged as a person only in the first two sentences
      tag: (tokens) => ({ tags: tokens.map((w) => (w === 'الأمل' && tokens[0] === 'السيد' ? 'B-PER' : 'O')), bases: [...tokens] }),
    };
    const corpus = [['السيد', 'الأمل'], ['السيد', 'الأمل'], ...Array.from({ length: 8 }, () => ['عاد', 'الأمل'])];
    expect(selfLists(tagger, corpus, opts)['auto-PER']).toEqual([]);
    expect(selfLists(tagger, corpus.slice(0, 4), opts)['auto-PER']).toEqual(['الأمل']);
  });

  it('drops a phrase whose type is split', () => {
    let n = 0;
    const tagger: SentenceTagger = { tag: (tokens) => ({ tags: tokens.map(() => (n++ % 2 ? 'B-ORG' : 'B-LOC')), bases: [...tokens] }) };
    const lists = selfLists(tagger, [['ليون'], ['ليون'], ['ليون'], ['ليون']], opts);
    expect(lists['auto-ORG']).toEqual([]);
    expect(lists['auto-LOC']).toEqual([]);
  });
});
