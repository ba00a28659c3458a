// HTML page → article: Mozilla Readability over a linkedom DOM (nothing is executed), then the
// article HTML is flattened to text with paragraph breaks kept, since sentences and headings
// depend on them.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { MarsadError } from '../core/errors.js';

export interface ExtractedArticle {
  title: string | null;
  text: string;
  author: string | null;
  published: string | null;
  lang: string | null;
}

// HTML bombs: pages nested thousands of elements deep make DOM building and extraction recurse
// until the stack breaks, after tens of seconds of CPU. A linear tag scan refuses them first.
export const MAX_HTML_DEPTH = 1000;

/** Elements that never nest or that parsers close implicitly: they do not count as depth. */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'html', 'head', 'body', 'tbody', 'thead',
]);

/** The deepest element nesting in an HTML string (approximate: a tag scan, not a parse). */
export function htmlDepth(html: string, stopAt = Infinity): number {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (FLAT.has(name) || m[3] === '/') continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) > stopAt) break;
  }
  return max;
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html')) return true;
  const tags = head.match(/<(p|div|body|head|article|section|span|a|br|h[1-6])\b/g);
  return tags !== null && tags.length >= 3;
}

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE',
  'PRE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'BR', 'HR', 'DL', 'DT', 'DD',
]);

/** Flatten an element to text: blocks become paragraphs, list items get a bullet. */
function toText(node: any, out: string[]): void {
  for (const child of node.childNodes ?? []) {
    if (child.nodeType === 3) {
      out.push(String(child.textContent).replace(/\s+/g, ' '));
    } else if (child.nodeType === 1) {
      const tag = String(child.tagName).toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
      const block = BLOCK.has(tag);
      if (block) out.push('\n\n');
      if (tag === 'LI') out.push('• ');
      toText(child, out);
      if (block) out.push('\n\n');
    }
  }
}

function tidy(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function meta(document: any, ...names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[name="${n}"]`) ?? document.querySelector(`meta[property="${n}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function isoDay(v: string | null): string | null {
  const m = v ? /^(\d{4}-\d{2}-\d{2})/.exec(v) : null;
  return m ? m[1] : null;
}

export function extractArticle(html: string, url?: string | null): ExtractedArticle {
  if (htmlDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    throw new MarsadError('E_TOO_LARGE', `HTML nests more than ${MAX_HTML_DEPTH} elements deep (an HTML bomb?)`, { url: url ?? null });
  }
  try {
    return extract(html, url);
  } catch (e) {
    // a page that still breaks the DOM builder is bad input, not a bug of ours
    if (e instanceof RangeError) throw new MarsadError('E_TOO_LARGE', `HTML is too complex to extract: ${e.message}`, { url: url ?? null });
    throw e;
  }
}

function extract(html: string, url?: string | null): ExtractedArticle {
  const { document } = parseHTML(html);
  const lang = (document.documentElement?.getAttribute?.('lang') ?? '').slice(0, 2).toLowerCase() || null;
  const author = meta(document, 'author', 'article:author', 'byl');
  const published = isoDay(meta(document, 'article:published_time', 'pubdate', 'date', 'DC.date.issued'));
  const pageTitle = (meta(document, 'og:title') ?? document.querySelector('title')?.textContent ?? '').trim() || null;

  // Readability mutates the DOM it is given: everything above has been read from it already, and
  // the fallback below parses afresh.
  const article = new Readability(document as any, { charThreshold: 100 }).parse();
  let text = '';
  if (article?.content) {
    const parts: string[] = [];
    toText(parseHTML(`<html><body>${article.content}</body></html>`).document.body, parts);
    text = tidy(parts.join(''));
  }
  if (!text) {
    // Readability gives up on very short pages: fall back to the body's paragraphs.
    const parts: string[] = [];
    const fresh = parseHTML(html).document;
    toText(fresh.body ?? fresh.documentElement, parts);
    text = tidy(parts.join(''));
  }
  if (!text) throw new MarsadError('E_EMPTY_INPUT', `HTML page${url ? ` ${url}` : ''} has no readable text`);
  let title = (article?.title?.trim() || pageTitle) ?? null;
  // Pages repeat the headline as the first line of the body, and titles carry " | Site" tails:
  // the body's first line, when the title starts with it, is the clean headline.
  const firstLine = text.split('\n', 1)[0].trim();
  if (title && firstLine && firstLine.length >= 8 && title.startsWith(firstLine)) {
    title = firstLine;
    text = text.slice(firstLine.length).trimStart();
  }
  return {
    title,
    text,
    author: author ?? (article?.byline?.trim() || null),
    published,
    lang,
  };
}
