// The trained tagger at run time: a flat hashed-feature weight table, BIO transition scores and
// the feature resources (clusters, name lists), loaded from one gzipped JSON artefact per language.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import * as features from './features.js';
import type { FeatureResources, ModelLang } from './features.js';
import * as tags from './tags.js';
import * as decoding from './viterbi.js';
import { BaseForms, STACK_FEATURES, STACK_WINDOW, StackEvidence, stackKey, type StackOptions } from './stacking.js';

// module-local bindings for the per-token path: under tsx every use of an imported binding goes
// through the module namespace
const { ROLES, SELF, PREV, NEXT, PREV2, NEXT2, FIRST_KEY, b0bp1Key, bm1b0Key, capKey, clusterBigramKey, gazKey, keyScratch, shapeBigramKey, wm1Shape0Key, wordKeys } = features;
const { N_TAGS, TAGS } = tags;
const { marginals, viterbi } = decoding;
const N = N_TAGS;
/** floats per cached word type and stage: its summed weights in each role */
const STRIDE = ROLES * N_TAGS;
// the unrolled loops below are written for nine tags (O and B/I of four types)
if (N_TAGS !== 9) throw new Error('NerModel expects 9 tags');

export const MODEL_FORMAT = 'marsad.ner/v2';
/**
 * Layout of the stacked stage: 2 = stacked features as dense ids under stackKey, and no features
 * that combine two words' forms (see NerModelFile.stage2).
 */
export const STAGE2_VERSION = 2;
/**
 * Word types whose summed weights are kept between calls. When the table is full it starts over
 * (between sentences), so memory stays flat on an endless stream; frequent words come back at once.
 */
const WORD_CACHE_SIZE = 1 << 17;
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
  /** retired feature groups (trigger words, quoted spans): a model with either on is refused */
  triggers?: boolean;
  quotes?: boolean;
  gazetteer: GazetteerData;
  /**
   * Perceptron scores are not probabilities; dividing them by this before forward–backward gives
   * span confidences that roughly match how often such spans are right (chosen on the dev split).
   */
  temperature?: number;
  /** run the rule-based document-consistency pass after tagging (absent = yes) */
  consistency?: boolean;
  /**
   * A second, stacked tagger (see stacking.ts): the first stage's features except those that
   * combine two words' forms, plus what this (first) tagger said about the other sentences within
   * ±window (stackKey of each stacked feature); it gives the final tags of a document. Without
   * the two-word features it costs little beyond the first stage (their keys are the per-token
   * hashing and probing; everything else is cached per word type or shared with the first stage),
   * and it scored the same: Arabic, 4 shuffle seeds, dev split 72.28 with them, 72.35 without;
   * confirmation tenth 68.32 / 68.35.
   */
  stage2?: { version: typeof STAGE2_VERSION; keys: string; weights: string; scale: number; trans: number[]; window: number; ownTags?: boolean };
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

export function resourcesFromFile(file: Pick<NerModelFile, 'lang' | 'clusterWords' | 'clusterIds' | 'coarse' | 'paths' | 'gazetteer'>): FeatureResources {
  const words = file.clusterWords === '' ? [] : file.clusterWords.split('\n');
  const clusters = new Map<string, number>();
  for (let i = 0; i < words.length; i++) clusters.set(words[i], file.clusterIds[i]);
  return { lang: file.lang, clusters, coarse: file.coarse, paths: file.paths, gazetteer: new Gazetteer(file.gazetteer) };
}

/**
 * Distinct base forms the stacked stage keeps ids for before it starts over (at a document start),
 * as many as the word cache keeps types: its evidence counts are indexed by them (≤ ~15 MB).
 */
const BASE_FORMS_SIZE = 1 << 17;

/**
 * The quantised weights of all stages under one table of hashed keys: row r holds each stage's
 * weights side by side, q[r * width + stage * N + tag], with zeros where a stage lacks the key
 * (adding a zero leaves every sum exactly as it was). A word type's keys are looked up for both
 * stages in turn, and the second stage finds the filter bits, the slot and the row in cache.
 */
class WeightTable {
  /** open-addressing table: table[2 * slot] = key, table[2 * slot + 1] = its weight row */
  readonly table: Int32Array;
  readonly mask: number;
  /**
   * Two-bit Bloom filter over the keys (2^20 bits, 128 KB): most context features of a sentence are
   * not in the model, and the filter answers them from cache instead of a probe of the table.
   */
  readonly filter = new Int32Array(1 << 15);
  /** quantised weights as stored, kept as Int16 (half the memory of floats: the look-ups are cache misses) */
  readonly q: Int16Array;
  /** weights per row: N per stage */
  readonly width: number;

  constructor(stages: ReadonlyArray<{ keys: Uint32Array; q: Int16Array }>) {
    // the union of the stages' keys, ascending as each stage's own list
    const keys = Uint32Array.from(new Set(stages.flatMap((st) => Array.from(st.keys)))).sort();
    // open addressing, load ≤ 0.5; keys are already hashes so the low bits index directly.
    // key and row side by side: one cache line per probe
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 2);
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r] & this.mask;
      while (this.table[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = keys[r] | 0;
      this.table[slot * 2 + 1] = r;
      const a = keys[r] & 0xfffff;
      const b = ((keys[r] >>> 20) | (keys[r] << 12)) & 0xfffff;
      this.filter[a >>> 5] |= 1 << (a & 31);
      this.filter[b >>> 5] |= 1 << (b & 31);
    }
    this.width = stages.length * N;
    this.q = new Int16Array(keys.length * this.width);
    stages.forEach((st, s) => {
      for (let r = 0; r < st.keys.length; r++) this.q.set(st.q.subarray(r * N, (r + 1) * N), this.row(st.keys[r]) * this.width + s * N);
    });
  }

  row(key: number): number {
    const f = this.filter;
    const a = key & 0xfffff;
    const b = ((key >>> 20) | (key << 12)) & 0xfffff;
    if (((f[a >>> 5] >>> (a & 31)) & (f[b >>> 5] >>> (b & 31)) & 1) === 0) return -1;
    const t = this.table;
    const k = key | 0;
    let slot = key & this.mask;
    for (;;) {
      const x = t[slot * 2];
      if (x === k) return t[slot * 2 + 1];
      if (x === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * One stage's view of the weight table: its scale, its offset in the rows, its transitions and the
 * rows of the features every token may have. (The word-type cache with each stage's summed role
 * weights belongs to the model, shared by the stages.) A row may hold only zeros for this stage.
 */
class StageWeights {
  readonly q: Int16Array;
  readonly width: number;
  /** where this stage's weights start in a row */
  readonly off: number;
  /** a weight is fround(q × scale), what a Float32Array of them would hold */
  readonly scale: number;
  readonly trans: Float64Array;
  /** rows of the gazetteer features: gazRow[(at + 1) * lists * 4 + l * 4 + code] */
  readonly gazRow: Int32Array;
  readonly firstRow: number;
  readonly capRow: [number, number];

  constructor(readonly weights: WeightTable, stage: number, scale: number, trans: readonly number[], lists: number) {
    this.q = weights.q;
    this.width = weights.width;
    this.off = stage * N;
    this.scale = scale;
    this.trans = Float64Array.from(trans);
    this.gazRow = new Int32Array(3 * lists * 4).fill(-1);
    for (const at of [-1, 0, 1] as const) {
      for (let l = 0; l < lists; l++) for (const code of [1, 2]) this.gazRow[(at + 1) * lists * 4 + l * 4 + code] = this.row(gazKey(at, l, code));
    }
    this.firstRow = this.row(FIRST_KEY);
    this.capRow = [this.row(capKey(1)), this.row(capKey(2))];
  }

  row(key: number): number {
    return this.weights.row(key);
  }

  /** the weights of a key as floats (zeros if the key is not in the table) */
  weightsOf(key: number, out: Float64Array, at: number): void {
    const r = this.row(key);
    if (r < 0) return;
    const o = r * this.width + this.off;
    for (let t = 0; t < N; t++) out[at + t] = Math.fround(this.q[o + t] * this.scale);
  }
}

/** The stacked second stage at run time. */
export interface Stage2 {
  weights: StageWeights;
  /** the stacked features' weights, STACK_FEATURES × N_TAGS (dense: they are few) */
  stacked: Float64Array;
  window: number;
  options: StackOptions;
}

export interface TaggedSentence {
  tags: string[];
  /** per-token posterior of the chosen tag (only when asked for) */
  confidence?: Float64Array;
  /** the tokens' proclitic-stripped base forms (consistencyKey's words), when asked for */
  bases?: string[];
}

export class NerModel {
  readonly lang: ModelLang;
  readonly resources: FeatureResources;
  readonly meta: Record<string, unknown>;
  private readonly w1: StageWeights;
  /**
   * per word-type slot and role, each stage's summed weights side by side: emitW[slot * stride +
   * role * stages * N + stage * N + tag], so both stages' rows of a word come in one cache line
   */
  private emitW = new Float32Array(0);
  private readonly stages: 1 | 2;
  // the word-type cache, one slot per type; slots 0 and 1 are the pads before and after a sentence
  private ids = new Map<string, number>();
  private used = 2;
  private slots = 0;
  private fine = new Int32Array(0);
  private hNorm = new Int32Array(0);
  private hBase = new Int32Array(0);
  private hShape = new Int32Array(0);
  private cap = new Uint8Array(0);
  private base: string[] = [];
  private gazStart: Array<Int32Array | undefined> = [];
  private readonly cacheSize: number;
  private readonly scratch = keyScratch();
  /** the weight-table rows of the scratch's keys (-1: not in the model) */
  private keyRows = new Int32Array(128);
  // per-sentence scratch, grown to the longest sentence
  private wid = new Int32Array(0);
  private best = new Int32Array(0);
  private emitBuf = new Float64Array(0);
  private gazBuf = new Uint8Array(0);
  private readonly sentBases: string[] = [];
  private readonly sentStarts: Array<Int32Array | undefined> = [];
  private sentHashes = new Int32Array(0);
  temperature: number;
  /** the stacked second stage, if the artefact has one; it shares the word-type cache */
  readonly stage2: Stage2 | null;
  // its state: base-form ids of the cached word types, the evidence counts, document buffers
  private forms: BaseForms | null = null;
  private evidence: StackEvidence | null = null;
  private baseId = new Int32Array(0);
  private docEmit = new Float64Array(0);
  private docBases = new Int32Array(0);
  private docTags = new Int32Array(0);
  /** whether the tagger's callers run the document-consistency pass after it */
  consistency: boolean;

  /** `wordCache`: word types kept between calls (tests shrink it to exercise the restart). */
  constructor(file: NerModelFile, opts: { wordCache?: number } = {}) {
    if (file.format !== MODEL_FORMAT) throw new Error(`unsupported model format ${file.format}`);
    if (file.tags.join() !== TAGS.join()) throw new Error('model tag set differs from this build');
    if (file.triggers || file.quotes) throw new Error('this model uses feature groups this build no longer has (trigger words, quoted spans): retrain it');
    this.lang = file.lang;
    this.meta = file.meta;
    this.resources = resourcesFromFile(file);
    this.consistency = file.consistency ?? true;
    this.temperature = file.temperature ?? DEFAULT_TEMPERATURE;
    const L = this.resources.gazetteer.lists.length;
    if (file.stage2 && file.stage2.version !== STAGE2_VERSION) throw new Error('the stacked stage of this model is from an older build: retrain it');
    const arrays = (keys: string, weights: string) => ({ keys: fromB64(keys, (b) => new Uint32Array(b)), q: fromB64(weights, (b) => new Int16Array(b)) });
    const table = new WeightTable(file.stage2 ? [arrays(file.keys, file.weights), arrays(file.stage2.keys, file.stage2.weights)] : [arrays(file.keys, file.weights)]);
    this.w1 = new StageWeights(table, 0, file.scale, file.trans, L);
    this.stage2 = null;
    this.stages = file.stage2 ? 2 : 1;
    if (file.stage2) {
      const weights = new StageWeights(table, 1, file.stage2.scale, file.stage2.trans, L);
      const stacked = new Float64Array(STACK_FEATURES * N);
      for (let f = 0; f < STACK_FEATURES; f++) weights.weightsOf(stackKey(f), stacked, f * N);
      this.stage2 = { weights, stacked, window: file.stage2.window ?? STACK_WINDOW, options: { ownTags: file.stage2.ownTags ?? true } };
      this.forms = new BaseForms();
      this.evidence = new StackEvidence(this.forms);
    }
    this.cacheSize = Math.max(4, opts.wordCache ?? WORD_CACHE_SIZE);
    this.grow(Math.min(1024, this.cacheSize));
    this.addWord('', 0, 1);
    this.addWord('', 1, 2);
  }

  private grow(slots: number): void {
    const copy = <A extends Float32Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A, per = 1): A => {
      const b = make(slots * per);
      b.set(a.subarray(0, this.slots * per));
      return b;
    };
    this.emitW = copy(this.emitW, (n) => new Float32Array(n), STRIDE * this.stages);
    this.fine = copy(this.fine, (n) => new Int32Array(n));
    this.hNorm = copy(this.hNorm, (n) => new Int32Array(n));
    this.hBase = copy(this.hBase, (n) => new Int32Array(n));
    this.hShape = copy(this.hShape, (n) => new Int32Array(n));
    this.cap = copy(this.cap, (n) => new Uint8Array(n));
    this.baseId = copy(this.baseId, (n) => new Int32Array(n));
    this.slots = slots;
  }

  /** Fill slot `id` with a word type: its forms and, for each stage, its summed weights in each role. */
  private addWord(surface: string, id: number, pad: 0 | 1 | 2): void {
    const s = this.scratch;
    const info = wordKeys(surface, this.resources, pad, s);
    // the keys' rows, looked up once for both stages
    if (this.keyRows.length < s.n) this.keyRows = new Int32Array(s.keys.length);
    for (let k = 0; k < s.n; k++) this.keyRows[k] = this.w1.weights.row(s.keys[k]);
    this.sumRoles(this.w1, id, 0);
    if (this.stage2) this.sumRoles(this.stage2.weights, id, 1);
    this.fine[id] = info.fine;
    this.hNorm[id] = info.hNorm;
    this.hBase[id] = info.hBase;
    this.hShape[id] = info.hShape;
    this.cap[id] = info.cap ? 1 : 0;
    this.base[id] = info.base;
    this.gazStart[id] = info.gazStart;
    if (this.forms) this.baseId[id] = this.forms.id(info.base);
  }

  /** The summed weights in each role of the word whose keys are in this.scratch (rows in this.keyRows), into slot `id`. */
  private sumRoles(W: StageWeights, id: number, stage: number): void {
    const s = this.scratch;
    const rows = this.keyRows;
    const e = this.emitW;
    const per = this.stages * N;
    const w = W.q;
    const width = W.width;
    const off = W.off;
    const sc = W.scale;
    const fr = Math.fround;
    // Float32 sums in key order, as the weights were always summed per role (fround = a Float32Array store)
    for (let r = 0; r < ROLES; r++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      const to = s.roleOff[r + 1];
      for (let k = s.roleOff[r]; k < to; k++) {
        const row = rows[k];
        if (row < 0) continue;
        const o = row * width + off;
        a0 = fr(a0 + fr(w[o] * sc)); a1 = fr(a1 + fr(w[o + 1] * sc)); a2 = fr(a2 + fr(w[o + 2] * sc));
        a3 = fr(a3 + fr(w[o + 3] * sc)); a4 = fr(a4 + fr(w[o + 4] * sc)); a5 = fr(a5 + fr(w[o + 5] * sc));
        a6 = fr(a6 + fr(w[o + 6] * sc)); a7 = fr(a7 + fr(w[o + 7] * sc)); a8 = fr(a8 + fr(w[o + 8] * sc));
      }
      const er = id * STRIDE * this.stages + r * per + stage * N;
      e[er] = a0; e[er + 1] = a1; e[er + 2] = a2; e[er + 3] = a3; e[er + 4] = a4;
      e[er + 5] = a5; e[er + 6] = a6; e[er + 7] = a7; e[er + 8] = a8;
    }
  }

  /** The slot of a word type, filled on first sight. */
  private word(surface: string): number {
    let id = this.ids.get(surface);
    if (id === undefined) {
      id = this.used++;
      if (id >= this.slots) this.grow(Math.max(id + 1, Math.min(this.slots * 2, this.cacheSize)));
      this.addWord(surface, id, 0);
      this.ids.set(surface, id);
    }
    return id;
  }

  static fromGzip(path: string, opts: { wordCache?: number } = {}): NerModel {
    return new NerModel(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as NerModelFile, opts);
  }

  /** The committed artefact for a language, located relative to this module (no ../shared at run time). */
  static defaultPath(lang: ModelLang): string {
    return fileURLToPath(new URL(`../../models/ner/${lang}.json.gz`, import.meta.url));
  }

  /** Empty the word-type cache (the pad slots 0 and 1 stay). */
  private restartCache(): void {
    this.ids.clear();
    this.used = 2;
    this.base.length = 2;
    this.gazStart.length = 2;
  }

  /** Slots of a sentence's words in this.wid[0 .. n); the cache starts over first if they might not fit. */
  private lookUp(tokens: readonly string[]): void {
    const n = tokens.length;
    if (this.used + n > this.cacheSize) this.restartCache();
    if (this.wid.length < n) {
      this.wid = new Int32Array(n * 2);
      this.emitBuf = new Float64Array(n * 2 * N);
    }
    for (let i = 0; i < n; i++) this.wid[i] = this.word(tokens[i]);
  }

  /** Gazetteer codes of the sentence in this.wid (see Gazetteer.match), or null if no word starts a phrase. */
  private gazCodes(n: number): Uint8Array | null {
    const wid = this.wid;
    const starts = this.gazStart;
    let any = false;
    for (let i = 0; i < n && !any; i++) any = starts[wid[i]] !== undefined;
    if (!any) return null;
    const L = this.resources.gazetteer.lists.length;
    if (this.gazBuf.length < n * L) this.gazBuf = new Uint8Array(n * L * 2);
    if (this.sentHashes.length < n) this.sentHashes = new Int32Array(n * 2);
    const bases = this.sentBases;
    const st = this.sentStarts;
    bases.length = n;
    st.length = n;
    for (let i = 0; i < n; i++) {
      bases[i] = this.base[wid[i]];
      st[i] = starts[wid[i]];
      this.sentHashes[i] = this.hBase[wid[i]];
    }
    this.resources.gazetteer.match(bases, this.gazBuf, st, this.sentHashes);
    return this.gazBuf;
  }

  /**
   * Emission scores of the sentence in this.wid (n × N_TAGS): the first stage's into emit[0 …],
   * and with `emit2` the second stage's (without the two-word features) into emit2[at2 …], in one
   * pass. The words' cached role weights come first, then the features that combine two words or
   * read the sentence, summed in the order of features.contextFeatures (so the floats are the
   * same as from sentenceFeatures' keys).
   */
  private emissions(n: number, emit: Float64Array, gaz: Uint8Array | null, emit2: Float64Array | null = null, at2 = 0): Float64Array {
    const wid = this.wid;
    const E = this.emitW;
    const L = this.resources.gazetteer.lists.length;
    const { fine, hBase, hNorm, hShape } = this;
    const W1 = this.w1;
    const W2 = emit2 ? this.stage2!.weights : null;
    const per = this.stages * N;
    const stride = STRIDE * this.stages;
    for (let i = 0; i < n; i++) {
      const base = i * N;
      const base2 = at2 + i * N;
      const me = wid[i];
      const pv = i > 0 ? wid[i - 1] : 0;
      const nx = i + 1 < n ? wid[i + 1] : 1;
      const self = me * stride + SELF * per;
      const prev = pv * stride + PREV * per;
      const next = nx * stride + NEXT * per;
      const prev2 = (i > 1 ? wid[i - 2] : 0) * stride + PREV2 * per;
      const next2 = (i + 2 < n ? wid[i + 2] : 1) * stride + NEXT2 * per;
      for (let t = 0; t < N; t++) emit[base + t] = E[self + t] + E[prev + t] + E[next + t] + E[prev2 + t] + E[next2 + t];
      if (W2) for (let t = N; t < 2 * N; t++) emit2![base2 + t - N] = E[self + t] + E[prev + t] + E[next + t] + E[prev2 + t] + E[next2 + t];
      this.addRow(emit, base, W1.row(bm1b0Key(hBase[pv], hBase[me])), W1);
      this.addRow(emit, base, W1.row(b0bp1Key(hBase[me], hBase[nx])), W1);
      this.addRow(emit, base, W1.row(shapeBigramKey(hShape[me], hShape[nx])), W1);
      this.addRow(emit, base, W1.row(wm1Shape0Key(hNorm[pv], hShape[me])), W1);
      if (fine[me] >= 0) this.addRow(emit, base, W1.row(clusterBigramKey(fine[me], fine[nx])), W1);
      if (gaz !== null) {
        for (let l = 0; l < L; l++) {
          const o = l * n + i;
          const g = gaz[o];
          const gp = i > 0 ? gaz[o - 1] : 0;
          const gn = i + 1 < n ? gaz[o + 1] : 0;
          if (g) this.addRow(emit, base, W1.gazRow[L * 4 + l * 4 + g], W1);
          if (gp) this.addRow(emit, base, W1.gazRow[l * 4 + gp], W1);
          if (gn) this.addRow(emit, base, W1.gazRow[2 * L * 4 + l * 4 + gn], W1);
          if (W2) {
            if (g) this.addRow(emit2!, base2, W2.gazRow[L * 4 + l * 4 + g], W2);
            if (gp) this.addRow(emit2!, base2, W2.gazRow[l * 4 + gp], W2);
            if (gn) this.addRow(emit2!, base2, W2.gazRow[2 * L * 4 + l * 4 + gn], W2);
          }
        }
      }
      if (i === 0) {
        this.addRow(emit, base, W1.firstRow, W1);
        if (W2) this.addRow(emit2!, base2, W2.firstRow, W2);
      }
      if (this.cap[me]) {
        this.addRow(emit, base, W1.capRow[i === 0 ? 0 : 1], W1);
        if (W2) this.addRow(emit2!, base2, W2.capRow[i === 0 ? 0 : 1], W2);
      }
    }
    return emit;
  }

  private addRow(emit: Float64Array, base: number, row: number, W: StageWeights): void {
    if (row < 0) return;
    const w = W.q;
    const o = row * W.width + W.off;
    const sc = W.scale;
    for (let t = 0; t < N; t++) emit[base + t] += Math.fround(w[o + t] * sc);
  }

  /** first-stage emission scores, n × N_TAGS */
  scores(tokens: readonly string[]): Float64Array {
    this.lookUp(tokens);
    return this.emissions(tokens.length, this.emitBuf, this.gazCodes(tokens.length)).slice(0, tokens.length * N);
  }

  /** first-stage tags */
  tagIndices(tokens: readonly string[]): Int32Array {
    this.lookUp(tokens);
    return viterbi(this.emissions(tokens.length, this.emitBuf, this.gazCodes(tokens.length)), tokens.length, this.w1.trans);
  }

  /**
   * First-stage tags of one sentence; with `withConfidence` each token's posterior of its tag too,
   * and with `withBases` the tokens' base forms (what consistencyKey reads), from the word cache.
   */
  tag(tokens: readonly string[], withConfidence = false, withBases = false): TaggedSentence {
    const n = tokens.length;
    if (n === 0) return withBases ? { tags: [], bases: [] } : { tags: [] };
    this.lookUp(tokens);
    const emit = this.emissions(n, this.emitBuf, this.gazCodes(n));
    if (this.best.length < n) this.best = new Int32Array(n * 2);
    const best = viterbi(emit, n, this.w1.trans, this.best);
    return this.output(emit, n, best, this.w1.trans, withConfidence, withBases ? this.bases(n) : undefined);
  }

  /** Tags (and confidences) of a sentence from its emission scores and best path. */
  private output(emit: Float64Array, n: number, best: Int32Array, trans: Float64Array, withConfidence: boolean, bases: string[] | undefined): TaggedSentence {
    const tagNames = new Array<string>(n);
    for (let i = 0; i < n; i++) tagNames[i] = TAGS[best[i]];
    const out: TaggedSentence = { tags: tagNames };
    if (bases) out.bases = bases;
    if (withConfidence) {
      const p = marginals(emit, n, trans, this.temperature);
      const c = (out.confidence = new Float64Array(n));
      for (let i = 0; i < n; i++) c[i] = p[i * N + best[i]];
    }
    return out;
  }

  /** base forms of the sentence in this.wid */
  private bases(n: number): string[] {
    const bases = new Array<string>(n);
    for (let i = 0; i < n; i++) bases[i] = this.base[this.wid[i]];
    return bases;
  }

  /**
   * Tags of the consecutive sentences of one document: the first tagger alone, or, when the model
   * has a stacked stage, the second tagger reading the first one's tags of the nearby sentences.
   * Both stages' scores come from one pass over each sentence (shared word cache and gazetteer
   * matches); the second stage then adds the stacked features and decodes again. Confidences (if
   * asked) and base forms come with the final tags.
   */
  tagDocument(sentences: readonly (readonly string[])[], withConfidence = false): TaggedSentence[] {
    const st = this.stage2;
    if (!st) return sentences.map((t) => this.tag(t, withConfidence, true));
    const forms = this.forms!;
    if (forms.size > BASE_FORMS_SIZE) {
      // the base ids of cached words go with the ids: both start over
      forms.clear();
      this.restartCache();
    }
    const S = sentences.length;
    const starts = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) starts[s + 1] = starts[s] + sentences[s].length;
    const total = starts[S];
    if (this.docBases.length < total) {
      // sized to the longest document so far (articles are short; a CoNLL stream is one document)
      const size = total + 4096;
      this.docBases = new Int32Array(size);
      this.docTags = new Int32Array(size);
      this.docEmit = new Float64Array(size * N);
    }
    const { docEmit, docBases, docTags } = this;
    // both stages' scores, the first stage's tags and the base forms of every sentence
    const bases: string[][] = new Array(S);
    for (let s = 0; s < S; s++) {
      const n = sentences[s].length;
      if (n === 0) {
        bases[s] = [];
        continue;
      }
      this.lookUp(sentences[s]);
      const o = starts[s];
      if (this.best.length < n) this.best = new Int32Array(n * 2);
      const best = viterbi(this.emissions(n, this.emitBuf, this.gazCodes(n), docEmit, o * N), n, this.w1.trans, this.best);
      for (let i = 0; i < n; i++) docTags[o + i] = best[i];
      for (let i = 0; i < n; i++) docBases[o + i] = this.baseId[this.wid[i]];
      bases[s] = this.bases(n);
    }
    // the stacked features' weights on top, decoded with the second stage's transitions
    const out: TaggedSentence[] = new Array(S);
    const ev = this.evidence!;
    const W = st.stacked;
    const trans = st.weights.trans;
    ev.stackDocument({ bases: docBases, tags: docTags, starts }, st.window, st.options, (s, n) => {
      if (n === 0) {
        out[s] = { tags: [], bases: [] };
        return;
      }
      // into the sentence buffer (grown by lookUp to the longest sentence; no views allocated)
      const emit = this.emitBuf;
      const from = starts[s] * N;
      for (let k = 0; k < n * N; k++) emit[k] = docEmit[from + k];
      const { ids, offsets } = ev;
      for (let i = 0; i < n; i++) {
        const e = i * N;
        for (let k = offsets[i]; k < offsets[i + 1]; k++) {
          const r = ids[k] * N;
          for (let t = 0; t < N; t++) emit[e + t] += W[r + t];
        }
      }
      const best = viterbi(emit, n, trans, this.best);
      out[s] = this.output(emit, n, best, trans, withConfidence, bases[s]);
    });
    return out;
  }
}
