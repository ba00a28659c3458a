// `marsad ner --conll FILE|-`: CoNLL in, CoNLL out, so the tagger can be scored with any tool.
import { parseOptions, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { createContext } from '../../core/context.js';
import { formatConll } from '../../model/conll.js';
import { readConllInput } from '../../model/read-input.js';
import { tagConllLines } from '../../model/tagger.js';

export const help = `Usage: marsad ner --conll FILE|- [--lang ar|en|auto]

Tag tokens with named-entity types using the trained tagger (BIO tags with PER, ORG, LOC, MISC).

Input: one token per line; anything after the first whitespace (a gold tag, POS columns) is
ignored; a blank line ends a sentence; -DOCSTART- lines separate documents.
Output: "token TAG" per line in the same order, blank lines kept where they were.

Options:
  --conll FILE   CoNLL file to tag, or - for stdin
  --lang L       ar, en, or auto (default: guess from the script, per document)

Examples:
  marsad ner --conll sentences.conll > tagged.conll
  printf 'وصل\\nخالد\\nالعمري\\nإلى\\nبغداد\\n' | marsad ner --conll - --lang ar
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    conll: { type: 'string' },
    lang: { type: 'string', default: 'auto' },
  });
  if (positionals.length > 0) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}" (use --conll FILE)`);
  if (!values.conll) throw new MarsadError('E_USAGE', 'ner needs --conll FILE (or --conll - for stdin)');
  const lang = values.lang;
  if (lang !== 'ar' && lang !== 'en' && lang !== 'auto') throw new MarsadError('E_USAGE', `--lang must be ar, en or auto (got "${lang}")`);
  const lines = await readConllInput(values.conll, io.stdin);
  const tags = tagConllLines(lines, lang, createContext());
  io.stdout.write(formatConll(lines, tags));
  return 0;
}
