import { describe, expect, it } from 'vitest';
import { stackedFeatures } from './stacking.js';
import { tagIndex } from './tags.js';

const t = (...tags: string[]) => Int32Array.from(tags, tagIndex);
const keysOf = (f: { keys: Uint32Array; offsets: Int32Array }, i: number) => Array.from(f.keys.subarray(f.offsets[i], f.offsets[i + 1]));

describe('stackedFeatures', () => {
  const bases = [['زهران', 'قال'], ['ثم', 'غادر'], ['ثم', 'زهران']];

  it('gives a token the first-stage evidence of the same word in other sentences', () => {
    const tagged = stackedFeatures(bases, [t('B-PER', 'O'), t('O', 'O'), t('O', 'O')], 20, { ownTags: false });
    const untagged = stackedFeatures(bases, [t('O', 'O'), t('O', 'O'), t('O', 'O')], 20, { ownTags: false });
    expect(keysOf(tagged[2], 1)).not.toEqual(keysOf(untagged[2], 1));
    // the unrelated word of the last sentence reads the same either way
    expect(keysOf(tagged[2], 0)).toEqual(keysOf(untagged[2], 0));
  });

  it('reads only sentences inside the window', () => {
    const tagged = stackedFeatures(bases, [t('B-PER', 'O'), t('O', 'O'), t('O', 'O')], 1, { ownTags: false });
    const untagged = stackedFeatures(bases, [t('O', 'O'), t('O', 'O'), t('O', 'O')], 1, { ownTags: false });
    // sentence 0 is two sentences away from sentence 2
    expect(keysOf(tagged[2], 1)).toEqual(keysOf(untagged[2], 1));
    expect(keysOf(tagged[1], 1)).toEqual(keysOf(untagged[1], 1));
  });

  it('never takes evidence from the token’s own sentence', () => {
    const alone = [['زهران', 'قال', 'زهران']];
    const a = stackedFeatures(alone, [t('B-PER', 'O', 'O')], 20, { ownTags: false });
    const b = stackedFeatures(alone, [t('O', 'O', 'O')], 20, { ownTags: false });
    expect(keysOf(a[0], 2)).toEqual(keysOf(b[0], 2));
  });

  it('adds the first-stage tags of the token and its neighbours when asked', () => {
    const one = [['زهران', 'قال']];
    const withTags = stackedFeatures(one, [t('B-PER', 'O')], 20);
    const other = stackedFeatures(one, [t('B-LOC', 'O')], 20);
    expect(keysOf(withTags[0], 0)).not.toEqual(keysOf(other[0], 0));
    expect(keysOf(withTags[0], 1)).not.toEqual(keysOf(other[0], 1));
    expect(withTags[0].offsets).toHaveLength(3);
  });

  it('gives the same keys for a sentence however long the stream before it', () => {
    const tags = [t('B-PER', 'O'), t('O', 'O'), t('O', 'O')];
    const short = stackedFeatures(bases, tags, 1);
    const filler = Array.from({ length: 5 }, () => ['كلام', 'عام']);
    const long = stackedFeatures([...filler, ...bases], [...filler.map(() => t('O', 'O')), ...tags], 1);
    // sentence 1 sees sentences 0 and 2 in both streams
    expect(Array.from(long[6].keys)).toEqual(Array.from(short[1].keys));
  });
});
