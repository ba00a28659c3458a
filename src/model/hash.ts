// 32-bit FNV-1a hashing of feature strings without building them: features are hashed piece by
// piece, which keeps tagging allocation-free and fast enough for 100k tokens/s on one core.

const FNV_PRIME = 0x01000193;
export const FNV_SEED = 0x811c9dc5 | 0;

/** Continue a hash over s[from, to). */
export function mixStr(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Continue a hash over a small integer (a template id, a cluster number, a separator). */
export function mixInt(h: number, n: number): number {
  h = Math.imul(h ^ (n & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((n >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((n >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(h ^ (n >>> 24), FNV_PRIME);
}

/** Final form of a feature key: unsigned, never 0 (0 marks an empty slot in the runtime table). */
export function finish(h: number): number {
  const u = h >>> 0;
  return u === 0 ? 1 : u;
}

/** Seeded PRNG (mulberry32) so that shuffles and cluster initialisation are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
