// The trained tagger at run time: a flat hashed-feature weight table, BIO transition scores and
// the feature resources (clusters, name lists), loaded from one gzipped JSON artefact per language.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import * as features from './features.js';
import { padInfos, type FeatureResources, type ModelLang, type WordInfo } from './features.js';
import * as tags from './tags.js';
import * as decoding from './viterbi.js';

// module-local bindings for the per-token path: under tsx every use of an imported binding goes
// through the module namespace
const { ROLES, SELF, PREV, NEXT, PREV2, NEXT2, contextFeatures, gazetteerCodes, wordInfo } = features;
const { N_TAGS, TAGS } = tags;
const { marginals, viterbi } = decoding;

export const MODEL_FORMAT = 'marsad.ner/v2';
/**
 * Word types whose features and weights are kept between calls, per generation: when the young
 * generation is full it becomes the old one and the previous old one is dropped, so at most twice
 * this many types are held (an LRU approximation; memory stays flat on an endless stream).
 */
const WORD_CACHE_GENERATION = 80_000;
const DEFAULT_TEMPERATURE = 20;

/** The artefact as stored. Typed arrays are little-endian base64. */
export interface NerModelFile {
  format: typeof MODEL_FORMAT;
  lang: ModelLang;
  tags: string[];
  /** feature keys, ascending */
  keys: string;
  /** Int16 weights, keys.length × tags.length, row-major; real weight = q × scale */
  weights: string;
  scale: number;
  /** (tags + 1) × tags transition scores, last row = sentence start */
  trans: number[];
  /** cluster words joined by '\n' and their fine ids */
  clusterWords: string;
  clusterIds: number[];
  coarse: number[];
  /** fine cluster id → bit path in the clusters' merge tree */
  paths?: string[];
  /** trigger-word features on */
  triggers?: boolean;
  gazetteer: GazetteerData;
  /**
   * Perceptron scores are not probabilities; dividing them by this before forward–backward gives
   * span confidences that roughly match how often such spans are right (chosen on the dev split).
   */
  temperature?: number;
  meta: Record<string, unknown>;
}

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromB64<T>(s: string, make: (buf: ArrayBuffer) => T): T {
  const buf = Buffer.from(s, 'base64');
  // copy into a fresh, aligned ArrayBuffer
  const ab = new ArrayBuffer(buf.length);
  new Uint8Array(ab).set(buf);
  return make(ab);
}

export function encodeArrays(keys: Uint32Array, weights: Int16Array): { keys: string; weights: string } {
  return { keys: b64(keys), weights: b64(weights) };
}

export function resourcesFromFile(file: Pick<NerModelFile, 'lang' | 'clusterWords' | 'clusterIds' | 'coarse' | 'paths' | 'triggers' | 'gazetteer'>): FeatureResources {
  const words = file.clusterWords === '' ? [] : file.clusterWords.split('\n');
  const clusters = new Map<string, number>();
  for (let i = 0; i < words.length; i++) clusters.set(words[i], file.clusterIds[i]);
  return { lang: file.lang, clusters, coarse: file.coarse, paths: file.paths, triggers: file.triggers, gazetteer: new Gazetteer(file.gazetteer) };
}

const EMPTY_KEYS = new Uint32Array(0);

/** A word type at run time: its infos and its summed weights in each role (ROLES × N_TAGS). */
interface CachedWord {
  info: WordInfo;
  emit: Float32Array;
}

export interface TaggedSentence {
  tags: string[];
  /** per-token posterior of the chosen tag (only when asked for) */
  confidence?: Float64Array;
}

export class NerModel {
  readonly lang: ModelLang;
  readonly resources: FeatureResources;
  readonly meta: Record<string, unknown>;
  private readonly table: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  private readonly weights: Float32Array;
  private readonly trans: Float64Array;
  private readonly featBuf: number[] = [];
  private cache = new Map<string, CachedWord>();
  private oldCache = new Map<string, CachedWord>();
  private readonly pads: [CachedWord, CachedWord];
  temperature: number;

  constructor(file: NerModelFile) {
    if (file.format !== MODEL_FORMAT) throw new Error(`unsupported model format ${file.format}`);
    if (file.tags.join() !== TAGS.join()) throw new Error('model tag set differs from this build');
    this.lang = file.lang;
    this.meta = file.meta;
    this.resources = resourcesFromFile(file);
    const keys = fromB64(file.keys, (b) => new Uint32Array(b));
    const q = fromB64(file.weights, (b) => new Int16Array(b));
    this.weights = new Float32Array(q.length);
    for (let k = 0; k < q.length; k++) this.weights[k] = q[k] * file.scale;
    this.trans = Float64Array.from(file.trans);
    this.temperature = file.temperature ?? DEFAULT_TEMPERATURE;
    // open addressing, load ≤ 0.5; keys are already hashes so the low bits index directly
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r] & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = keys[r];
      this.rows[slot] = r;
    }
    const [start, end] = padInfos(this.resources);
    this.pads = [this.cached(start), this.cached(end)];
  }

  private cached(info: WordInfo): CachedWord {
    const N = N_TAGS;
    const emit = new Float32Array(ROLES * N);
    const w = this.weights;
    for (let r = 0; r < ROLES; r++) {
      for (let k = info.roleOff[r]; k < info.roleOff[r + 1]; k++) {
        const row = this.row(info.keys[k]);
        if (row < 0) continue;
        const o = row * N;
        for (let t = 0; t < N; t++) emit[r * N + t] += w[o + t];
      }
    }
    // the summed weights replace the keys; dropping them keeps a cached type at a few hundred bytes
    info.keys = EMPTY_KEYS;
    return { info, emit };
  }

  private word(surface: string): CachedWord {
    let c = this.cache.get(surface);
    if (c === undefined) {
      c = this.oldCache.get(surface) ?? this.cached(wordInfo(surface, this.resources));
      if (this.cache.size >= WORD_CACHE_GENERATION) {
        this.oldCache = this.cache;
        this.cache = new Map();
      }
      this.cache.set(surface, c);
    }
    return c;
  }

  static fromGzip(path: string): NerModel {
    return new NerModel(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as NerModelFile);
  }

  /** The committed artefact for a language, located relative to this module (no ../shared at run time). */
  static defaultPath(lang: ModelLang): string {
    return fileURLToPath(new URL(`../../models/ner/${lang}.json.gz`, import.meta.url));
  }

  private row(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const k = this.table[slot];
      if (k === key) return this.rows[slot];
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** emission scores, n × N_TAGS */
  scores(tokens: readonly string[]): Float64Array {
    const n = tokens.length;
    const N = N_TAGS;
    const emit = new Float64Array(n * N);
    const words: CachedWord[] = new Array(n);
    const infos: WordInfo[] = new Array(n);
    for (let i = 0; i < n; i++) {
      words[i] = this.word(tokens[i]);
      infos[i] = words[i].info;
    }
    const gaz = gazetteerCodes(infos, this.resources);
    const lists = this.resources.gazetteer.lists.length;
    const pads = [this.pads[0].info, this.pads[1].info] as [WordInfo, WordInfo];
    const buf = this.featBuf;
    const w = this.weights;
    const [padStart, padEnd] = this.pads;
    for (let i = 0; i < n; i++) {
      const base = i * N;
      const self = words[i].emit;
      const prev = (i > 0 ? words[i - 1] : padStart).emit;
      const next = (i + 1 < n ? words[i + 1] : padEnd).emit;
      const prev2 = (i > 1 ? words[i - 2] : padStart).emit;
      const next2 = (i + 2 < n ? words[i + 2] : padEnd).emit;
      for (let t = 0; t < N; t++) {
        emit[base + t] = self[SELF * N + t] + prev[PREV * N + t] + next[NEXT * N + t] + prev2[PREV2 * N + t] + next2[NEXT2 * N + t];
      }
      buf.length = 0;
      contextFeatures(infos, pads, gaz, lists, i, buf);
      for (let f = 0; f < buf.length; f++) {
        const r = this.row(buf[f]);
        if (r < 0) continue;
        const o = r * N;
        for (let t = 0; t < N; t++) emit[base + t] += w[o + t];
      }
    }
    return emit;
  }

  tagIndices(tokens: readonly string[]): Int32Array {
    return viterbi(this.scores(tokens), tokens.length, this.trans);
  }

  tag(tokens: readonly string[], withConfidence = false): TaggedSentence {
    if (tokens.length === 0) return { tags: [] };
    const emit = this.scores(tokens);
    const best = viterbi(emit, tokens.length, this.trans);
    const tags = Array.from(best, (t) => TAGS[t]);
    if (!withConfidence) return { tags };
    const p = marginals(emit, tokens.length, this.trans, this.temperature);
    return { tags, confidence: Float64Array.from(best, (t, i) => p[i * N_TAGS + t]) };
  }
}
