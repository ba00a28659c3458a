import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildKbLists } from './build-resources.js';
import { sentenceFeatures } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { MODEL_FORMAT, NerModel, STAGE2_VERSION, encodeArrays, resourcesFromFile, type NerModelFile } from './model.js';
import { FeatureIndex, compact, decode, extract, index as indexRaw, prepare, trainPerceptron, type LabelledSentence } from './perceptron.js';
import { stackKey, stackedFeatures } from './stacking.js';
import { TAGS, tagIndex, tagsToSpans } from './tags.js';
import { documentMentions, guessLang } from './tagger.js';

// Sentences written for this test; the names are invented.
const AR = ['وقال', 'الوزير', 'نادر', 'الفرحاني', 'في', 'مؤتمر', 'صحفي', 'في', 'بغداد', 'إن', 'التحقيق', 'مستمر', '.'];
const EN = ['President', 'Jonas', 'Weltmann', 'visited', 'Baghdad', 'on', 'Monday', '.'];

describe('committed models', () => {
  // how fast they load is a bench figure (npm run bench ner), not a timed test
  it('exist and load', () => {
    for (const lang of ['ar', 'en'] as const) {
      expect(existsSync(NerModel.defaultPath(lang))).toBe(true);
      expect(NerModel.fromGzip(NerModel.defaultPath(lang)).lang).toBe(lang);
    }
  });

  // the Arabic model reads the knowledge base's names as features: a registry or place edit needs
  // `npm run train`, or the committed model no longer is what the training script makes of the data
  it('the Arabic model was trained on the knowledge base as it is now', () => {
    const file = JSON.parse(gunzipSync(readFileSync(NerModel.defaultPath('ar'))).toString('utf8')) as NerModelFile;
    const kb = buildKbLists(fileURLToPath(new URL('../kb/data', import.meta.url)), 'ar').lists;
    for (const [name, list] of Object.entries(kb)) expect(file.gazetteer.lists[name], `${name}: retrain with npm run train`).toEqual(list);
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

  it('tag a document sentence by sentence when the model has no stacked stage', () => {
    const model = NerModel.fromGzip(NerModel.defaultPath('en'));
    const other = ['Weltmann', 'left', 'Baghdad', '.'];
    expect(model.tagDocument([EN, other]).map((t) => t.tags)).toEqual([model.tag(EN).tags, model.tag(other).tags]);
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

  it('learns a stacked stage, and tags at run time as in training', () => {
    const sent = (tokens: string[], tags: string[]): LabelledSentence => ({ tokens, gold: Int32Array.from(tags, tagIndex) });
    const data = [
      sent(['show', '«', 'alpha', 'beta', '»', 'aired'], ['O', 'O', 'B-MISC', 'I-MISC', 'O', 'O']),
      sent(['mr', 'gamma', 'spoke'], ['O', 'B-PER', 'O']),
      sent(['then', 'gamma', 'left'], ['O', 'B-PER', 'O']),
      sent(['show', '«', 'delta', '»', 'ended'], ['O', 'O', 'B-MISC', 'O', 'O']),
    ];
    const shell = { lang: 'en' as const, clusterWords: '', clusterIds: [], coarse: [], gazetteer: { lists: {} } };
    const res = resourcesFromFile(shell);
    const index = new FeatureIndex();
    const prepared = prepare(data, res, index, true);
    const w1 = trainPerceptron(prepared, index.keys.length, { epochs: 10, seed: 1 });
    const one = compact(index, w1, 0);
    const file: NerModelFile = { format: MODEL_FORMAT, tags: [...TAGS], ...encodeArrays(one.keys, one.q), scale: one.scale, trans: Array.from(w1.trans), ...shell, consistency: false, meta: {} };
    // second stage on the gold tags as a stand-in for jackknifed ones
    const extra = stackedFeatures(data.map((s) => s.tokens), data.map((s) => s.gold), 2);
    const index2 = new FeatureIndex();
    // the second stage has no two-word features (NerModelFile.stage2)
    const raw = extract(data, res, false).map((r, k) => {
      const keys: number[] = [];
      const offsets = [0];
      for (let i = 0; i + 1 < r.offsets.length; i++) {
        keys.push(...r.keys.subarray(r.offsets[i], r.offsets[i + 1]), ...Array.from(extra[k].ids.subarray(extra[k].offsets[i], extra[k].offsets[i + 1]), stackKey));
        offsets.push(keys.length);
      }
      return { keys: Uint32Array.from(keys), offsets: Int32Array.from(offsets) };
    });
    const p2 = indexRaw(raw, data, index2, true);
    const w2 = trainPerceptron(p2, index2.keys.length, { epochs: 10, seed: 1 });
    const two = compact(index2, w2, 0);
    file.stage2 = { version: STAGE2_VERSION, ...encodeArrays(two.keys, two.q), scale: two.scale, trans: Array.from(w2.trans), window: 2 };
    const model = new NerModel(JSON.parse(JSON.stringify(file)) as NerModelFile);
    // a stacked stage of another layout (hashed stacked keys, two-word features) is refused, not misread
    expect(() => new NerModel({ ...file, stage2: { ...file.stage2!, version: 1 as typeof STAGE2_VERSION } })).toThrow(/retrain/);
    // so is one trained with a retired feature group
    expect(() => new NerModel({ ...file, quotes: true })).toThrow(/retrain/);
    expect(model.tag(['show', '«', 'omega', '»', 'aired']).tags[2]).toBe('B-MISC');
    const doc = model.tagDocument(data.map((s) => s.tokens));
    // run time = training-time decoding of the same keys with the compacted weights
    const decoded = p2.map((s) => Array.from(decode(s, { w: Float64Array.from(two.q, (x) => x * two.scale), trans: w2.trans }), (t) => TAGS[t]));
    const rows = new Map(Array.from(two.keys, (k, r) => [k, r]));
    const remapped = raw.map((r, k) => ({ feats: Int32Array.from(r.keys, (x) => rows.get(x) ?? -1), offsets: r.offsets, gold: data[k].gold }));
    const runTime = remapped.map((s) => Array.from(decode(s, { w: Float64Array.from(two.q, (x) => x * two.scale), trans: Float64Array.from(file.stage2!.trans) }), (t) => TAGS[t]));
    expect(doc.map((t) => t.tags)).toEqual(runTime);
    expect(decoded.length).toBe(data.length);
    for (const s of data) expect(doc[data.indexOf(s)].tags).toEqual(Array.from(s.gold, (t) => TAGS[t]));
    // the stacked stage reads only the sentences inside its window (2 here)
    const filler = ['then', 'it', 'rained'];
    const far = model.tagDocument([data[1].tokens, filler, filler, filler, data[2].tokens]);
    expect(far.at(-1)).toEqual(model.tagDocument([filler, filler, data[2].tokens]).at(-1));
    // the evidence of one document does not reach the next: the same document tags the same again
    expect(model.tagDocument(data.map((s) => s.tokens), true)).toEqual(model.tagDocument(data.map((s) => s.tokens), true));
  });
});
