// Entry points for the rest of the app: pick the model for a language, tag token sequences, and
// turn tagged tokens into EntityMention spans over the document text.
import type { Context } from '../core/context.js';
import type { EntityMention, NerType } from '../core/types.js';
import { conllSentences, type ConllLine } from './conll.js';
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
 * Tag one sentence and return its mentions as character spans of `text`. The score is the lowest
 * per-token posterior inside the span: a span is only as sure as its least sure token.
 */
export function mentionsOf(model: NerModel, text: string, tokens: readonly TokenSlice[]): EntityMention[] {
  if (tokens.length === 0) return [];
  const { tags, confidence } = model.tag(tokens.map((t) => t.text), true);
  return tagsToSpans(tags).map((s) => {
    let score = 1;
    for (let i = s.start; i < s.end; i++) score = Math.min(score, confidence![i]);
    const start = tokens[s.start].start;
    const end = tokens[s.end - 1].end;
    return { start, end, text: text.slice(start, end), type: s.type as NerType, source: 'model' as const, score: Math.round(score * 1000) / 1000 };
  });
}

/**
 * Tag every sentence of a CoNLL line list; returns one tag per token line, in order. With 'auto',
 * the language is guessed per document (-DOCSTART- blocks, or the whole input).
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
    const model = nerModel(ctx, chosen);
    for (const s of sentences) out.push(...model.tag(s.tokens).tags);
  }
  return out;
}
