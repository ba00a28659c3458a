// `marsad eval ner --conll FILE`: tag the tokens of a gold CoNLL file and print CoNLL exact-span
// precision, recall and F1 per type and overall. Gold types are mapped to ours (PERS → PER, …).
import { parseOptions, writeLine, type IO } from '../cli/command.js';
import { MarsadError } from '../core/errors.js';
import { createContext } from '../core/context.js';
import { conllSentences, type ConllLine } from '../model/conll.js';
import { readConllInput } from '../model/read-input.js';
import { formatScores, scoreSpans } from '../model/score.js';
import { canonicalTag } from '../model/tags.js';
import { tagConllLines } from '../model/tagger.js';

/** The options and gold lines every CoNLL evaluation takes: --conll FILE (or -), --lang, --json. */
export async function readGoldConll(args: string[], io: IO, what: string): Promise<{ lines: ConllLine[]; lang: 'ar' | 'en' | 'auto'; json: boolean }> {
  const { values, positionals } = parseOptions(args, {
    conll: { type: 'string' },
    lang: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}" (use --conll FILE)`);
  if (!values.conll) throw new MarsadError('E_USAGE', `eval ${what} needs --conll FILE with gold tags in the last column`);
  const lang = values.lang;
  if (lang !== 'ar' && lang !== 'en' && lang !== 'auto') throw new MarsadError('E_USAGE', `--lang must be ar, en or auto (got "${lang}")`);
  const lines = await readConllInput(values.conll, io.stdin);
  const untagged = lines.findIndex((l) => l.kind === 'token' && l.tag === null);
  if (untagged >= 0) throw new MarsadError('E_BAD_RECORD', `line ${untagged + 1} has no gold tag column`);
  return { lines, lang, json: Boolean(values.json) };
}

export async function runEvalNer(args: string[], io: IO): Promise<number> {
  const { lines, lang, json } = await readGoldConll(args, io, 'ner');
  const sentences = conllSentences(lines);
  const predicted = tagConllLines(lines, lang, createContext());
  const gold: string[][] = [];
  const pred: string[][] = [];
  let k = 0;
  for (const s of sentences) {
    gold.push(s.tags.map(canonicalTag));
    pred.push(predicted.slice(k, (k += s.tokens.length)));
  }
  const scores = scoreSpans(gold, pred);
  if (json) writeLine(io.stdout, JSON.stringify(scores, null, 2));
  else writeLine(io.stdout, formatScores(scores));
  return 0;
}
