// Self-training data for the Arabic tagger: sentences of the unlabelled news corpus that a trained
// model tags with confidence, each token's tag as the model gives it. Added to the training data
// they teach it names and contexts of the news the app reads that ANERcorp lacks (the corpus is
// Saudi news of 2015; ANERcorp's is older and from other papers). Training time only.
import { splitSentences } from '../lang/segment.js';
import { tokenize } from '../lang/tokenize.js';
import { propagateMentions } from './consistency.js';
import type { NerModel } from './model.js';
import type { LabelledSentence } from './perceptron.js';
import { tagIndex } from './tags.js';

export interface SelfTrainOptions {
  /** the least posterior any token of a kept sentence may have, at `temperature` */
  minConfidence: number;
  /**
   * the posteriors' temperature: fixed, not the one each model picks for its dev split (15–30),
   * since that would decide how much is kept (from 2,200 to 9,100 sentences of the same articles)
   */
  temperature: number;
  /** sentences shorter or longer than this (in tokens) are left out: headings, run-on text */
  minTokens: number;
  maxTokens: number;
}

export const SELF_TRAIN_DEFAULTS: SelfTrainOptions = { minConfidence: 0.8, temperature: 20, minTokens: 6, maxTokens: 60 };

/**
 * The sentences of `texts` (one article each) that `model` tags with every token at least
 * `minConfidence` sure, at least one name among them, and that the document-consistency pass leaves
 * as they are; with the model's tags as gold. A sentence with no name teaches only "O" and is left out.
 */
export function autoTaggedSentences(model: NerModel, texts: Iterable<string>, opts: SelfTrainOptions = SELF_TRAIN_DEFAULTS): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  const own = model.temperature;
  model.temperature = opts.temperature;
  try {
    for (const text of texts) collect(model, text, opts, out);
  } finally {
    model.temperature = own;
  }
  return out;
}

/** The sure sentences of one article, appended to `out`. */
function collect(model: NerModel, text: string, opts: SelfTrainOptions, out: LabelledSentence[]): void {
  const tokens = tokenize(text, model.lang);
  const sentences = splitSentences(text, tokens)
    .map((s) => tokens.slice(s.firstToken, s.endToken).map((t) => t.text).filter((t) => t.length > 0))
    .filter((s) => s.length >= opts.minTokens && s.length <= opts.maxTokens);
  if (sentences.length === 0) return;
  const tagged = model.tagDocument(sentences, true);
  const consistent = propagateMentions(sentences, tagged.map((t) => t.tags), model.lang, tagged.map((t) => t.bases!)).tags;
  sentences.forEach((words, k) => {
    const { tags, confidence } = tagged[k];
    if (!tags.some((t) => t !== 'O')) return;
    if (consistent[k].some((t, i) => t !== tags[i])) return;
    if (confidence!.some((c) => c < opts.minConfidence)) return;
    out.push({ tokens: words, gold: Int32Array.from(tags, tagIndex) });
  });
}
