import { describe, expect, it } from 'vitest';
import { BaseForms, STACK_FEATURES, StackEvidence, flatten, stackedFeatures } from './stacking.js';
import { tagIndex } from './tags.js';

const t = (...tags: string[]) => Int32Array.from(tags, tagIndex);
const idsOf = (f: { ids: Int32Array; offsets: Int32Array }, i: number) => Array.from(f.ids.subarray(f.offsets[i], f.offsets[i + 1]));

describe('stackedFeatures', () => {
  const bases = [['زهران', 'قال'], ['ثم', 'غادر'], ['ثم', 'زهران']];

  it('gives a token the first-stage evidence of the same word in other sentences', () => {
    const tagged = stackedFeatures(bases, [t('B-PER', 'O'), t('O', 'O'), t('O', 'O')], 20, { ownTags: false });
    const untagged = stackedFeatures(bases, [t('O', 'O'), t('O', 'O'), t('O', 'O')], 20, { ownTags: false });
    expect(idsOf(tagged[2], 1)).not.toEqual(idsOf(untagged[2], 1));
    // the unrelated word of the last sentence reads the same either way
    expect(idsOf(tagged[2], 0)).toEqual(idsOf(untagged[2], 0));
  });

  it('reads only sentences inside the window', () => {
    const tagged = stackedFeatures(bases, [t('B-PER', 'O'), t('O', 'O'), t('O', 'O')], 1, { ownTags: false });
    const untagged = stackedFeatures(bases, [t('O', 'O'), t('O', 'O'), t('O', 'O')], 1, { ownTags: false });
    // sentence 0 is two sentences away from sentence 2
    expect(idsOf(tagged[2], 1)).toEqual(idsOf(untagged[2], 1));
    expect(idsOf(tagged[1], 1)).toEqual(idsOf(untagged[1], 1));
  });

  it('never takes evidence from the token’s own sentence', () => {
    const alone = [['زهران', 'قال', 'زهران']];
    const a = stackedFeatures(alone, [t('B-PER', 'O', 'O')], 20, { ownTags: false });
    const b = stackedFeatures(alone, [t('O', 'O', 'O')], 20, { ownTags: false });
    expect(idsOf(a[0], 2)).toEqual(idsOf(b[0], 2));
  });

  it('matches a multi-word name tagged elsewhere, and its surname alone', () => {
    const doc = [['قال', 'خالد', 'مسعود'], ['ثم', 'خالد', 'مسعود', 'غادر'], ['وصل', 'مسعود']];
    const tags = [t('O', 'B-PER', 'I-PER'), t('O', 'O', 'O', 'O'), t('O', 'O')];
    const f = stackedFeatures(doc, tags, 20, { ownTags: false });
    const none = stackedFeatures(doc, doc.map((s) => new Int32Array(s.length)), 20, { ownTags: false });
    // the full name: its first word opens the phrase, the second continues it
    expect(idsOf(f[1], 1)).not.toEqual(idsOf(none[1], 1));
    expect(idsOf(f[1], 2)).not.toEqual(idsOf(f[1], 1));
    // the surname alone is voted PER by the full name's last word
    expect(idsOf(f[2], 1)).not.toEqual(idsOf(none[2], 1));
  });

  it('adds the first-stage tags of the token and its neighbours when asked', () => {
    const one = [['زهران', 'قال']];
    const withTags = stackedFeatures(one, [t('B-PER', 'O')], 20);
    const other = stackedFeatures(one, [t('B-LOC', 'O')], 20);
    expect(idsOf(withTags[0], 0)).not.toEqual(idsOf(other[0], 0));
    expect(idsOf(withTags[0], 1)).not.toEqual(idsOf(other[0], 1));
    expect(withTags[0].offsets).toHaveLength(3);
    for (const id of withTags[0].ids) expect(id).toBeLessThan(STACK_FEATURES);
  });

  it('gives the same features for a sentence however long the stream before it', () => {
    const tags = [t('B-PER', 'O'), t('O', 'O'), t('O', 'O')];
    const short = stackedFeatures(bases, tags, 1);
    const filler = Array.from({ length: 5 }, () => ['كلام', 'عام']);
    const long = stackedFeatures([...filler, ...bases], [...filler.map(() => t('O', 'O')), ...tags], 1);
    // sentence 1 sees sentences 0 and 2 in both streams
    expect(Array.from(long[6].ids)).toEqual(Array.from(short[1].ids));
  });
});

describe('StackEvidence', () => {
  it('is empty again after a document, so the next document reads only its own evidence', () => {
    const forms = new BaseForms();
    const ev = new StackEvidence(forms);
    const doc = (bases: string[][], tags: Int32Array[]) => flatten(bases.map((b) => Int32Array.from(b, (x) => forms.id(x))), tags);
    const run = (d: ReturnType<typeof doc>) => {
      const out: number[][] = [];
      ev.stackDocument(d, 20, { ownTags: false }, (_s, n) => out.push(Array.from(ev.ids.subarray(0, ev.offsets[n]))));
      return out;
    };
    const plain = doc([['ثم', 'زهران'], ['قال', 'زهران']], [t('O', 'O'), t('O', 'O')]);
    const before = run(plain);
    run(doc([['زهران', 'بن', 'علي'], ['زهران', 'بن', 'علي']], [t('B-PER', 'I-PER', 'I-PER'), t('B-ORG', 'I-ORG', 'I-ORG')]));
    expect(run(plain)).toEqual(before);
  });
});
