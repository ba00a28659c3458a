import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { sentenceFeatures } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { MODEL_FORMAT, NerModel, encodeArrays, type NerModelFile } from './model.js';
import { FeatureIndex, compact, prepare, trainPerceptron, type LabelledSentence } from './perceptron.js';
import { TAGS, tagIndex, tagsToSpans } from './tags.js';
import { documentMentions, guessLang } from './tagger.js';

// Sentences written for this test; the names are invented.
const AR = ['وقال', 'الوزير', 'نادر', 'الفرحاني', 'في', 'مؤتمر', 'صحفي', 'في', 'بغداد', 'إن', 'التحقيق', 'مستمر', '.'];
const EN = ['President', 'Jonas', 'Weltmann', 'visited', 'Baghdad', 'on', 'Monday', '.'];

describe('committed models', () => {
  it('exist and load in under a second', () => {
    for (const lang of ['ar', 'en'] as const) {
      expect(existsSync(NerModel.defaultPath(lang))).toBe(true);
      const t0 = performance.now();
      NerModel.fromGzip(NerModel.defaultPath(lang));
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });

  it('tag an invented Arabic person and a known city', () => {
    const spans = tagsToSpans(NerModel.fromGzip(NerModel.defaultPath('ar')).tag(AR).tags);
    expect(spans).toContainEqual({ start: 2, end: 4, type: 'PER' });
    expect(spans).toContainEqual({ start: 8, end: 9, type: 'LOC' });
  });

  it('tag an invented English person and a known city', () => {
    const spans = tagsToSpans(NerModel.fromGzip(NerModel.defaultPath('en')).tag(EN).tags);
    expect(spans).toContainEqual({ start: 1, end: 3, type: 'PER' });
    expect(spans).toContainEqual({ start: 4, end: 5, type: 'LOC' });
  });

  it('turn tags into character spans with a score', () => {
    const text = 'وصل سامي الكردي إلى مدينة طرابلس أمس .';
    let at = 0;
    const tokens = text.split(' ').map((t) => {
      const start = text.indexOf(t, at);
      at = start + t.length;
      return { text: t, start, end: at };
    });
    const m = documentMentions(NerModel.fromGzip(NerModel.defaultPath('ar')), text, [tokens]);
    for (const x of m) {
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(x.source).toBe('model');
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
    expect(m.some((x) => x.type === 'LOC' && x.text === 'طرابلس')).toBe(true);
  });

  it('tag the same when the word cache starts over between sentences', () => {
    const big = NerModel.fromGzip(NerModel.defaultPath('ar'));
    const tiny = NerModel.fromGzip(NerModel.defaultPath('ar'), { wordCache: 16 });
    const other = ['غادر', 'الفرحاني', 'بغداد', 'متجها', 'إلى', 'عمان', '.'];
    for (const s of [AR, other, AR, other.slice(2), AR]) {
      expect(tiny.tag(s, true, true)).toEqual(big.tag(s, true, true));
      expect(tiny.scores(s)).toEqual(big.scores(s));
    }
  });

  it('guess the language from the script', () => {
    expect(guessLang(AR)).toBe('ar');
    expect(guessLang(EN)).toBe('en');
  });
});

describe('training', () => {
  it('learns a toy pattern and survives compaction and reloading', () => {
    const sent = (tokens: string[], tags: string[]): LabelledSentence => ({ tokens, gold: Int32Array.from(tags, tagIndex) });
    const data = [
      sent(['mr', 'alpha', 'went', 'to', 'zeta'], ['O', 'B-PER', 'O', 'O', 'B-LOC']),
      sent(['mr', 'beta', 'gamma', 'went', 'to', 'eta'], ['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC']),
      sent(['we', 'went', 'to', 'theta'], ['O', 'O', 'O', 'B-LOC']),
      sent(['mr', 'delta', 'said', 'no'], ['O', 'B-PER', 'O', 'O']),
    ];
    const shell = { lang: 'en' as const, clusterWords: '', clusterIds: [], coarse: [], gazetteer: { lists: {} } };
    const res = { lang: 'en' as const, clusters: new Map<string, number>(), coarse: [], gazetteer: new Gazetteer(shell.gazetteer) };
    const index = new FeatureIndex();
    const prepared = prepare(data, res, index, true);
    const weights = trainPerceptron(prepared, index.keys.length, { epochs: 10, seed: 1 });
    const { keys, q, scale } = compact(index, weights, 0);
    const file: NerModelFile = {
      format: MODEL_FORMAT, tags: [...TAGS], ...encodeArrays(keys, q), scale, trans: Array.from(weights.trans), ...shell, meta: {},
    };
    const model = new NerModel(JSON.parse(JSON.stringify(file)) as NerModelFile);
    for (const s of data) expect(model.tag(s.tokens).tags).toEqual(Array.from(s.gold, (t) => TAGS[t]));
    expect(model.tag(['mr', 'omega', 'went', 'to', 'kappa']).tags.slice(0, 2)).toEqual(['O', 'B-PER']);

    // the run-time scores (per-type cached role weights + per-token context features) equal the
    // training-time sum over every key of sentenceFeatures, on first sight and from the cache
    const probe = ['mr', 'beta', 'went', 'to', 'zeta', 'and', 'mr', 'beta'];
    const real = Float64Array.from(q, (x) => x * scale);
    const rows = new Map(Array.from(keys, (k, r) => [k, r]));
    const f = sentenceFeatures(probe, res);
    const expected = new Float64Array(probe.length * TAGS.length);
    for (let i = 0; i < probe.length; i++) {
      for (let k = f.offsets[i]; k < f.offsets[i + 1]; k++) {
        const r = rows.get(f.keys[k]);
        if (r === undefined) continue;
        for (let t = 0; t < TAGS.length; t++) expected[i * TAGS.length + t] += real[r * TAGS.length + t];
      }
    }
    for (const got of [model.scores(probe), model.scores(probe)]) {
      for (let k = 0; k < expected.length; k++) expect(got[k]).toBeCloseTo(expected[k], 3);
    }
  });
});
