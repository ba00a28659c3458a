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
import { STACK_WINDOW, stackedFeatures, type StackOptions, type StackedFeatures } from './stacking.js';

// module-local bindings for the per-token path: under tsx every use of an imported binding goes
// through the module namespace
const { ROLES, SELF, PREV, NEXT, PREV2, NEXT2, FIRST_KEY, b0bp1Key, bm1b0Key, capKey, clusterBigramKey, gazKey, keyScratch, quoteCodes, quoteKey, quoteShapeKey, shapeBigramKey, wm1Shape0Key, wordKeys } = features;
const { N_TAGS, TAGS } = tags;
const { marginals, viterbi } = decoding;
const N = N_TAGS;
/** floats per cached word type: its summed weights in each role */
const STRIDE = ROLES * N_TAGS;
// the unrolled loops below are written for nine tags (O and B/I of four types)
if (N_TAGS !== 9) throw new Error('NerModel expects 9 tags');

export const MODEL_FORMAT = 'marsad.ner/v2';
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
  /** trigger-word features on */
  triggers?: boolean;
  /** quoted-span features on */
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
   * A second, stacked tagger (see stacking.ts): same features plus what this (first) tagger said
   * about the other sentences within ±window; it gives the final tags of a document.
   */
  stage2?: { keys: string; weights: string; scale: number; trans: number[]; window: number; ownTags?: boolean };
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

export function resourcesFromFile(file: Pick<NerModelFile, 'lang' | 'clusterWords' | 'clusterIds' | 'coarse' | 'paths' | 'triggers' | 'quotes' | 'gazetteer'>): FeatureResources {
  const words = file.clusterWords === '' ? [] : file.clusterWords.split('\n');
  const clusters = new Map<string, number>();
  for (let i = 0; i < words.length; i++) clusters.set(words[i], file.clusterIds[i]);
  return { lang: file.lang, clusters, coarse: file.coarse, paths: file.paths, triggers: file.triggers, quotes: file.quotes, gazetteer: new Gazetteer(file.gazetteer) };
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
  /** open-addressing table: table[2 * slot] = key, table[2 * slot + 1] = its weight row */
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * Two-bit Bloom filter over the keys (2^20 bits, 128 KB): most context features of a sentence are
   * not in the model, and the filter answers them from cache instead of a probe of the table.
   */
  private readonly filter = new Int32Array(1 << 15);
  /** quantised weights as stored; a weight is fround(q × scale), what a Float32Array of them would hold */
  private readonly q: Int16Array;
  private readonly scale: number;
  private readonly trans: Float64Array;
  // the word-type cache, one slot per type; slots 0 and 1 are the pads before and after a sentence
  private ids = new Map<string, number>();
  private used = 2;
  private slots = 0;
  private emitW = new Float32Array(0);
  private fine = new Int32Array(0);
  private hNorm = new Int32Array(0);
  private hBase = new Int32Array(0);
  private hShape = new Int32Array(0);
  private cap = new Uint8Array(0);
  private base: string[] = [];
  private gazStart: Array<Int32Array | undefined> = [];
  private readonly cacheSize: number;
  private readonly scratch = keyScratch();
  // per-sentence scratch, grown to the longest sentence
  private wid = new Int32Array(0);
  private best = new Int32Array(0);
  private emitBuf = new Float64Array(0);
  private gazBuf = new Uint8Array(0);
  private quoteBuf = new Uint8Array(0);
  private readonly sentBases: string[] = [];
  private readonly sentStarts: Array<Int32Array | undefined> = [];
  private sentHashes = new Int32Array(0);
  /** rows of the gazetteer features: gazRow[(at + 1) * lists * 4 + l * 4 + code] */
  private readonly gazRow: Int32Array;
  private readonly firstRow: number;
  private readonly capRow: [number, number];
  temperature: number;
  /** the stacked second tagger, if the artefact has one; it shares this model's resources */
  readonly stage2: NerModel | null;
  readonly stackWindow: number;
  private readonly stackOptions: StackOptions;
  /** whether the tagger's callers run the document-consistency pass after it */
  consistency: boolean;

  /** `wordCache`: word types kept between calls (tests shrink it to exercise the restart). */
  constructor(file: NerModelFile, opts: { wordCache?: number } = {}, shared?: FeatureResources) {
    if (file.format !== MODEL_FORMAT) throw new Error(`unsupported model format ${file.format}`);
    if (file.tags.join() !== TAGS.join()) throw new Error('model tag set differs from this build');
    this.lang = file.lang;
    this.meta = file.meta;
    this.resources = shared ?? resourcesFromFile(file);
    this.stackWindow = file.stage2?.window ?? STACK_WINDOW;
    this.stackOptions = { ownTags: file.stage2?.ownTags ?? true };
    this.consistency = file.consistency ?? true;
    this.stage2 = file.stage2
      ? new NerModel({ ...file, ...file.stage2, stage2: undefined }, opts, this.resources)
      : null;
    const keys = fromB64(file.keys, (b) => new Uint32Array(b));
    const q = fromB64(file.weights, (b) => new Int16Array(b));
    // kept as Int16 (half the memory of floats: the per-token look-ups are cache misses)
    this.q = q;
    this.scale = file.scale;
    this.trans = Float64Array.from(file.trans);
    this.temperature = file.temperature ?? DEFAULT_TEMPERATURE;
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
    const L = this.resources.gazetteer.lists.length;
    this.gazRow = new Int32Array(3 * L * 4).fill(-1);
    for (const at of [-1, 0, 1] as const) {
      for (let l = 0; l < L; l++) for (const code of [1, 2]) this.gazRow[(at + 1) * L * 4 + l * 4 + code] = this.row(gazKey(at, l, code));
    }
    this.firstRow = this.row(FIRST_KEY);
    this.capRow = [this.row(capKey(1)), this.row(capKey(2))];
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
    this.emitW = copy(this.emitW, (n) => new Float32Array(n), STRIDE);
    this.fine = copy(this.fine, (n) => new Int32Array(n));
    this.hNorm = copy(this.hNorm, (n) => new Int32Array(n));
    this.hBase = copy(this.hBase, (n) => new Int32Array(n));
    this.hShape = copy(this.hShape, (n) => new Int32Array(n));
    this.cap = copy(this.cap, (n) => new Uint8Array(n));
    this.slots = slots;
  }

  /** Fill slot `id` with a word type: its forms and its summed weights in each role. */
  private addWord(surface: string, id: number, pad: 0 | 1 | 2): void {
    const s = this.scratch;
    const info = wordKeys(surface, this.resources, pad, s);
    const e = this.emitW;
    const w = this.q;
    const sc = this.scale;
    const fr = Math.fround;
    // Float32 sums in key order, as the weights were always summed per role (fround = a Float32Array store)
    for (let r = 0; r < ROLES; r++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
      const to = s.roleOff[r + 1];
      for (let k = s.roleOff[r]; k < to; k++) {
        const row = this.row(s.keys[k]);
        if (row < 0) continue;
        const o = row * 9;
        a0 = fr(a0 + fr(w[o] * sc)); a1 = fr(a1 + fr(w[o + 1] * sc)); a2 = fr(a2 + fr(w[o + 2] * sc));
        a3 = fr(a3 + fr(w[o + 3] * sc)); a4 = fr(a4 + fr(w[o + 4] * sc)); a5 = fr(a5 + fr(w[o + 5] * sc));
        a6 = fr(a6 + fr(w[o + 6] * sc)); a7 = fr(a7 + fr(w[o + 7] * sc)); a8 = fr(a8 + fr(w[o + 8] * sc));
      }
      const er = id * STRIDE + r * 9;
      e[er] = a0; e[er + 1] = a1; e[er + 2] = a2; e[er + 3] = a3; e[er + 4] = a4;
      e[er + 5] = a5; e[er + 6] = a6; e[er + 7] = a7; e[er + 8] = a8;
    }
    this.fine[id] = info.fine;
    this.hNorm[id] = info.hNorm;
    this.hBase[id] = info.hBase;
    this.hShape[id] = info.hShape;
    this.cap[id] = info.cap ? 1 : 0;
    this.base[id] = info.base;
    this.gazStart[id] = info.gazStart;
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

  private row(key: number): number {
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

  /** Slots of a sentence's words in this.wid[0 .. n); the cache starts over first if they might not fit. */
  private lookUp(tokens: readonly string[]): void {
    const n = tokens.length;
    if (this.used + n > this.cacheSize) {
      this.ids.clear();
      this.used = 2;
      this.base.length = 2;
      this.gazStart.length = 2;
    }
    if (this.wid.length < n) {
      this.wid = new Int32Array(n * 2);
      this.emitBuf = new Float64Array(n * 2 * N);
    }
    for (let i = 0; i < n; i++) this.wid[i] = this.word(tokens[i]);
    if (this.resources.quotes) {
      if (this.quoteBuf.length < n) this.quoteBuf = new Uint8Array(n * 2);
      quoteCodes(tokens, this.quoteBuf);
    }
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
   * Emission scores of the sentence in this.wid into this.emitBuf (n × N_TAGS): the words' cached
   * role weights, then the features that combine two words or read the sentence, summed in the
   * order of features.contextFeatures (so the floats are the same as from sentenceFeatures' keys).
   */
  private emissions(n: number): Float64Array {
    const emit = this.emitBuf;
    const wid = this.wid;
    const E = this.emitW;
    const w = this.q;
    const gaz = this.gazCodes(n);
    const L = this.resources.gazetteer.lists.length;
    const { fine, hBase, hNorm, hShape } = this;
    const quotes = this.resources.quotes ? this.quoteBuf : null;
    for (let i = 0; i < n; i++) {
      const base = i * N;
      const me = wid[i];
      const pv = i > 0 ? wid[i - 1] : 0;
      const nx = i + 1 < n ? wid[i + 1] : 1;
      const self = me * STRIDE + SELF * N;
      const prev = pv * STRIDE + PREV * N;
      const next = nx * STRIDE + NEXT * N;
      const prev2 = (i > 1 ? wid[i - 2] : 0) * STRIDE + PREV2 * N;
      const next2 = (i + 2 < n ? wid[i + 2] : 1) * STRIDE + NEXT2 * N;
      for (let t = 0; t < N; t++) emit[base + t] = E[self + t] + E[prev + t] + E[next + t] + E[prev2 + t] + E[next2 + t];
      this.addRow(emit, base, this.row(bm1b0Key(hBase[pv], hBase[me])), w);
      this.addRow(emit, base, this.row(b0bp1Key(hBase[me], hBase[nx])), w);
      this.addRow(emit, base, this.row(shapeBigramKey(hShape[me], hShape[nx])), w);
      this.addRow(emit, base, this.row(wm1Shape0Key(hNorm[pv], hShape[me])), w);
      if (fine[me] >= 0) this.addRow(emit, base, this.row(clusterBigramKey(fine[me], fine[nx])), w);
      if (gaz !== null) {
        const G = this.gazRow;
        for (let l = 0; l < L; l++) {
          const o = l * n + i;
          const g = gaz[o];
          if (g) this.addRow(emit, base, G[L * 4 + l * 4 + g], w);
          if (i > 0 && gaz[o - 1]) this.addRow(emit, base, G[l * 4 + gaz[o - 1]], w);
          if (i + 1 < n && gaz[o + 1]) this.addRow(emit, base, G[2 * L * 4 + l * 4 + gaz[o + 1]], w);
        }
      }
      if (i === 0) this.addRow(emit, base, this.firstRow, w);
      if (this.cap[me]) this.addRow(emit, base, this.capRow[i === 0 ? 0 : 1], w);
      if (quotes && quotes[i]) {
        this.addRow(emit, base, this.row(quoteKey(quotes[i])), w);
        this.addRow(emit, base, this.row(quoteShapeKey(quotes[i], hShape[me])), w);
      }
    }
    return emit;
  }

  private addRow(emit: Float64Array, base: number, row: number, w: Int16Array): void {
    if (row < 0) return;
    const o = row * N;
    const sc = this.scale;
    for (let t = 0; t < N; t++) emit[base + t] += Math.fround(w[o + t] * sc);
  }

  /** emission scores, n × N_TAGS */
  scores(tokens: readonly string[]): Float64Array {
    this.lookUp(tokens);
    return this.emissions(tokens.length).slice(0, tokens.length * N);
  }

  tagIndices(tokens: readonly string[]): Int32Array {
    this.lookUp(tokens);
    return viterbi(this.emissions(tokens.length), tokens.length, this.trans);
  }

  /**
   * Tags of one sentence; with `withConfidence` each token's posterior of its tag too, and with
   * `withBases` the tokens' base forms (what consistencyKey reads), from the word cache.
   */
  tag(tokens: readonly string[], withConfidence = false, withBases = false, extra?: StackedFeatures): TaggedSentence {
    const n = tokens.length;
    if (n === 0) return withBases ? { tags: [], bases: [] } : { tags: [] };
    this.lookUp(tokens);
    const emit = this.emissions(n);
    if (extra) {
      for (let i = 0; i < n; i++) {
        for (let k = extra.offsets[i]; k < extra.offsets[i + 1]; k++) this.addRow(emit, i * N, this.row(extra.keys[k]), this.q);
      }
    }
    if (this.best.length < n) this.best = new Int32Array(n * 2);
    const best = viterbi(emit, n, this.trans, this.best);
    const tagNames = new Array<string>(n);
    for (let i = 0; i < n; i++) tagNames[i] = TAGS[best[i]];
    const out: TaggedSentence = { tags: tagNames };
    if (withBases) {
      const bases = new Array<string>(n);
      for (let i = 0; i < n; i++) bases[i] = this.base[this.wid[i]];
      out.bases = bases;
    }
    if (withConfidence) {
      const p = marginals(emit, n, this.trans, this.temperature);
      const c = (out.confidence = new Float64Array(n));
      for (let i = 0; i < n; i++) c[i] = p[i * N + best[i]];
    }
    return out;
  }

  /**
   * Tags of the consecutive sentences of one document: the first tagger alone, or, when the model
   * has a stacked stage, the second tagger reading the first one's tags of the nearby sentences.
   * Confidences (if asked) and base forms come with the final tags.
   */
  tagDocument(sentences: readonly (readonly string[])[], withConfidence = false): TaggedSentence[] {
    if (!this.stage2) return sentences.map((t) => this.tag(t, withConfidence, true));
    const first = sentences.map((t) => this.tagIndicesWithBases(t));
    const extra = stackedFeatures(first.map((f) => f.bases), first.map((f) => f.tags), this.stackWindow, this.stackOptions);
    const s2 = this.stage2;
    return sentences.map((t, s) => s2.tag(t, withConfidence, true, extra[s]));
  }

  /** First-stage tag indices and base forms of one sentence. */
  tagIndicesWithBases(tokens: readonly string[]): { tags: Int32Array; bases: string[] } {
    const n = tokens.length;
    if (n === 0) return { tags: new Int32Array(0), bases: [] };
    this.lookUp(tokens);
    const tags = viterbi(this.emissions(n), n, this.trans);
    const bases = new Array<string>(n);
    for (let i = 0; i < n; i++) bases[i] = this.base[this.wid[i]];
    return { tags, bases };
  }
}
