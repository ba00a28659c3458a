// HTML bombs: pages nested thousands of elements deep make DOM building and article extraction
// recurse until the stack breaks (after tens of seconds of CPU). A linear scan of the tags
// refuses them first; extraction then runs only on pages a browser would render sanely.
import { MarsadError } from '../core/errors.js';
import { extractArticle, type ExtractedArticle } from './html.js';

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

/** extractArticle behind the depth check; a page that still breaks the extractor is bad input. */
export function safeExtractArticle(html: string, url?: string | null): ExtractedArticle {
  const depth = htmlDepth(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new MarsadError('E_TOO_LARGE', `HTML nests more than ${MAX_HTML_DEPTH} elements deep (an HTML bomb?)`, { url: url ?? null });
  }
  try {
    return extractArticle(html, url);
  } catch (e) {
    if (e instanceof RangeError) throw new MarsadError('E_TOO_LARGE', `HTML is too complex to extract: ${e.message}`, { url: url ?? null });
    throw e;
  }
}
