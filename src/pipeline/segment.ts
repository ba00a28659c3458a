// Stage: tokens (normalised, clitics split, stemmed) and sentences over doc.text.
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { tokenize } from '../lang/tokenize.js';
import { splitSentences } from '../lang/segment.js';

export function segmentStage(doc: Document, _ctx: Context): void {
  doc.tokens = tokenize(doc.text, doc.language);
  doc.sentences = splitSentences(doc.text, doc.tokens);
}
