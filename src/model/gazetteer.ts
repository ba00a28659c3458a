// Name lists matched as multi-word phrases over the tagger's own word forms, giving every token a
// B/I membership code per list; the model learns how far to trust each list.
import { FNV_SEED, mixInt, mixStr } from './hash.js';

export interface GazetteerData {
  /** list name → entries, each a phrase of space-separated keys (see phraseKey) */
  lists: Record<string, string[]>;
}

interface CompiledList {
  name: string;
  phrases: Set<string>;
  /** first word → longest phrase length starting with it */
  longest: Map<string, number>;
}

export const MAX_PHRASE = 5;
const PHRASE_SEED = 0x2f1b3c4d;

export class Gazetteer {
  readonly lists: CompiledList[];
  /** first word → longest phrase starting with it in each list (0: none), one lookup for all lists */
  /** first word → longest phrase starting with it per list ([l]), and [lists] = the lists holding the word alone */
  private readonly starts = new Map<string, Int32Array>();
  private free = new Int32Array(0);
  private readonly prefixHash = new Int32Array(MAX_PHRASE + 1);
  private readonly hashKeys: Int32Array;
  private readonly hashLists: Int32Array;
  private readonly hashMask: number;

  constructor(data: GazetteerData) {
    // list order is fixed by sorted name so feature ids do not depend on object key order
    this.lists = Object.keys(data.lists).sort().map((name) => {
      const phrases = new Set<string>();
      const longest = new Map<string, number>();
      for (const entry of data.lists[name]) {
        const words = entry.split(' ');
        if (words.length === 0 || words.length > MAX_PHRASE || words.some((w) => w === '')) continue;
        phrases.add(entry);
        if ((longest.get(words[0]) ?? 0) < words.length) longest.set(words[0], words.length);
      }
      return { name, phrases, longest };
    });
    if (this.lists.length > 30) throw new Error('at most 30 gazetteer lists');
    // phrase hash → lists holding a phrase of 2+ words with that hash (open addressing, 0 = empty)
    const multi = new Map<number, number>();
    this.lists.forEach((list, l) => {
      for (const entry of list.phrases) {
        const words = entry.split(' ');
        if (words.length < 2) continue;
        let h = PHRASE_SEED;
        for (const w of words) h = mixInt(h, mixStr(FNV_SEED, w));
        h = h || 1;
        multi.set(h, (multi.get(h) ?? 0) | (1 << l));
      }
    });
    let cap = 16;
    while (cap < multi.size * 2) cap <<= 1;
    this.hashMask = cap - 1;
    this.hashKeys = new Int32Array(cap);
    this.hashLists = new Int32Array(cap);
    for (const [h, m] of multi) {
      let slot = h & this.hashMask;
      while (this.hashKeys[slot] !== 0) slot = (slot + 1) & this.hashMask;
      this.hashKeys[slot] = h;
      this.hashLists[slot] = m;
    }
    this.lists.forEach((list, l) => {
      for (const [word, len] of list.longest) {
        let a = this.starts.get(word);
        if (!a) this.starts.set(word, (a = new Int32Array(this.lists.length + 1)));
        a[l] = len;
        if (list.phrases.has(word)) a[this.lists.length] |= 1 << l;
      }
    });
  }

  /** Longest phrase per list that starts with this key, or undefined if it starts none (cacheable per word). */
  startsOf(key: string): Int32Array | undefined {
    return this.starts.get(key);
  }

  /**
   * codes[l * n + i] = 0 outside any phrase of list l, 1 at a phrase's first word, 2 inside.
   * Longest match first, left to right, so "new york city" wins over "new york". `starts` are the
   * keys' startsOf and `hashes` their FNV hashes (mixStr(FNV_SEED, key)), if the caller has them.
   */
  match(keys: readonly string[], codes: Uint8Array, starts?: ReadonlyArray<Int32Array | undefined>, hashes?: ArrayLike<number>): void {
    const n = keys.length;
    codes.fill(0, 0, n * this.lists.length);
    const st = starts ?? keys.map((k) => this.starts.get(k));
    const L = this.lists.length;
    // per list, the first token not inside an earlier match: left to right, longest first
    const free = this.free.length >= L ? this.free : (this.free = new Int32Array(L));
    free.fill(0, 0, L);
    const ph = this.prefixHash;
    for (let i = 0; i < n; i++) {
      const longest = st[i];
      if (longest === undefined) continue;
      // lists still looking at i, and the longest phrase any of them could have here
      let pending = 0;
      let maxLen = 0;
      for (let l = 0; l < L; l++) {
        const max = longest[l];
        if (max === 0 || i < free[l]) continue;
        pending |= 1 << l;
        if (max > maxLen) maxLen = max;
      }
      if (pending === 0) continue;
      if (maxLen > n - i) maxLen = n - i;
      // hashes of the phrases keys[i .. i + len)
      let h = PHRASE_SEED;
      for (let len = 1; len <= maxLen; len++) {
        h = mixInt(h, hashes ? hashes[i + len - 1] : mixStr(FNV_SEED, keys[i + len - 1]));
        ph[len] = h || 1;
      }
      // per list, the longest phrase: only hashes some list holds are built and checked
      for (let len = maxLen; len >= 2 && pending !== 0; len--) {
        const m = this.listsWithHash(ph[len]) & pending;
        if (m === 0) continue;
        let phrase: string | null = null;
        for (let l = 0; l < L; l++) {
          if (((m >>> l) & 1) === 0 || longest[l] < len) continue;
          phrase ??= keys.slice(i, i + len).join(' ');
          if (!this.lists[l].phrases.has(phrase)) continue;
          this.mark(codes, n, l, i, len);
          free[l] = i + len;
          pending &= ~(1 << l);
        }
      }
      pending &= longest[L];
      for (let l = 0; l < L && pending !== 0; l++) {
        if (((pending >>> l) & 1) === 0) continue;
        this.mark(codes, n, l, i, 1);
        free[l] = i + 1;
        pending &= ~(1 << l);
      }
    }
  }

  private listsWithHash(h: number): number {
    let slot = h & this.hashMask;
    for (;;) {
      const k = this.hashKeys[slot];
      if (k === h) return this.hashLists[slot];
      if (k === 0) return 0;
      slot = (slot + 1) & this.hashMask;
    }
  }

  private mark(codes: Uint8Array, n: number, l: number, i: number, len: number): void {
    codes[l * n + i] = 1;
    for (let k = 1; k < len; k++) codes[l * n + i + k] = 2;
  }
}
