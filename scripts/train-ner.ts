// `npm run train`: rebuilds the committed tagger artefacts models/ner/{ar,en}.json.gz from
// ../shared/data (ANERcorp, WNUT17, GeoNames, countries, SaudiNewsNet clusters, cue-word name
// lists and self-training sentences) and the project-written news sentences and name lists in
// src/model/data, deterministically, and prints P/R/F1 on a held-out dev split (the last 10% of
// sentences of each shared training file). Arabic trains twice (see LangSetup.selfTrain).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { conllSentences, parseConll } from '../src/model/conll.js';
import { learnClusters, type ClusterOptions, type Clusters } from '../src/model/clusters.js';
import { buildCorpusLists, buildKbLists, buildPlaceLists, buildWorldLists, readArabicCorpus, readCorpusTexts } from '../src/model/build-resources.js';
import type { ModelLang } from '../src/model/features.js';
import type { GazetteerData } from '../src/model/gazetteer.js';
import { MODEL_FORMAT, NerModel, STAGE2_VERSION, encodeArrays, resourcesFromFile, type NerModelFile } from '../src/model/model.js';
import { FeatureIndex, compact, decode, extract, index as indexFeatures, prepare, trainAveraged, trainPerceptron, type LabelledSentence, type RawFeatures } from '../src/model/perceptron.js';
import { baseForms, consistencyKey, propagateMentions } from '../src/model/consistency.js';
import { STACK_WINDOW, stackKey, stackedFeatures, type StackOptions, type StackedFeatures } from '../src/model/stacking.js';
import { formatScores, nameKey, recallBySeen, scoreSpans } from '../src/model/score.js';
import { TAGS, canonicalTag, tagIndex, tagsToSpans } from '../src/model/tags.js';
import { tagSentences } from '../src/model/tagger.js';
import { SELF_TRAIN_DEFAULTS, autoTaggedSentences, type SelfTrainOptions } from '../src/model/self-train.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    lang: { type: 'string', default: 'all' },
    shared: { type: 'string', default: resolve(root, '../shared/data') },
    out: { type: 'string', default: join(root, 'models/ner') },
    'dev-out': { type: 'string', default: join(tmpdir(), 'marsad-ner') },
    epochs: { type: 'string' },
    // experiments: override the language setup's feature count and weight cut-offs
    'min-count': { type: 'string' },
    'min-abs': { type: 'string' },
    // a development convenience: reuse clusters from an earlier run (same options) instead of relearning
    'clusters-cache': { type: 'string' },
    // ablation: comma-separated feature groups to leave out (paths, kb, corpus, world, or one list: world-per…)
    without: { type: 'string', default: '' },
    // experiments: the stacked second stage (on/off, window, own-tag features, epochs, runs), the
    // consistency pass (on/off). Measured and dropped: a stage 2 of stacked features only, without
    // the word features (±0); a stage 2 of stacked features added to the first stage's emission
    // scores (fixed, optionally scaled) with learnt transitions (below stage 1 on the dev split:
    // it fits the jackknifed training data but does not carry over)
    stack: { type: 'string' },
    'stack-window': { type: 'string' },
    'stack-own-tags': { type: 'string' },
    'stack-epochs': { type: 'string' },
    'stack-runs': { type: 'string' },
    // perceptrons over different shuffle orders averaged into the first stage (steadier, same mean)
    runs: { type: 'string' },
    // analysis: write the jackknifed first-stage tags of the training data (token gold predicted)
    'dump-jackknife': { type: 'string' },
    consistency: { type: 'string' },
    // experiments: hold out the k-th tenth of the training file (0-9) instead of the last one (9,
    // the reported dev split), to confirm on a second held-out slice that a gain is not noise
    'dev-part': { type: 'string', default: '9' },
    // experiments: how many times over the setup's extraTrain sentences are added (0: none)
    'extra-times': { type: 'string' },
    // experiments: the project-written world name lists (on/off; on in the Arabic setup, see LangSetup.world)
    world: { type: 'string' },
    // experiments: self-training on the unlabelled corpus (on/off; on in the Arabic setup, see LangSetup.selfTrain)
    'self-train': { type: 'string' },
  },
});

interface LangSetup {
  lang: ModelLang;
  trainFile: string;
  epochs: number;
  /** keep features seen at least this often in training */
  minCount: number;
  /** drop features whose largest averaged weight is below this */
  minAbs: number;
  /** name lists from src/kb/data as features (English: they cost ~2 F1 on the WNUT dev split, so off) */
  kb: boolean;
  /**
   * Arabic: name lists induced from the unlabelled corpus (words after a title or an organisation
   * or place head noun, buildCorpusLists): +1.6 F1 on the dev split, mean of 3 shuffle seeds
   */
  corpusLists?: { minCount: number; minShare: number };
  /**
   * Arabic: project-written world-knowledge name lists (companies, clubs, parties, media,
   * international bodies, politicians, footballers, events: src/model/data/world-names.json),
   * read by buildWorldLists as the gazetteer lists world-org, world-per, world-misc when `world`
   * is on (or `--world on`).
   */
  worldNames?: string;
  /**
   * On: over the ten tenths of the training file (each held out in turn, shuffle seed 4242), F1
   * without → with the lists: 79.30 → 79.98, 75.17 → 76.39, 74.97 → 75.10, 76.30 → 77.77, 68.52 →
   * 66.76, 76.10 → 78.20, 80.18 → 79.39, 82.06 → 81.40, 77.90 → 79.44, 73.60 → 75.36 (the reported
   * dev tenth); mean 76.41 → 76.98, better on 7 of 10; eval/ner-ar-news/dev-a 89.77 → 91.48. (Two
   * tenths alone had said no: tenth 4 loses on 3 of 4 seeds.) Without world-per: 74.58 / 75.45 on
   * tenth 9, 64.96 / 67.88 on tenth 4; each jackknife fold seeing a random half of the entries:
   * tenth 4 66.03 / 66.23 (worse).
   */
  world?: boolean;
  /**
   * English: project-written news-style sentences (CoNLL conventions: nationalities and events are
   * MISC) added to the training part, each `times` over; WNUT tweets alone gave 55 F1 on
   * eval/ner-en-news/dev-a, with these ~88 (mean of 4 shuffle seeds).
   * Arabic: 305 project-written wire-style sentences (ANERcorp conventions, mostly the project's
   * domain) added once: eval/ner-ar-news/dev-a 76.8 → 90.6 (ORG 54.8 → 89.4), ANERcorp dev
   * 70.20 → 70.52 (seeds 4242/1 × tenths 9/4); twice over: dev-a 89.8, ANERcorp 70.23
   */
  extraTrain?: { file: string; times: number };
  /**
   * a stacked second tagger over the first one's tags of the nearby sentences (stacking.ts), with
   * its own epochs and shuffle-order runs. It peaks after a few epochs, as the word features then
   * fit the training data and crowd out the first stage's (realistic, jackknifed) evidence.
   * Arabic, dev split, mean of 8 shuffle seeds: stage 1 + consistency pass 70.93; stacked with the
   * first-stage tags of the token itself, no pass, 71.99; stacked with document evidence only
   * (stackOwnTags false) + consistency pass 72.43 (better than the old setup on all 8 seeds).
   * On in the Arabic model since stage 2 shares the first stage's word cache and emission pass
   * and has no two-word features (NerModelFile.stage2): seeds 4242/1/2/3, dev split 70.96 → 72.35
   * (+0.42 +1.50 +0.92 +2.75), confirmation tenth (--dev-part 4) 64.23 → 68.35 (+2.90 … +4.99).
   * Speed on one core (a loaded machine, before → after): NER 956k → ~700k tokens/s, full
   * analysis 349 → 317 articles/s, ingest into SQLite 193–198 → 180–184/s (−7%).
   */
  stack: boolean;
  stackEpochs?: number;
  stackRuns?: number;
  /** stage 2 also reads the first stage's tags of the token and its neighbours (default true) */
  stackOwnTags?: boolean;
  /** perceptrons (shuffle orders) averaged into the model, trainAveraged */
  runs: number;
  /**
   * the rule-based document-consistency pass after tagging (Arabic: still +0.7 after a stage 2
   * without own-tag features, 8 seeds; neutral after one with them)
   */
  consistency: boolean;
  /**
   * Self-training (Arabic): once trained, the model tags every `every`-th article of the unlabelled
   * corpus; the sentences it is sure of (autoTaggedSentences: a name, every token's posterior ≥ 0.8
   * at temperature 20; ~6,500 sentences) join the training data and the model is trained again,
   * both stages, on ANERcorp plus them. On ANERcorp it is neutral: over the ten tenths (seed 4242,
   * the committed kb) without → with: 80.53 → 82.28, 74.87 → 75.78, 75.48 → 73.43, 78.31 → 78.20,
   * 67.12 → 66.31, 77.40 → 77.03, 79.71 → 79.64, 81.62 → 81.85, 78.47 → 79.09, 75.66 → 76.64 (the
   * reported dev tenth); mean 76.92 → 77.03, better on 5 of 10 (with the kb lists of the session
   * before: 77.06 → 77.37, better on 7). It is kept for the news the app reads, which is nearer the
   * corpus than ANERcorp's: eval/ner-ar-news dev-a 89.8 → 91.0, dev-b 87.9 → 90.1. It also taught
   * the tagger the corpus's القاعدة (mostly the group) where news means a base: see
   * articleOnlyName in src/kb. Measured and not kept: the sentences in the first stage only, not
   * the stacked stage's jackknife (tenths 9/1/0/6: 75.01 / 75.98 / 80.71 / 79.43, no better than
   * without); every other article (~23,000 sentences, swamping ANERcorp's 4,000: tenth 4 66.53);
   * each model's own temperature (how much is kept, 2,200–9,100 sentences, then depends on the
   * temperature picked on the dev split).
   */
  selfTrain?: SelfTrainOptions & { every: number };
}

const SETUPS: Record<ModelLang, LangSetup> = {
  ar: { lang: 'ar', trainFile: 'ner/ar-anercorp-train/ANERCorp_train_CamelSplitReproduced.txt', epochs: 12, minCount: 2, minAbs: 0.05, kb: true, corpusLists: { minCount: 5, minShare: 0.08 }, worldNames: 'src/model/data/world-names.json', world: true, stack: true, stackEpochs: 4, stackRuns: 5, stackOwnTags: false, consistency: true, runs: 1, extraTrain: { file: 'src/model/data/ar-news-extra.conll', times: 1 }, selfTrain: { ...SELF_TRAIN_DEFAULTS, every: 7 } },
  en: { lang: 'en', trainFile: 'ner/en-wnut17-train/wnut17train.conll', epochs: 12, minCount: 1, minAbs: 0.05, kb: false, stack: false, consistency: true, runs: 1, extraTrain: { file: 'src/model/data/en-news-extra.conll', times: 2 } },
};

/**
 * Arabic word clusters. Word vectors by truncated SVD of the PPMI matrix rather than a random
 * projection, which also lets more context words pay (means of 4 shuffle seeds, dev split = part 9
 * / second held-out tenth = part 4): random, 600 contexts (before) 70.96 / 64.23; SVD, 600
 * contexts 71.22 / 65.98 (power 1 instead of 0.5: 71.87 / 64.71); SVD, 1500 contexts 72.33 /
 * 65.47; SVD, 3000 contexts 72.60 / 65.20 but clusters take ~3× longer to learn. Measured and not
 * kept (random projection, 600 contexts unless said): a larger vocabulary (90k words, down to ~5
 * occurrences; unseen dev entity tokens with a cluster 40% → 56%) 70.08 / 63.84, or the 50k extra
 * words only assigned to the nearest centroid 70.68 / 63.14 (71.07 / 63.28 with a corpus-frequency
 * band feature) — a cluster for rare words costs more than it gives, perhaps because "no cluster"
 * itself says "rare, likely a name"; contexts 2000 with window 2 69.12 / 64.28; further k-means
 * clusterings of the same vectors as features of the token and its neighbours (k 100/1000/3000)
 * 70.37 / 64.98, with SVD vectors (k 1000) 71.71 / 64.61. The SVD vectors themselves as features,
 * binarised per dimension (Guo et al. 2014), never beat the clusters made from them: at best
 * (sparser cut-offs, ~11 keys a word) 73.58 / 66.03 against 73.75 / 66.75; not kept.
 */
const CLUSTER_OPTIONS: ClusterOptions = { vocab: 40000, contexts: 1500, dims: 96, k: 400, kCoarse: 40, iterations: 8, seed: 20170322, svdPower: 0.5 };
const WITHOUT = new Set((opt.without ?? '').split(',').filter(Boolean));
// NER_SEED only for checking how much a figure moves with the shuffle order; the default builds the committed model
const SEED = Number(process.env.NER_SEED ?? 4242);

const log = (msg: string) => process.stderr.write(`[train-ner ${(process.uptime()).toFixed(0)}s] ${msg}\n`);

function readLabelled(path: string): LabelledSentence[] {
  return conllSentences(parseConll(readFileSync(path, 'utf8'))).map((s) => ({
    tokens: s.tokens,
    gold: Int32Array.from(s.tags, (t) => tagIndex(canonicalTag(t))),
  }));
}

const FOLDS = 5;
/** Entity phrases of the gold data, one list per type, as gazetteer keys. */
function nameLists(sents: readonly LabelledSentence[], lang: ModelLang): Record<string, string[]> {
  const lists: Record<string, Set<string>> = {};
  for (const s of sents) {
    for (const span of tagsToSpans(Array.from(s.gold, (t) => TAGS[t]))) {
      if (span.end - span.start > 4) continue;
      const key = consistencyKey(s.tokens.slice(span.start, span.end), lang);
      (lists[`name-${span.type}`] ??= new Set()).add(key);
    }
  }
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * The temperature whose span confidences best predict whether a span is right on the dev split
 * (lowest Brier score). It changes scores only, never the tags.
 */
function pickTemperature(model: NerModel, sents: readonly LabelledSentence[], gold: string[][]): number {
  let best = { t: 20, brier: Infinity };
  for (const t of [5, 10, 15, 20, 30, 40, 60]) {
    model.temperature = t;
    let sum = 0;
    let n = 0;
    const tagged = model.tagDocument(sents.map((s) => s.tokens), true);
    sents.forEach((s, k) => {
      const { tags, confidence } = tagged[k];
      const right = new Set(tagsToSpans(gold[k]).map((x) => `${x.start}:${x.end}:${x.type}`));
      for (const sp of tagsToSpans(tags)) {
        let c = 1;
        for (let i = sp.start; i < sp.end; i++) c = Math.min(c, confidence![i]);
        sum += (c - (right.has(`${sp.start}:${sp.end}:${sp.type}`) ? 1 : 0)) ** 2;
        n++;
      }
    });
    if (n && sum / n < best.brier) best = { t, brier: sum / n };
  }
  return best.t;
}

function arabicClusters(): Clusters {
  const cache = opt['clusters-cache'];
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Clusters;
  const corpus = readArabicCorpus(join(opt.shared, 'corpus/ar-saudinewsnet'));
  log(`corpus: ${corpus.length} tokens, ${corpus.words.length} types`);
  const clusters = learnClusters(corpus, CLUSTER_OPTIONS);
  log(`clusters: ${clusters.words.length} words in ${CLUSTER_OPTIONS.k} / ${CLUSTER_OPTIONS.kCoarse} classes`);
  if (cache) writeFileSync(cache, JSON.stringify(clusters));
  return clusters;
}

const resourcesMemo = new Map<ModelLang, { clusters: Clusters; gazetteer: GazetteerData; world: boolean }>();

/**
 * A language's word clusters and name lists, built once per run: self-training trains twice on the
 * same ones (and a knowledge-base file edited meanwhile cannot reach only the second model).
 */
function languageResources(setup: LangSetup): { clusters: Clusters; gazetteer: GazetteerData; world: boolean } {
  const known = resourcesMemo.get(setup.lang);
  if (known) return known;
  const clusters: Clusters = setup.lang === 'ar' ? arabicClusters() : { words: [], ids: [], coarse: [] };
  const gazetteer: GazetteerData = buildPlaceLists(join(opt.shared, 'gazetteer'), setup.lang);
  if (setup.kb && !WITHOUT.has('kb')) Object.assign(gazetteer.lists, buildKbLists(join(root, 'src/kb/data'), setup.lang).lists);
  if (setup.corpusLists && !WITHOUT.has('corpus')) {
    const { minCount, minShare } = setup.corpusLists;
    Object.assign(gazetteer.lists, buildCorpusLists(join(opt.shared, 'corpus/ar-saudinewsnet'), minCount, minShare).lists);
  }
  const world = !!setup.worldNames && (opt.world ? opt.world === 'on' : setup.world ?? false) && !WITHOUT.has('world');
  if (world) {
    for (const [name, list] of Object.entries(buildWorldLists(join(root, setup.worldNames!), setup.lang).lists)) if (!WITHOUT.has(name)) gazetteer.lists[name] = list;
  }
  log(`gazetteer: ${Object.entries(gazetteer.lists).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
  const built = { clusters, gazetteer, world };
  resourcesMemo.set(setup.lang, built);
  return built;
}

/** Train, then (with self-training) tag the corpus with the model and train again on ANERcorp plus what it is sure of. */
function train(setup: LangSetup): void {
  const self = setup.selfTrain && (opt['self-train'] ? opt['self-train'] === 'on' : true) ? setup.selfTrain : undefined;
  const outPath = trainModel(setup, []);
  if (!self) return;
  const model = NerModel.fromGzip(outPath);
  const auto = autoTaggedSentences(model, readCorpusTexts(join(opt.shared, 'corpus/ar-saudinewsnet'), self.every), self);
  log(`self-training: ${auto.length} corpus sentences tagged with every token's confidence ≥ ${self.minConfidence}; training again`);
  trainModel(setup, auto);
}

/** One training run on the setup's data plus `auto` (self-training sentences); returns the artefact's path. */
function trainModel(setup: LangSetup, auto: readonly LabelledSentence[]): string {
  if (setup.extraTrain && opt['extra-times'] !== undefined) {
    const times = Number(opt['extra-times']);
    if (!Number.isInteger(times) || times < 0) throw new Error('--extra-times must be a whole number >= 0');
    setup = { ...setup, extraTrain: times > 0 ? { ...setup.extraTrain, times } : undefined };
  }
  const all = readLabelled(join(opt.shared, setup.trainFile));
  const part = Number(opt['dev-part']);
  if (!Number.isInteger(part) || part < 0 || part > 9) throw new Error('--dev-part must be 0-9');
  const from = Math.floor((all.length * part) / 10);
  const to = part === 9 ? all.length : Math.floor((all.length * (part + 1)) / 10);
  const trainSet = [...all.slice(0, from), ...all.slice(to)];
  const devSet = all.slice(from, to);
  if (setup.extraTrain) {
    // copies of a sentence stay next to each other, so they fall in one jackknife fold below
    const extra = readLabelled(join(root, setup.extraTrain.file));
    for (const s of extra) for (let r = 0; r < setup.extraTrain.times; r++) trainSet.push(s);
    log(`${setup.lang}: + ${extra.length} sentences × ${setup.extraTrain.times} from ${setup.extraTrain.file}`);
  }
  // after the gold data, so the jackknife folds of the stacked stage keep ANERcorp's own order
  trainSet.push(...auto);
  if (auto.length) log(`${setup.lang}: + ${auto.length} self-training sentences`);
  log(`${setup.lang}: ${trainSet.length} train / ${devSet.length} dev sentences`);
  mkdirSync(opt['dev-out'], { recursive: true });
  const devPath = join(opt['dev-out'], `${setup.lang}-dev.conll`);
  writeFileSync(devPath, devSet.map((s) => s.tokens.map((t, i) => `${t} ${TAGS[s.gold[i]]}\n`).join('')).join('\n'));

  const { clusters, gazetteer, world } = languageResources(setup);
  const withNames = (sents: LabelledSentence[]) => ({ lists: { ...gazetteer.lists, ...nameLists(sents, setup.lang) } });
  const shell = {
    lang: setup.lang,
    clusterWords: clusters.words.join('\n'),
    clusterIds: clusters.ids,
    coarse: clusters.coarse,
    paths: WITHOUT.has('paths') ? [] : clusters.paths ?? [],
    gazetteer: withNames(trainSet),
  };
  const minCount = opt['min-count'] ? Number(opt['min-count']) : setup.minCount;
  const epochs = opt.epochs ? Number(opt.epochs) : setup.epochs;

  // name lists from the training data itself are jackknifed: each fold's features see only the
  // names of the other folds, so the model learns how far a list entry predicts an unseen sentence
  const foldRange = (k: number) => [Math.floor((k * trainSet.length) / FOLDS), Math.floor(((k + 1) * trainSet.length) / FOLDS)] as const;
  const extractFolds = (twoWord: boolean) => {
    const out: RawFeatures[] = [];
    for (let k = 0; k < FOLDS; k++) {
      const [from, to] = foldRange(k);
      const others = [...trainSet.slice(0, from), ...trainSet.slice(to)];
      out.push(...extract(trainSet.slice(from, to), resourcesFromFile({ ...shell, gazetteer: withNames(others) }), twoWord));
    }
    return out;
  };
  const raw = extractFolds(true);
  const res = resourcesFromFile(shell);
  const index = new FeatureIndex();
  const trainP = indexFeatures(raw, trainSet, index, true, minCount);
  const devP = prepare(devSet, res, index, false);
  log(`${index.keys.length} features`);
  const devGold = devSet.map((s) => Array.from(s.gold, (t) => TAGS[t]));
  const runs = opt.runs ? Number(opt.runs) : setup.runs;
  const weights = trainAveraged(trainP, index.keys.length, {
    runs,
    epochs,
    seed: SEED,
    onEpoch: (epoch, avg) => {
      const pred = devP.map((s) => Array.from(decode(s, avg), (t) => TAGS[t]));
      log(`epoch ${epoch}: dev F1 ${(100 * scoreSpans(devGold, pred).overall.f1).toFixed(2)}`);
    },
  });

  const { keys, q, scale } = compact(index, weights, opt['min-abs'] ? Number(opt['min-abs']) : setup.minAbs);
  const file: NerModelFile = {
    format: MODEL_FORMAT,
    tags: [...TAGS],
    ...encodeArrays(keys, q),
    scale,
    trans: Array.from(weights.trans, (x) => Math.round(x * 1000) / 1000),
    ...shell,
    meta: {
      trainedOn: setup.trainFile,
      ...(setup.extraTrain ? { extraTrain: setup.extraTrain } : {}),
      ...(auto.length ? { selfTrain: { ...setup.selfTrain, sentences: auto.length } } : {}),
      trainSentences: trainSet.length,
      devSentences: devSet.length,
      epochs,
      features: keys.length,
      clusters: setup.lang === 'ar' ? CLUSTER_OPTIONS : null,
      without: [...WITHOUT].sort(),
      ...(setup.corpusLists && !WITHOUT.has('corpus') ? { corpusLists: setup.corpusLists } : {}),
      ...(world ? { worldNames: setup.worldNames } : {}),
    },
  };
  mkdirSync(opt.out, { recursive: true });
  const outPath = join(opt.out, `${setup.lang}.json.gz`);
  const gz = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(outPath, gz);
  log(`wrote ${outPath} (${(gz.length / 1e6).toFixed(2)} MB, ${keys.length} features kept)`);

  // score the artefact as the app will load it, so quantisation and pruning are included
  // (the second figure is what `marsad eval ner --conll <dev file>` reproduces)
  if (opt['dump-jackknife']) {
    const tags = jackknifeTags(trainSet, raw, minCount, epochs);
    writeFileSync(opt['dump-jackknife'], trainSet.map((s, k) => s.tokens.map((t, i) => `${t} ${TAGS[s.gold[i]]} ${TAGS[tags[k][i]]}\n`).join('')).join('\n'));
  }
  let model = NerModel.fromGzip(outPath);
  const single = scoreSpans(devGold, devSet.map((s) => model.tag(s.tokens).tags));
  process.stdout.write(`\n${setup.lang} dev, first stage sentence by sentence: overall F1 ${(100 * single.overall.f1).toFixed(2)}\n`);
  const stack = opt.stack ? opt.stack === 'on' : setup.stack;
  file.consistency = opt.consistency ? opt.consistency === 'on' : setup.consistency;
  if (stack) {
    const window = opt['stack-window'] ? Number(opt['stack-window']) : STACK_WINDOW;
    const ownTags = opt['stack-own-tags'] ? opt['stack-own-tags'] === 'on' : setup.stackOwnTags ?? true;
    const epochs2 = opt['stack-epochs'] ? Number(opt['stack-epochs']) : setup.stackEpochs ?? epochs;
    // stage 2 without the two-word features: see NerModelFile.stage2
    const raw2 = extractFolds(false);
    file.stage2 = { version: STAGE2_VERSION, ...trainSecondStage(setup, trainSet, devSet, raw, raw2, minCount, epochs, epochs2, model, res, window, { ownTags }), window, ownTags };
    file.meta.stack = { window, folds: FOLDS, epochs: epochs2, runs: opt['stack-runs'] ? Number(opt['stack-runs']) : setup.stackRuns ?? 1, ownTags };
    writeFileSync(outPath, gzipSync(JSON.stringify(file), { level: 9 }));
    model = NerModel.fromGzip(outPath);
  }
  file.temperature = pickTemperature(model, devSet, devGold);
  const gz2 = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(outPath, gz2);
  log(`wrote ${outPath} (${(gz2.length / 1e6).toFixed(2)} MB); confidence temperature ${file.temperature}`);
  model.temperature = file.temperature;
  const tokens = devSet.map((s) => s.tokens);
  if (model.stage2) {
    const stacked = scoreSpans(devGold, model.tagDocument(tokens).map((t) => t.tags));
    process.stdout.write(`${setup.lang} dev, stacked, no consistency pass: overall F1 ${(100 * stacked.overall.f1).toFixed(2)}\n`);
  }
  model.consistency = true;
  const predWith = tagSentences(model, tokens);
  model.consistency = false;
  const predWithout = tagSentences(model, tokens);
  model.consistency = file.consistency;
  const withPass = scoreSpans(devGold, predWith);
  const withoutPass = scoreSpans(devGold, predWithout);
  process.stdout.write(`${setup.lang} dev, with / without the consistency pass: F1 ${(100 * withPass.overall.f1).toFixed(2)} / ${(100 * withoutPass.overall.f1).toFixed(2)}\n`);
  const final = file.consistency ? withPass : withoutPass;
  process.stdout.write(`${setup.lang} dev as committed (${file.consistency ? 'with' : 'without'} consistency pass; ${devPath}):\n${formatScores(final)}\n`);
  // names seen in the gold training data (self-training sentences are not evidence of having learnt a name)
  const seen = new Set(trainSet.slice(0, trainSet.length - auto.length).flatMap((s) => tagsToSpans(Array.from(s.gold, (t) => TAGS[t])).map((x) => nameKey(s.tokens.slice(x.start, x.end), x.type))));
  const split = recallBySeen(devGold, file.consistency ? predWith : predWithout, tokens, seen);
  const pct = (b: { found: number; total: number }) => `${(100 * b.found / Math.max(1, b.total)).toFixed(1)}% of ${b.total}`;
  process.stdout.write(`${setup.lang} dev recall on names seen in training ${pct(split.seen)}, on unseen names ${pct(split.unseen)}\n`);
  return outPath;
}

/** First-stage tags of the training data, each fold by a model trained on the other folds. */
function jackknifeTags(trainSet: LabelledSentence[], raw: RawFeatures[], minCount: number, epochs: number): Int32Array[] {
  const firstTags: Int32Array[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const from = Math.floor((k * trainSet.length) / FOLDS);
    const to = Math.floor(((k + 1) * trainSet.length) / FOLDS);
    const idx = new FeatureIndex();
    const others = indexFeatures([...raw.slice(0, from), ...raw.slice(to)], [...trainSet.slice(0, from), ...trainSet.slice(to)], idx, true, minCount);
    const w = trainPerceptron(others, idx.keys.length, { epochs, seed: SEED + 1 + k });
    const held = indexFeatures(raw.slice(from, to), trainSet.slice(from, to), idx, false);
    for (const s of held) firstTags.push(decode(s, w));
    log(`jackknife fold ${k + 1}/${FOLDS}`);
  }
  return firstTags;
}

/** Each token's first-stage keys followed by its stacked features' keys. */
function withStacked(raw: RawFeatures, extra: StackedFeatures): RawFeatures {
  const n = raw.offsets.length - 1;
  const keys = new Uint32Array(raw.keys.length + extra.ids.length);
  const offsets = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    keys.set(raw.keys.subarray(raw.offsets[i], raw.offsets[i + 1]), o);
    o += raw.offsets[i + 1] - raw.offsets[i];
    for (let k = extra.offsets[i]; k < extra.offsets[i + 1]; k++) keys[o++] = stackKey(extra.ids[k]);
    offsets[i + 1] = o;
  }
  return { keys, offsets };
}

/**
 * The stacked second tagger: the first stage's tags of the training data come from jackknifing
 * (each fold tagged by a model trained on the other folds, so they carry realistic errors), those
 * of the dev split from the first-stage artefact itself, as at run time.
 */
function trainSecondStage(setup: LangSetup, trainSet: LabelledSentence[], devSet: LabelledSentence[], raw: RawFeatures[], raw2: RawFeatures[], minCount: number, epochs: number, epochs2: number, model: NerModel, res: ReturnType<typeof resourcesFromFile>, window: number, stackOpts: StackOptions) {
  const firstTags = jackknifeTags(trainSet, raw, minCount, epochs);
  const jk = scoreSpans(trainSet.map((s) => Array.from(s.gold, (t) => TAGS[t])), firstTags.map((t) => Array.from(t, (x) => TAGS[x])));
  log(`jackknifed first-stage F1 on the training data ${(100 * jk.overall.f1).toFixed(2)}`);
  {
    const trainGold = trainSet.map((s) => Array.from(s.gold, (t) => TAGS[t]));
    const names = firstTags.map((t) => Array.from(t, (x) => TAGS[x]));
    const out: string[][] = [];
    for (let w = 0; w < trainSet.length; w += 20) out.push(...propagateMentions(trainSet.slice(w, w + 20).map((s) => s.tokens), names.slice(w, w + 20), setup.lang).tags);
    log(`jackknifed + consistency pass on the training data ${(100 * scoreSpans(trainGold, out).overall.f1).toFixed(2)}`);
  }
  const trainExtra = stackedFeatures(trainSet.map((s) => baseForms(s.tokens, setup.lang)), firstTags, window, stackOpts);
  const index2 = new FeatureIndex();
  const train2 = indexFeatures(raw2.map((r, s) => withStacked(r, trainExtra[s])), trainSet, index2, true, minCount);
  const devTags = devSet.map((s) => model.tagIndices(s.tokens));
  const devExtra = stackedFeatures(devSet.map((s) => baseForms(s.tokens, setup.lang)), devTags, window, stackOpts);
  const dev2 = indexFeatures(extract(devSet, res, false).map((r, s) => withStacked(r, devExtra[s])), devSet, index2, false);
  const devGold = devSet.map((s) => Array.from(s.gold, (t) => TAGS[t]));
  log(`second stage: ${index2.keys.length} features`);
  const weights = trainAveraged(train2, index2.keys.length, {
    runs: opt['stack-runs'] ? Number(opt['stack-runs']) : setup.stackRuns ?? 1,
    epochs: epochs2,
    seed: SEED,
    onEpoch: (epoch, avg) => {
      const pred = dev2.map((s) => Array.from(decode(s, avg), (t) => TAGS[t]));
      log(`stage 2 epoch ${epoch}: dev F1 ${(100 * scoreSpans(devGold, pred).overall.f1).toFixed(2)}`);
    },
  });
  const { keys, q, scale } = compact(index2, weights, opt['min-abs'] ? Number(opt['min-abs']) : setup.minAbs);
  log(`second stage: ${keys.length} features kept`);
  return { ...encodeArrays(keys, q), scale, trans: Array.from(weights.trans, (x) => Math.round(x * 1000) / 1000) };
}

const langs: ModelLang[] = opt.lang === 'all' ? ['ar', 'en'] : [opt.lang as ModelLang];
for (const lang of langs) {
  if (!SETUPS[lang]) throw new Error(`--lang must be ar, en or all`);
  train(SETUPS[lang]);
}
