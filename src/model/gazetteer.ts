// Name lists matched as multi-word phrases over the tagger's own word forms, giving every token a
// B/I membership code per list; the model learns how far to trust each list.

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

export class Gazetteer {
  readonly lists: CompiledList[];
  /** first word → longest phrase starting with it in each list (0: none), one lookup for all lists */
  private readonly starts = new Map<string, Uint8Array>();

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
    this.lists.forEach((list, l) => {
      for (const [word, len] of list.longest) {
        let a = this.starts.get(word);
        if (!a) this.starts.set(word, (a = new Uint8Array(this.lists.length)));
        a[l] = len;
      }
    });
  }

  /** Longest phrase per list that starts with this key, or undefined if it starts none (cacheable per word). */
  startsOf(key: string): Uint8Array | undefined {
    return this.starts.get(key);
  }

  /**
   * codes[l * n + i] = 0 outside any phrase of list l, 1 at a phrase's first word, 2 inside.
   * Longest match first, left to right, so "new york city" wins over "new york".
   */
  match(keys: readonly string[], codes: Uint8Array, starts?: ReadonlyArray<Uint8Array | undefined>): void {
    const n = keys.length;
    codes.fill(0, 0, n * this.lists.length);
    const st = starts ?? keys.map((k) => this.starts.get(k));
    const L = this.lists.length;
    // per list, the first token not inside an earlier match: left to right, longest first
    const free = new Int32Array(L);
    for (let i = 0; i < n; i++) {
      const longest = st[i];
      if (longest === undefined) continue;
      for (let l = 0; l < L; l++) {
        const max = longest[l];
        if (max === 0 || i < free[l]) continue;
        const phrases = this.lists[l].phrases;
        for (let len = Math.min(max, n - i); len >= 1; len--) {
          if (phrases.has(len === 1 ? keys[i] : keys.slice(i, i + len).join(' '))) {
            codes[l * n + i] = 1;
            for (let k = 1; k < len; k++) codes[l * n + i + k] = 2;
            free[l] = i + len;
            break;
          }
        }
      }
    }
  }
}
