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
  }

  /**
   * codes[l * n + i] = 0 outside any phrase of list l, 1 at a phrase's first word, 2 inside.
   * Longest match first, left to right, so "new york city" wins over "new york".
   */
  match(keys: readonly string[], codes: Uint8Array): void {
    const n = keys.length;
    codes.fill(0, 0, n * this.lists.length);
    for (let l = 0; l < this.lists.length; l++) {
      const list = this.lists[l];
      const base = l * n;
      let i = 0;
      while (i < n) {
        const max = list.longest.get(keys[i]);
        let matched = 0;
        if (max !== undefined) {
          for (let len = Math.min(max, n - i); len >= 1; len--) {
            const phrase = len === 1 ? keys[i] : keys.slice(i, i + len).join(' ');
            if (list.phrases.has(phrase)) {
              matched = len;
              break;
            }
          }
        }
        if (matched) {
          codes[base + i] = 1;
          for (let k = 1; k < matched; k++) codes[base + i + k] = 2;
          i += matched;
        } else i++;
      }
    }
  }
}
