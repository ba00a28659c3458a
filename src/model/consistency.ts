// Document-level consistency, a second pass over the tagger's output: a name the model found in one
// sentence is marked again where the same words recur untagged elsewhere in the document (news
// repeat names, and later mentions often lack the context that gave the first one away).
import type { NerType } from '../core/types.js';
import type { ModelLang } from './features.js';
import { spansToTags, tagsToSpans, type TokenSpan } from './tags.js';
import { englishBase, featureNorm, stripProclitics } from './word-forms.js';

/** Longest phrase looked for; multi-word names beyond this are rare and costly to match. */
const MAX_WORDS = 4;
/** Keys shorter than this (letters, all words together) are too ambiguous to copy. */
const MIN_KEY_CHARS = 3;

export interface Propagated {
  tags: string[][];
  /** for each sentence, the spans that were added by this pass (with the span they copy) */
  added: Array<Array<TokenSpan & { from: string }>>;
}

/** word → key, per language; bounded (it starts over when full) so memory stays flat on a stream */
const KEY_CACHE_SIZE = 100_000;
const keyCache: Record<ModelLang, Map<string, string>> = { ar: new Map(), en: new Map() };

function wordKey(t: string, lang: ModelLang): string {
  const cache = keyCache[lang];
  let k = cache.get(t);
  if (k === undefined) {
    k = lang === 'ar' ? stripProclitics(featureNorm(t)).base : englishBase(featureNorm(t));
    if (cache.size >= KEY_CACHE_SIZE) cache.clear();
    cache.set(t, k);
  }
  return k;
}

/** The tokens' base forms, the words of consistencyKey (what NerModel.tag returns as bases). */
export function baseForms(tokens: readonly string[], lang: ModelLang): string[] {
  return tokens.map((t) => wordKey(t, lang));
}

/** The phrase key under which mentions are matched: base forms, so والموصل matches الموصل. */
export function consistencyKey(tokens: readonly string[], lang: ModelLang): string {
  return tokens.map((t) => wordKey(t, lang)).join(' ');
}

/**
 * `sentences` are the tokens of one document (or window); `tags` the model's BIO tags for them.
 * The type copied is the one the model gave that phrase most often in the document. `bases`, if
 * the caller has them (NerModel.tag), are the tokens' keys as consistencyKey computes them.
 */
export function propagateMentions(sentences: readonly (readonly string[])[], tags: readonly (readonly string[])[], lang: ModelLang, bases?: readonly (readonly string[])[]): Propagated {
  const keys = bases ?? sentences.map((s) => s.map((t) => wordKey(t, lang)));
  const votes = new Map<string, Map<NerType, number>>();
  // first word → longest voted phrase starting with it, so most tokens cost one map lookup
  const longest = new Map<string, number>();
  const vote = (s: number, start: number, end: number, type: NerType) => {
    const k = keys[s].slice(start, end).join(' ');
    if (k.replace(/ /g, '').length < MIN_KEY_CHARS || !/\p{L}/u.test(k)) return;
    const v = votes.get(k) ?? new Map<NerType, number>();
    v.set(type, (v.get(type) ?? 0) + 1);
    votes.set(k, v);
      const first = keys[s][start];
      longest.set(first, Math.max(longest.get(first) ?? 0, end - start));
  };
  tags.forEach((sentTags, s) => {
    for (const span of tagsToSpans(sentTags)) {
      if (span.end - span.start > MAX_WORDS) continue;
      vote(s, span.start, span.end, span.type);
      // news name a person in full once, then by surname (خالد مسعود … مسعود)
      if (span.type === 'PER' && span.end - span.start >= 2) vote(s, span.end - 1, span.end, 'PER');
    }
  });
  const out: string[][] = [];
  const added: Propagated['added'] = [];
  tags.forEach((sentTags, s) => {
    const spans = tagsToSpans(sentTags);
    const taken = new Uint8Array(sentTags.length);
    for (const sp of spans) taken.fill(1, sp.start, sp.end);
    const extra: Array<TokenSpan & { from: string }> = [];
    for (let i = 0; i < sentTags.length; i++) {
      const max = longest.get(keys[s][i]);
      if (max === undefined || taken[i]) continue;
      for (let len = Math.min(max, sentTags.length - i); len >= 1; len--) {
        if (anyTaken(taken, i, i + len)) continue;
        const k = keys[s].slice(i, i + len).join(' ');
        const v = votes.get(k);
        if (!v) continue;
        // most votes wins; ties go to the type seen first, which Map order preserves
        let type: NerType = 'MISC';
        let best = 0;
        for (const [t, n] of v) if (n > best) [type, best] = [t, n];
        extra.push({ start: i, end: i + len, type, from: k });
        taken.fill(1, i, i + len);
        i += len - 1;
        break;
      }
    }
    added.push(extra);
    out.push(extra.length ? spansToTags(sentTags.length, [...spans, ...extra].sort((a, b) => a.start - b.start)) : [...sentTags]);
  });
  return { tags: out, added };
}

/** Whether a token of [from, to) is inside a span already (a loop: a view per candidate costs more). */
function anyTaken(taken: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (taken[i]) return true;
  return false;
}

/** Sentences per window when the input has no document boundaries (CoNLL files without -DOCSTART-). */
export const CONSISTENCY_WINDOW = 20;
