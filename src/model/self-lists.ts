// Name lists learned by the tagger itself from unlabelled news (self-training as a gazetteer): a
// first model tags the corpus, and the phrases it tags often and consistently enough become lists
// (auto-PER, auto-ORG…) that the final model reads as features. A name seen in many contexts across
// the corpus is tagged right more often than in any one sentence, so the list carries evidence the
// sentence alone lacks. The training data's own list features must come from models that did not
// see those sentences (the caller jackknifes), or the final model would trust the lists blindly.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { roughTokens } from './build-resources.js';
import { NER_TYPES, tagsToSpans } from './tags.js';

/** Sentence ends in the corpus text; longer runs are cut so that no sequence is huge. */
const SENTENCE_END = new Set(['.', '!', '?', '؟']);
const MAX_SENTENCE = 60;
/** Longest phrase kept in a list. */
const MAX_WORDS = 4;

/** Sentences of the unlabelled corpus (title and body of each article), up to about maxTokens tokens. */
export function readCorpusSentences(dir: string, maxTokens: number): string[][] {
  const out: string[][] = [];
  let total = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort();
  for (const file of files) {
    const articles = JSON.parse(gunzipSync(readFileSync(join(dir, file))).toString('utf8')) as Array<{ title?: string; content?: string }>;
    for (const a of articles) {
      for (const part of [a.title ?? '', a.content ?? '']) {
        let cur: string[] = [];
        for (const tok of roughTokens(part)) {
          cur.push(tok);
          if (SENTENCE_END.has(tok) || cur.length >= MAX_SENTENCE) {
            out.push(cur);
            total += cur.length;
            cur = [];
          }
        }
        if (cur.length) {
          out.push(cur);
          total += cur.length;
        }
        if (total >= maxTokens) return out;
      }
    }
  }
  return out;
}

export interface SelfListOptions {
  /** times a phrase must be tagged with its type */
  minCount: number;
  /** share of a phrase's tagged occurrences that must carry the majority type */
  minTypeShare: number;
  /** a one-word entry: share of all its corpus occurrences that were tagged (common words are not names) */
  minTaggedShare: number;
}

/** A tagger as seen here: tags and base forms of one sentence. */
export interface SentenceTagger {
  tag(tokens: readonly string[], withConfidence: boolean, withBases: boolean): { tags: string[]; bases?: string[] };
}

/** Tag the corpus and keep the phrases tagged often and consistently, one list per type (auto-PER…). */
export function selfLists(tagger: SentenceTagger, sentences: readonly (readonly string[])[], opts: SelfListOptions): Record<string, string[]> {
  const typed = new Map<string, Int32Array>();
  const seen = new Map<string, number>();
  for (const tokens of sentences) {
    const { tags, bases } = tagger.tag(tokens, false, true);
    for (const b of bases!) seen.set(b, (seen.get(b) ?? 0) + 1);
    for (const sp of tagsToSpans(tags)) {
      if (sp.end - sp.start > MAX_WORDS) continue;
      const key = bases!.slice(sp.start, sp.end).join(' ');
      if (key.replace(/ /g, '').length < 2 || !/\p{L}/u.test(key)) continue;
      let c = typed.get(key);
      if (!c) typed.set(key, (c = new Int32Array(NER_TYPES.length)));
      c[NER_TYPES.indexOf(sp.type)]++;
    }
  }
  const lists: Record<string, string[]> = Object.fromEntries(NER_TYPES.map((t) => [`auto-${t}`, [] as string[]]));
  for (const [key, c] of typed) {
    let best = 0;
    let total = 0;
    for (let t = 0; t < c.length; t++) {
      total += c[t];
      if (c[t] > c[best]) best = t;
    }
    if (c[best] < opts.minCount || c[best] < opts.minTypeShare * total) continue;
    if (!key.includes(' ') && total < opts.minTaggedShare * (seen.get(key) ?? total)) continue;
    lists[`auto-${NER_TYPES[best]}`].push(key);
  }
  for (const l of Object.values(lists)) l.sort();
  return lists;
}
