// Entry points for the rest of the app: pick the model for a language, tag token sequences, and
// turn tagged tokens into EntityMention spans over the document text.
import type { Context } from '../core/context.js';
import type { EntityMention, NerType } from '../core/types.js';
import { conllSentences, type ConllLine } from './conll.js';
import { CONSISTENCY_WINDOW, consistencyKey, propagateMentions } from './consistency.js';
import type { ModelLang } from './features.js';
import { NerModel } from './model.js';
import { tagsToSpans } from './tags.js';
import { hasArabic } from './word-forms.js';

/** Models are read once per process through the context's resource cache. */
export function nerModel(ctx: Context | null, lang: ModelLang): NerModel {
  const load = () => NerModel.fromGzip(NerModel.defaultPath(lang));
  return ctx ? ctx.resource(`ner-model-${lang}`, load) : load();
}

/** Arabic if at least a fifth of the word tokens carry Arabic letters; Arabic news quotes Latin names often. */
export function guessLang(tokens: readonly string[]): ModelLang {
  let words = 0;
  let arabic = 0;
  for (const t of tokens) {
    if (!/[\p{L}]/u.test(t)) continue;
    words++;
    if (hasArabic(t)) arabic++;
  }
  return words > 0 && arabic / words >= 0.2 ? 'ar' : 'en';
}

/** The Document's language as a model choice; anything but ar/en falls back to the script. */
export function modelLang(language: string, tokens: readonly string[]): ModelLang {
  if (language === 'ar' || language === 'en') return language;
  return guessLang(tokens);
}

export interface TokenSlice {
  text: string;
  start: number;
  end: number;
}

/**
 * Tag the sentences of one document and return mentions as character spans of `text`, after the
 * document-consistency pass. A model span's score is the lowest per-token posterior inside it (a
 * span is only as sure as its least sure token); a copied span gets 0.9 × the best score of the
 * spans with the same words, or 0.45 when it was copied from a full name (a surname alone).
 */
export function documentMentions(model: NerModel, text: string, sentences: readonly (readonly TokenSlice[])[], withScores = true): EntityMention[] {
  const words = sentences.map((s) => s.map((t) => t.text));
  // posteriors (forward-backward) cost as much as tagging itself: only when someone reads scores
  const tagged = model.tagDocument(words, withScores);
  const consistent = model.consistency
    ? propagateMentions(words, tagged.map((t) => t.tags), model.lang, tagged.map((t) => t.bases!))
    : { tags: tagged.map((t) => t.tags), added: words.map(() => []) };
  const bestByKey = new Map<string, number>();
  const mentions: Array<EntityMention & { key?: string }> = [];
  // built whole: on Node 20 a spread followed by new properties ({ ...span, type }) costs ~1 µs an object
  const mention = (tokens: readonly TokenSlice[], from: number, to: number, type: NerType, score?: number): EntityMention => {
    const start = tokens[from].start;
    const end = tokens[to - 1].end;
    const m: EntityMention = { start, end, text: text.slice(start, end), type, source: 'model' };
    if (score !== undefined) m.score = score;
    return m;
  };
  sentences.forEach((tokens, s) => {
    const addedAt = new Set(consistent.added[s].map((a) => a.start));
    for (const sp of tagsToSpans(consistent.tags[s])) {
      if (addedAt.has(sp.start)) continue;
      if (!withScores) {
        mentions.push(mention(tokens, sp.start, sp.end, sp.type));
        continue;
      }
      let score = 1;
      for (let i = sp.start; i < sp.end; i++) score = Math.min(score, tagged[s].confidence![i]);
      score = Math.round(score * 1000) / 1000;
      const key = consistencyKey(words[s].slice(sp.start, sp.end), model.lang);
      bestByKey.set(key, Math.max(bestByKey.get(key) ?? 0, score));
      mentions.push(mention(tokens, sp.start, sp.end, sp.type, score));
    }
  });
  sentences.forEach((tokens, s) => {
    for (const a of consistent.added[s]) {
      const score = withScores ? Math.round(0.9 * (bestByKey.get(a.from) ?? 0.5) * 1000) / 1000 : undefined;
      mentions.push(mention(tokens, a.start, a.end, a.type, score));
    }
  });
  return mentions.sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * Tag consecutive sentences of one document: the stacked stage (if the model has one) over a
 * sliding window of them, the consistency pass (if the model keeps it) over blocks of them.
 */
export function tagSentences(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const out: string[][] = [];
  // the stacked stage reads its own sliding window of sentences, so the whole input goes in at once
  const all = model.stage2 ? model.tagDocument(sentences) : null;
  for (let w = 0; w < sentences.length; w += CONSISTENCY_WINDOW) {
    const window = sentences.slice(w, w + CONSISTENCY_WINDOW);
    const tagged = all ? all.slice(w, w + CONSISTENCY_WINDOW) : window.map((tokens) => model.tag(tokens, false, true));
    if (model.consistency) out.push(...propagateMentions(window, tagged.map((t) => t.tags), model.lang, tagged.map((t) => t.bases!)).tags);
    else out.push(...tagged.map((t) => t.tags));
  }
  return out;
}

/**
 * Tag every sentence of a CoNLL line list; returns one tag per token line, in order. With 'auto',
 * the language is guessed per document (-DOCSTART- blocks, or the whole input). The consistency
 * pass works on windows of CONSISTENCY_WINDOW sentences inside each document.
 */
export function tagConllLines(lines: readonly ConllLine[], lang: ModelLang | 'auto', ctx: Context | null): string[] {
  const out: string[] = [];
  let docStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i].kind !== 'docstart') continue;
    const doc = lines.slice(docStart, i);
    docStart = i + 1;
    const sentences = conllSentences(doc);
    if (sentences.length === 0) continue;
    const chosen = lang === 'auto' ? guessLang(sentences.flatMap((s) => s.tokens)) : lang;
    for (const t of tagSentences(nerModel(ctx, chosen), sentences.map((s) => s.tokens))) out.push(...t);
  }
  return out;
}
