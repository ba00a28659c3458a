import { describe, expect, it } from 'vitest';
import { allowedTransition, canonicalTag, spansToTags, tagIndex, tagsToSpans } from './tags.js';

describe('tagsToSpans (conlleval chunks)', () => {
  it.each([
    [['B-PER', 'I-PER', 'O', 'B-LOC'], [{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }]],
    [['B-ORG', 'B-ORG'], [{ start: 0, end: 1, type: 'ORG' }, { start: 1, end: 2, type: 'ORG' }]],
    // a stray I- opens a chunk rather than vanishing, as conlleval counts it
    [['O', 'I-LOC', 'I-LOC'], [{ start: 1, end: 3, type: 'LOC' }]],
    [['B-PER', 'I-LOC'], [{ start: 0, end: 1, type: 'PER' }, { start: 1, end: 2, type: 'LOC' }]],
    [['O', 'O'], []],
  ])('%j', (tags, spans) => {
    expect(tagsToSpans(tags)).toEqual(spans);
  });

  it('round-trips through spansToTags', () => {
    const tags = ['B-MISC', 'I-MISC', 'O', 'B-PER', 'B-LOC', 'I-LOC'];
    expect(spansToTags(tags.length, tagsToSpans(tags))).toEqual(tags);
  });
});

describe('canonicalTag', () => {
  it.each([
    ['B-PERS', 'B-PER'], ['I-PERS', 'I-PER'], ['B-person', 'B-PER'], ['I-location', 'I-LOC'],
    ['B-corporation', 'B-ORG'], ['B-group', 'B-ORG'], ['B-product', 'B-MISC'], ['I-creative-work', 'I-MISC'],
    ['S-LOC', 'B-LOC'], ['O', 'O'], ['_', 'O'],
  ])('%s → %s', (raw, want) => expect(canonicalTag(raw)).toBe(want));
});

describe('allowedTransition', () => {
  it.each([
    [null, 'I-PER', false], [null, 'B-PER', true], ['O', 'I-LOC', false], ['B-LOC', 'I-LOC', true],
    ['I-LOC', 'I-LOC', true], ['B-PER', 'I-ORG', false], ['I-ORG', 'O', true],
  ] as const)('%s → %s: %s', (prev, cur, ok) => {
    expect(allowedTransition(prev === null ? null : tagIndex(prev), tagIndex(cur))).toBe(ok);
  });
});
