import { describe, expect, it } from 'vitest';
import { conllSentences, formatConll, parseConll, sentenceRanges } from './conll.js';

const INPUT = 'Sami B-PERS\tNNP\nran O\n\n\nhome\n-DOCSTART- -X- O\nعاد O\n';

describe('conll reader and writer', () => {
  it('reads the token from the first column and the tag from the last', () => {
    const lines = parseConll(INPUT);
    expect(lines[0]).toEqual({ kind: 'token', token: 'Sami', tag: 'NNP' });
    expect(lines[4]).toEqual({ kind: 'token', token: 'home', tag: null });
    expect(lines.map((l) => l.kind)).toEqual(['token', 'token', 'blank', 'blank', 'token', 'docstart', 'token']);
  });

  it('groups sentences at blank lines and document markers', () => {
    const lines = parseConll(INPUT);
    expect(sentenceRanges(lines)).toEqual([[0, 2], [4, 5], [6, 7]]);
    expect(conllSentences(lines).map((s) => s.tokens)).toEqual([['Sami', 'ran'], ['home'], ['عاد']]);
  });

  it('writes token and tag per line with the blank lines where they were', () => {
    const lines = parseConll(INPUT);
    expect(formatConll(lines, ['B-PER', 'O', 'O', 'O'])).toBe('Sami B-PER\nran O\n\n\nhome O\n-DOCSTART- O\nعاد O\n');
  });

  it('handles CRLF and a missing final newline', () => {
    expect(conllSentences(parseConll('a O\r\nb O\r\n\r\nc O')).map((s) => s.tokens)).toEqual([['a', 'b'], ['c']]);
  });

  it('refuses a tag count that does not match the tokens', () => {
    expect(() => formatConll(parseConll('a\nb\n'), ['O'])).toThrow();
  });
});
