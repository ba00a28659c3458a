// `marsad eval ner|events`: thin dispatch to the evaluation modules.
import type { IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';

export const help = `Usage: marsad eval <ner|entities|events> [options]

Score Marsad against hand-labelled data and print the figures.

  marsad eval ner --conll FILE        CoNLL exact-span P/R/F1 per type and overall
                                      (FILE: one "token TAG" per line, blank line between sentences)
  marsad eval entities --conll FILE   the entities Marsad reports (tagger, knowledge base and name rules
                                      together) against the same gold file: people, organisations and
                                      places found exactly and found overlapping, and precision
  marsad eval events --gold DIR       attack detection P/R/F1 and field accuracy on a gold folder
                                      (format: docs/event-gold-format.md)

Examples:
  marsad eval ner --conll eval/ner-en-news/dev-b.conll
  npm run train -- --lang ar && marsad eval ner --conll /tmp/marsad-ner/ar-dev.conll
                                      (the Arabic dev split is written by the training script)
  marsad eval entities --conll eval/ner-ar-news/dev-a.conll
  marsad eval events --gold eval/events-dev --json
`;

export async function run(args: string[], io: IO): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'ner') return (await import('../../eval/ner.js')).runEvalNer(rest, io);
  if (what === 'entities') return (await import('../../eval/entities.js')).runEvalEntities(rest, io);
  if (what === 'events') return (await import('../../eval/events.js')).runEvalEvents(rest, io);
  throw new MarsadError('E_USAGE', `eval needs "ner", "entities" or "events" (got ${what ? `"${what}"` : 'nothing'})`);
}
