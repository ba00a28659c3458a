import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.js';
import { FNV_SEED, mixStr } from './hash.js';

// The straightforward definition: per list, left to right, the longest phrase at each free token.
function reference(lists: Record<string, string[]>, keys: string[]): Uint8Array {
  const names = Object.keys(lists).sort();
  const n = keys.length;
  const codes = new Uint8Array(n * names.length);
  names.forEach((name, l) => {
    const set = new Set(lists[name]);
    for (let i = 0; i < n; ) {
      let hit = 0;
      for (let len = Math.min(5, n - i); len >= 1 && !hit; len--) if (set.has(keys.slice(i, i + len).join(' '))) hit = len;
      if (!hit) { i++; continue; }
      codes[l * n + i] = 1;
      for (let k = 1; k < hit; k++) codes[l * n + i + k] = 2;
      i += hit;
    }
  });
  return codes;
}

describe('Gazetteer.match', () => {
  const lists = {
    city: ['نيو يورك', 'نيو يورك سيتي', 'يورك', 'عمان', 'دير الزور'],
    org: ['الامم المتحده', 'الامم', 'مجلس الامن الدولي', 'مجلس'],
    person: ['عبد الله', 'عبد الله الثاني', 'عبد'],
  };
  const g = new Gazetteer({ lists });
  const sentences = [
    ['زار', 'عبد', 'الله', 'الثاني', 'نيو', 'يورك', 'سيتي', 'و', 'عمان'],
    ['مجلس', 'الامن', 'الدولي', 'و', 'الامم', 'المتحده', 'في', 'نيو', 'يورك'],
    ['مجلس', 'الامن', 'و', 'عبد', 'عبد', 'الله', 'يورك', 'دير'],
    ['نيو', 'دير', 'الزور'],
  ];

  it.each(sentences.map((s) => [s.join(' '), s]))('codes %s like the reference, with and without the callers hashes', (_, keys) => {
    const want = reference(lists, keys as string[]);
    const plain = new Uint8Array(want.length);
    g.match(keys as string[], plain);
    expect(plain).toEqual(want);
    const hashed = new Uint8Array(want.length);
    g.match(keys as string[], hashed, (keys as string[]).map((k) => g.startsOf(k)), (keys as string[]).map((k) => mixStr(FNV_SEED, k)));
    expect(hashed).toEqual(want);
  });
});
