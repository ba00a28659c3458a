// The BIO tag set of the tagger and the conversions between tag sequences and typed spans; kept
// apart so the decoder, the CoNLL tools and the scorer agree on one definition of a chunk.
import type { NerType } from '../core/types.js';

export const NER_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** Index 0 is O; then B-/I- pairs in NER_TYPES order: 2k+1 = B-type, 2k+2 = I-type. */
export const TAGS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const N_TAGS = TAGS.length;

const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

export function tagIndex(tag: string): number {
  const i = TAG_INDEX.get(tag);
  if (i === undefined) throw new Error(`unknown tag ${tag}`);
  return i;
}

export const isInside = (t: number): boolean => t > 0 && t % 2 === 0;
export const typeOf = (t: number): number => (t - 1) >> 1;

/** BIO validity: I-X may only follow B-X or I-X; anything else may follow anything. */
export function allowedTransition(prev: number | null, cur: number): boolean {
  if (!isInside(cur)) return true;
  if (prev === null || prev === 0) return false;
  return typeOf(prev) === typeOf(cur);
}

/**
 * Map a gold entity type from any of the corpora we read to ours: ANERcorp says PERS, WNUT17 says
 * person/location/corporation/group/product/creative-work, CoNLL-2003 says PER/ORG/LOC/MISC.
 */
export function canonicalType(raw: string): NerType {
  switch (raw.toLowerCase()) {
    case 'per': case 'pers': case 'person': return 'PER';
    case 'loc': case 'location': case 'gpe': return 'LOC';
    case 'org': case 'organization': case 'organisation': case 'corporation': case 'group': return 'ORG';
    default: return 'MISC';
  }
}

/** Normalise one gold tag string ("B-PERS", "I-location", "O") to our tag names; unknown prefixes → O. */
export function canonicalTag(raw: string): string {
  const m = /^([BIES])-(.+)$/.exec(raw);
  if (!m) return 'O';
  const prefix = m[1] === 'B' || m[1] === 'S' ? 'B' : 'I';
  return `${prefix}-${canonicalType(m[2])}`;
}

export interface TokenSpan {
  /** first token index */
  start: number;
  /** one past the last token index */
  end: number;
  type: NerType;
}

/**
 * Chunks in conlleval's sense, so scores match the usual tool: an I-X after O or after another
 * type opens a new chunk rather than being dropped.
 */
export function tagsToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 'O') {
      // most tokens: closes the open chunk, opens none
      if (open) spans.push(open);
      open = null;
      continue;
    }
    const prefix = tag[0];
    const type = tag.length > 2 ? (tag.slice(2) as NerType) : null;
    const continues = prefix === 'I' && open !== null && open.type === type;
    if (continues) {
      open!.end = i + 1;
      continue;
    }
    if (open) spans.push(open);
    open = (prefix === 'B' || prefix === 'I') && type ? { start: i, end: i + 1, type } : null;
  }
  if (open) spans.push(open);
  return spans;
}

export function spansToTags(length: number, spans: readonly TokenSpan[]): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  }
  return tags;
}
