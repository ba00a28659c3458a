// The analysis command function: input (bytes or text) → Document → pipeline → contract object.
// The CLI, the HTTP API, ingestion and re-analysis all call this.
import { createContext, type Context } from '../core/context.js';
import { isIsoDay } from '../core/dates.js';
import { MarsadError } from '../core/errors.js';
import { newDocument, type Analysis, type Document } from '../core/types.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from '../ingest/decode.js';
import { extractArticle, looksLikeHtml } from '../ingest/html.js';
import { runPipeline } from '../pipeline/pipeline.js';

/** Bumped whenever analysis output can change for the same input (stored analyses are then stale). */
export const MODEL_VERSION = 'marsad-0.3.0';

export interface AnalyzeInput {
  text: string;
  published?: string | null;
  title?: string | null;
  author?: string | null;
  lang?: string;
  url?: string | null;
  id?: string;
}

let defaultCtx: Context | null = null;
/** One shared context per process: the model and knowledge base load once. */
export function sharedContext(): Context {
  return (defaultCtx ??= createContext());
}

export function checkPublished(published: string | null | undefined): string | null {
  if (published == null || published === '') return null;
  if (!isIsoDay(published)) throw new MarsadError('E_BAD_DATE', `published date "${published}" is not a valid YYYY-MM-DD`);
  return published;
}

export function checkLang(lang: string | undefined): string {
  if (lang === undefined || lang === 'auto') return 'auto';
  if (!/^[a-z]{2}$/.test(lang)) throw new MarsadError('E_USAGE', `--lang must be ar, en or auto (got "${lang}")`);
  return lang;
}

/** Build the document for text input: HTML is recognised and its article body extracted. */
export function prepareDocument(input: AnalyzeInput): Document {
  const published = checkPublished(input.published);
  let { text } = input;
  let title = input.title ?? null;
  let author = input.author ?? null;
  let detectedPublished: string | null = null;
  let lang = checkLang(input.lang);
  if (text.trim() === '') throw new MarsadError('E_EMPTY_INPUT', 'input text is empty');
  if (text.length > DEFAULT_MAX_BYTES) throw new MarsadError('E_TOO_LARGE', `input has ${text.length} characters; the limit is ${DEFAULT_MAX_BYTES}`);
  if (looksLikeHtml(text)) {
    const art = extractArticle(text, input.url);
    text = art.text;
    title ??= art.title;
    author ??= art.author;
    detectedPublished = art.published;
    if (lang === 'auto' && art.lang && /^(ar|en)$/.test(art.lang)) lang = art.lang;
  }
  return newDocument({
    id: input.id,
    url: input.url ?? null,
    raw: text.replace(/^\uFEFF/, ''),
    title,
    author,
    published: published ?? detectedPublished,
    language: lang,
  });
}

export function toAnalysis(doc: Document, ctx: Context): Analysis {
  const out: Analysis = {
    schema: 'marsad.analysis/v1',
    ...(doc.id !== undefined ? { id: doc.id } : {}),
    language: doc.language,
    published: doc.published,
    title: doc.title,
    author: doc.author,
    ...(doc.url ? { url: doc.url } : {}),
    text: doc.text,
    removed: doc.removed,
    entities: doc.entities,
    events: doc.events,
    model: MODEL_VERSION,
  };
  if (ctx.options.debug) {
    out.debug = {
      sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, heading: s.heading ?? false, text: doc.text.slice(s.start, s.end) })),
      tokens: doc.tokens.map((t) => [t.text, t.norm, t.base, t.stem, t.prefixes.join('+')]),
      dates: doc.dates,
      numbers: doc.numbers,
      mentions: doc.mentions,
    };
  }
  return out;
}

export function analyzeText(input: AnalyzeInput, ctx: Context = sharedContext()): Analysis {
  const doc = prepareDocument(input);
  runPipeline(doc, ctx);
  return toAnalysis(doc, ctx);
}

/** Bytes as read from a file or the network: encoding detected, then analysed as text. */
export function analyzeBytes(buf: Uint8Array, input: Omit<AnalyzeInput, 'text'>, ctx: Context = sharedContext()): Analysis {
  const { text } = decodeBytes(buf);
  return analyzeText({ ...input, text }, ctx);
}
