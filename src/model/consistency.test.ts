import { describe, expect, it } from 'vitest';
import { propagateMentions } from './consistency.js';

describe('propagateMentions', () => {
  it('copies a name to its untagged repeats, clitics and all', () => {
    const r = propagateMentions([['زهران', 'قال'], ['ثم', 'وزهران']], [['B-PER', 'O'], ['O', 'O']], 'ar');
    expect(r.tags).toEqual([['B-PER', 'O'], ['O', 'B-PER']]);
    expect(r.added[1]).toEqual([{ start: 1, end: 2, type: 'PER', from: 'زهران' }]);
  });

  it('matches multi-word names as a whole', () => {
    const sentences = [['قال', 'زهران', 'العتيبي'], ['وأضاف', 'زهران', 'العتيبي', 'أن']];
    const r = propagateMentions(sentences, [['O', 'B-PER', 'I-PER'], ['O', 'O', 'O', 'O']], 'ar');
    expect(r.tags[1]).toEqual(['O', 'B-PER', 'I-PER', 'O']);
  });

  it('marks a person’s surname alone after the full name', () => {
    const r = propagateMentions([['met', 'Jonas', 'Weltmann'], ['Weltmann', 'left']], [['O', 'B-PER', 'I-PER'], ['O', 'O']], 'en');
    expect(r.tags[1]).toEqual(['B-PER', 'O']);
  });

  it('takes the majority type and leaves tagged tokens and short keys alone', () => {
    const sentences = [['Nablus'], ['Nablus'], ['Nablus'], ['in', 'Nablus', 'and', 'UN']];
    const tags = [['B-LOC'], ['B-LOC'], ['B-ORG'], ['O', 'O', 'O', 'O']];
    expect(propagateMentions(sentences, tags, 'en').tags[3]).toEqual(['O', 'B-LOC', 'O', 'O']);
    const un = propagateMentions([['UN'], ['the', 'UN']], [['B-ORG'], ['O', 'O']], 'en');
    expect(un.tags[1]).toEqual(['O', 'O']);
  });
});
