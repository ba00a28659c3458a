// The `ner` stage: the trained tagger over each sentence's tokens, then the document-consistency
// pass, → doc.mentions (source 'model').
import type { Context } from '../core/context.js';
import type { Document, Token } from '../core/types.js';
import { documentMentions, modelLang, nerModel } from '../model/tagger.js';

/** Sentences longer than this are tagged in pieces (a run-on "sentence" from a bad segmentation). */
const MAX_SEQUENCE = 300;

export function nerStage(doc: Document, ctx: Context): void {
  if (doc.tokens.length === 0) return;
  // the token texts are only needed to guess the language when the document has none of the two
  const lang = doc.language === 'ar' || doc.language === 'en' ? doc.language : modelLang(doc.language, doc.tokens.map((t) => t.text));
  const model = nerModel(ctx, lang);
  // without a segmentation, the whole token list is one sequence
  const ranges = doc.sentences.length > 0
    ? doc.sentences.map((s) => [s.firstToken, s.endToken] as const)
    : [[0, doc.tokens.length] as const];
  const sequences: Token[][] = [];
  for (const [from, to] of ranges) {
    for (let a = from; a < to; a += MAX_SEQUENCE) {
      sequences.push(doc.tokens.slice(a, Math.min(to, a + MAX_SEQUENCE)).filter((t) => t.text.length > 0));
    }
  }
  // span scores are shown only in --debug output; nothing downstream reads them
  const found = documentMentions(model, doc.text, sequences, ctx.options.debug === true);
  // other stages may have added rule or registry mentions already; keep them, in text order
  doc.mentions = [...doc.mentions.filter((m) => m.source !== 'model'), ...found].sort((x, y) => x.start - y.start || x.end - y.end);
}
