// Near-duplicate detection: MinHash signatures over word shingles of normalised text, banded
// into an LSH index so each new document is compared only with likely copies. Seeds are fixed,
// so the same documents always give the same links.
import { foldChar } from '../lang/ar/normalize.js';

export interface MinHashOptions {
  /** words per shingle (default 3) */
  shingle?: number;
  /** signature length = bands × rows (default 32 × 4 = 128) */
  bands?: number;
  rows?: number;
  /** estimated Jaccard similarity at or above which two documents are near-duplicates (default 0.5) */
  threshold?: number;
  /** seed of the hash family (default fixed) */
  seed?: number;
}

const DEFAULTS = { shingle: 3, bands: 32, rows: 4, threshold: 0.5, seed: 0x6d617273 };

/** murmur3's finaliser: a cheap, well-mixed 32-bit bijection */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a over UTF-16 code units (the hash `wordHashes` computes on the fly) */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Per code unit: the folded unit (from the shared Arabic normaliser's foldChar), -1 when the
 * normaliser drops it (diacritics, tatweel), -2 when it separates words. Built once: hashing
 * folded units directly is several times faster than building normalised word strings.
 */
const FOLD: Int32Array = (() => {
  const table = new Int32Array(0x10000);
  const wordChar = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const isSurrogate = c >= 0xd800 && c <= 0xdfff; // astral letters: keep the pair inside the word
    if (!isSurrogate && !wordChar.test(ch)) {
      table[c] = -2;
      continue;
    }
    const f = foldChar(ch);
    table[c] = f.length === 0 ? -1 : f.charCodeAt(0);
  }
  return table;
})();

/** FNV-1a hashes of the normalised words of a text (equal to hashing normalizeWord(word)). */
export function wordHashes(text: string): Int32Array {
  let out = new Int32Array(Math.max(16, text.length >> 2));
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    const f = i < len ? FOLD[text.charCodeAt(i)] : -2;
    if (f === -2) {
      if (inWord) {
        if (n === out.length) {
          const grown = new Int32Array(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[n++] = h;
        inWord = false;
        h = 0x811c9dc5;
      }
      continue;
    }
    if (f === -1) continue;
    h = Math.imul(h ^ f, 0x01000193);
    inWord = true;
  }
  return out.subarray(0, n);
}

export class MinHasher {
  readonly size: number;
  readonly opts: Required<MinHashOptions>;
  /** right shift that turns a 32-bit hash into a bin index */
  private readonly binShift: number;

  constructor(options: MinHashOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.size = this.opts.bands * this.opts.rows;
    // bins are taken from the top bits; sizes that are not powers of two fold with a modulo
    this.binShift = 32 - Math.ceil(Math.log2(this.size));
  }

  /** The shingle hashes of a text, each already mixed; short texts give one shingle of all words. */
  shingles(text: string): Int32Array {
    const w = wordHashes(text);
    const k = this.opts.shingle;
    if (w.length === 0) return new Int32Array(0);
    if (w.length < k) {
      let h = 0;
      for (let i = 0; i < w.length; i++) h = Math.imul(h, 0x01000193) ^ w[i];
      return Int32Array.of(fmix(h));
    }
    const out = new Int32Array(w.length - k + 1);
    for (let i = 0; i < out.length; i++) {
      let h = w[i];
      for (let j = 1; j < k; j++) h = Math.imul(h, 0x01000193) ^ w[i + j];
      out[i] = fmix(h);
    }
    return out;
  }

  /**
   * The signature; null when the text has no words. One-permutation MinHash: each shingle's
   * hash picks a bin by its top bits and competes for that bin's minimum with its low bits, so
   * a document costs O(shingles + size) instead of O(shingles × size). Empty bins (short texts)
   * borrow the next filled bin's value, offset by the distance (rotation densification), which
   * keeps the estimate of Jaccard similarity unbiased.
   */
  signature(text: string): Int32Array | null {
    const sh = this.shingles(text);
    if (sh.length === 0) return null;
    const size = this.size;
    const shift = this.binShift;
    const seed = this.opts.seed | 0;
    const EMPTY = 0x7fffffff;
    const sig = new Int32Array(size).fill(EMPTY);
    for (let s = 0; s < sh.length; s++) {
      const x = fmix(sh[s] ^ seed);
      const bin = (x >>> shift) % size;
      const v = x & 0x01ffffff;
      if (v < sig[bin]) sig[bin] = v;
    }
    for (let i = 0; i < size; i++) {
      if (sig[i] !== EMPTY) continue;
      for (let d = 1; d < size; d++) {
        const j = (i + d) % size;
        const v = sig[j];
        // only original values are borrowed (filled ones stay below 2^25), never densified ones
        if (v !== EMPTY && v <= 0x01ffffff && v >= 0) {
          sig[i] = (v + Math.imul(d, 0x02000001)) | 0 | 0x40000000;
          break;
        }
      }
    }
    return sig;
  }
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function similarity(x: Int32Array, y: Int32Array): number {
  let eq = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) eq++;
  return eq / x.length;
}

export interface NearDupMatch {
  /** the earliest copy the new document repeats */
  of: string;
  similarity: number;
}

export interface LinkChange {
  id: string;
  of: string;
  similarity: number;
}

interface Entry {
  key: string;
  sig: Int32Array;
  /** ordering key: published date (or first seen) then insertion order */
  when: string;
  seq: number;
  /** the earliest copy this one is linked to, or null when it is itself the earliest */
  of: string | null;
  /** for an earliest copy: the documents linked to it */
  members: Entry[];
}

/**
 * An in-memory LSH index. `add` returns the link changes to write: normally one (new → earliest
 * copy), but a document older than the copies already indexed becomes the new root and they
 * are relinked to it.
 */
export class NearDupIndex {
  readonly hasher: MinHasher;
  private readonly entries = new Map<string, Entry>();
  private readonly buckets: Array<Map<number, Entry[]>>;
  private seq = 0;

  constructor(options: MinHashOptions = {}) {
    this.hasher = new MinHasher(options);
    this.buckets = Array.from({ length: this.hasher.opts.bands }, () => new Map());
  }

  get size(): number {
    return this.entries.size;
  }

  private bandKeys(sig: Int32Array): number[] {
    const { bands, rows } = this.hasher.opts;
    const keys: number[] = [];
    for (let band = 0; band < bands; band++) {
      let h = band;
      for (let r = 0; r < rows; r++) h = fmix(Math.imul(h, 0x01000193) ^ sig[band * rows + r]);
      keys.push(h);
    }
    return keys;
  }

  private candidates(sig: Int32Array, keys: number[]): Array<{ e: Entry; sim: number }> {
    const seen = new Set<Entry>();
    const out: Array<{ e: Entry; sim: number }> = [];
    for (let band = 0; band < keys.length; band++) {
      const list = this.buckets[band].get(keys[band]);
      if (!list) continue;
      for (const e of list) {
        if (seen.has(e)) continue;
        seen.add(e);
        const sim = similarity(sig, e.sig);
        if (sim >= this.hasher.opts.threshold) out.push({ e, sim });
      }
    }
    return out;
  }

  private root(e: Entry): Entry {
    return e.of ? (this.entries.get(e.of) ?? e) : e;
  }

  private static earlier(x: Entry, y: Entry): boolean {
    return x.when < y.when || (x.when === y.when && x.seq < y.seq);
  }

  /** Documents in the index that the text near-duplicates, best first (no side effects). */
  query(text: string): NearDupMatch[] {
    const sig = this.hasher.signature(text);
    if (!sig) return [];
    return this.candidates(sig, this.bandKeys(sig))
      .sort((p, q) => q.sim - p.sim || p.e.seq - q.e.seq)
      .map(({ e, sim }) => ({ of: e.key, similarity: sim }));
  }

  /**
   * Index a document. `when` orders copies (YYYY-MM-DD or ISO time; earlier wins, ties go to the
   * one indexed first). Returns the links to record; empty when the document is new.
   */
  add(key: string, text: string, when = ''): LinkChange[] {
    if (this.entries.has(key)) return [];
    const sig = this.hasher.signature(text);
    if (!sig) return [];
    const keys = this.bandKeys(sig);
    const matches = this.candidates(sig, keys);
    const entry: Entry = { key, sig, when, seq: this.seq++, of: null, members: [] };
    this.entries.set(key, entry);
    for (let band = 0; band < keys.length; band++) {
      const list = this.buckets[band].get(keys[band]);
      if (list) list.push(entry);
      else this.buckets[band].set(keys[band], [entry]);
    }
    if (matches.length === 0) return [];
    const roots = new Set(matches.map((m) => this.root(m.e)));
    let earliest: Entry = entry;
    for (const r of roots) if (NearDupIndex.earlier(r, earliest)) earliest = r;
    const changes: LinkChange[] = [];
    const link = (e: Entry) => {
      e.of = earliest.key;
      earliest.members.push(e);
      changes.push({ id: e.key, of: earliest.key, similarity: similarity(e.sig, earliest.sig) });
    };
    if (earliest !== entry) link(entry);
    // Every other root (a later first copy, or a separate cluster this text bridges) joins the
    // earliest with all its members, so links always point straight at the earliest copy.
    for (const r of roots) {
      if (r === earliest) continue;
      const members = r.members;
      r.members = [];
      link(r);
      for (const m of members) link(m);
    }
    return changes;
  }
}
