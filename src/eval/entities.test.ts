import { describe, expect, it } from 'vitest';
import { formatEntityScores, scoreEntities } from './entities.js';

// Sentences written for this test (the person is invented).
const SENTENCES = [
  {
    // the knowledge base names the group with its head noun: right group, wider span
    tokens: ['أعلنت', 'حركة', 'الشباب', 'مسؤوليتها', 'عن', 'هجوم', 'في', 'مقديشو', '.'],
    tags: ['O', 'O', 'B-ORG', 'O', 'O', 'O', 'O', 'B-LOC', 'O'],
  },
  {
    tokens: ['وقال', 'المحلل', 'سامي', 'الحداد', 'إن', 'الهجوم', 'كان', 'متوقعا', '.'],
    tags: ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'O', 'O', 'O', 'O'],
  },
];

describe('scoreEntities', () => {
  const s = scoreEntities(SENTENCES, 'ar');

  it('counts exact and overlapping finds per type', () => {
    expect(s.LOC).toMatchObject({ gold: 1, exact: 1, overlapping: 1 });
    expect(s.ORG).toMatchObject({ gold: 1, exact: 0, overlapping: 1, right: 1 });
    expect(s.PER).toMatchObject({ gold: 1, exact: 1, overlapping: 1 });
  });

  it('prints a row per type', () => {
    expect(formatEntityScores(s)).toMatch(/ORG\s+1\s+0\.0%\s+100\.0%\s+100\.0%/);
  });
});
