// The analysis path in one screen: each stage is a function of the document (and read-only
// resources in the context); it adds annotations and never touches storage or the network.
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { cleanStage } from './clean.js';
import { languageStage } from './language.js';
import { segmentStage } from './segment.js';
import { datesStage } from './dates.js';
import { numbersStage } from './numbers.js';
import { nerStage } from './ner.js';
import { entitiesStage } from './entities.js';
import { eventsStage } from './events.js';

export type Stage = (doc: Document, ctx: Context) => void;

/** The declared order. Decoding and HTML extraction happen before, in `prepare` (input → Document). */
export const STAGES: ReadonlyArray<readonly [name: string, stage: Stage]> = [
  ['clean', cleanStage], // shortcodes, trailers, bylines, boilerplate → doc.text, doc.removed, doc.author
  ['language', languageStage], // ar | en | other
  ['segment', segmentStage], // sentences and tokens (clitics, norm, stem)
  ['dates', datesStage], // date expressions resolved against doc.published
  ['numbers', numbersStage], // digits and number words, approx flags
  ['ner', nerStage], // trained tagger → doc.mentions
  ['entities', entitiesStage], // mentions + knowledge base → canonical entities, sanctions
  ['events', eventsStage], // attacks, claims, incitement, threats, warnings, arrests
];

export function runPipeline(doc: Document, ctx: Context, until?: string): Document {
  for (const [name, stage] of STAGES) {
    stage(doc, ctx);
    if (name === until) break;
  }
  return doc;
}
