// `marsad analyze`: one article → one contract object; or JSON Lines in → JSON Lines out.
import { parseOptions, writeLine, type IO } from '../command.js';
import { analyzeBytes, analyzeText, checkLang, checkPublished } from '../../commands/analyze.js';
import { createContext } from '../../core/context.js';
import { isMarsadError, MarsadError } from '../../core/errors.js';
import { inputRecordSchema } from '../../core/schema.js';
import { openLines, readInputBytes } from '../read-input.js';

export const help = `Usage: marsad analyze FILE|- [--published YYYY-MM-DD] [--lang ar|en|auto] [--debug] [--compact]
       marsad analyze --jsonl FILE|-

Analyse one news article and print the marsad.analysis/v1 JSON object (see "marsad schema"):
cleaned text, removed junk, author, entities and events, every fact with its source span.

Input: UTF-8 (with or without BOM) or windows-1256 text, detected automatically, or an HTML page
(the article body is extracted). For text files the first line is the title.

Options:
  --published DATE  publication date; relative words (أمس, Wednesday, last month) resolve against it
  --lang LANG       ar, en or auto (default: auto-detect)
  --jsonl           read JSON Lines records {"id","text","published"?,"title"?,"url"?} and write one
                    analysis per line, in input order; a bad record yields {"id","error"} and the run goes on
  --debug           add the text layer (sentences, tokens, dates, numbers, raw mentions) under "debug"
  --compact         one-line JSON instead of indented

Exit codes: 0 ok; 2 bad usage or unreadable input (one line on stderr with a code such as
E_EMPTY_INPUT, E_NOT_TEXT, E_TOO_LARGE, E_BAD_ENCODING, E_BAD_DATE, E_NO_SUCH_FILE).

Examples:
  marsad analyze examples/demo/01-baghdad-market-bombing.txt --published 2024-03-14
  cat page.html | marsad analyze - --lang ar
  marsad analyze --jsonl articles.jsonl > analyses.jsonl
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    published: { type: 'string' },
    lang: { type: 'string' },
    jsonl: { type: 'boolean' },
    debug: { type: 'boolean' },
    compact: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new MarsadError('E_USAGE', 'analyze needs exactly one FILE or - (see marsad analyze --help)');
  const ctx = createContext({ debug: values.debug });
  if (values.jsonl) return runJsonl(positionals[0], io, ctx);

  const published = checkPublished(values.published);
  const lang = checkLang(values.lang);
  const bytes = await readInputBytes(positionals[0], io.stdin);
  const analysis = analyzeBytes(bytes, { published, lang }, ctx);
  writeLine(io.stdout, values.compact ? JSON.stringify(analysis) : JSON.stringify(analysis, null, 2));
  return 0;
}

async function runJsonl(path: string, io: IO, ctx: ReturnType<typeof createContext>): Promise<number> {
  let okCount = 0;
  let errCount = 0;
  let lineNo = 0;
  for await (const line of await openLines(path, io.stdin)) {
    lineNo++;
    if (line.trim() === '') continue;
    let id: string | null = null;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new MarsadError('E_BAD_JSON', `line ${lineNo} is not valid JSON`);
      }
      if (raw && typeof raw === 'object' && 'id' in raw) id = String((raw as { id: unknown }).id);
      const rec = inputRecordSchema.safeParse(raw);
      if (!rec.success) {
        const issue = rec.error.issues[0];
        throw new MarsadError('E_BAD_RECORD', `line ${lineNo}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
      }
      const r = rec.data;
      const analysis = analyzeText({ id: r.id, text: r.text, published: r.published, title: r.title, url: r.url, lang: r.lang }, ctx);
      writeLine(io.stdout, JSON.stringify(analysis));
      okCount++;
    } catch (e) {
      if (!isMarsadError(e)) throw e;
      writeLine(io.stdout, JSON.stringify({ id, error: e.toJSON() }));
      errCount++;
    }
  }
  io.stderr.write(`analyzed ${okCount} record(s)${errCount ? `, ${errCount} error(s)` : ''}\n`);
  return 0;
}
