// A web page by URL: fetched through the guard, decoded, article extracted.
import { decodeBytes } from './decode.js';
import { guardedFetch, type GuardOptions } from './fetch-guard.js';
import { extractArticle } from './html.js';
import { articleFields, failure, item, type Yielded } from './item.js';
import type { SourceInput } from '../store/store.js';

export const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

export interface FetchedArticle {
  url: string;
  raw: Uint8Array;
  contentType: string;
  title: string | null;
  text: string;
  author: string | null;
  published: string | null;
  lang: string | null;
}

/** Fetch and extract one article. Throws MarsadError on every expected failure. */
export async function fetchArticle(url: string, guard: GuardOptions = {}): Promise<FetchedArticle> {
  const res = await guardedFetch(url, { ...guard, accept: [...HTML_TYPES, 'text/plain'] });
  const { text: decoded } = decodeBytes(res.body);
  const art = res.contentType === 'text/plain'
    ? { title: null, text: decoded.trim(), author: null, published: null, lang: null }
    : extractArticle(decoded, res.url);
  return { url: res.url, raw: res.body, contentType: res.contentType, ...art };
}

export function webSource(url: string): SourceInput {
  return { kind: 'web', url, name: null, everySeconds: null };
}

/** A URL given on the command line (or pushed) as one item of its own source. */
export async function webItem(url: string, guard: GuardOptions = {}): Promise<Yielded> {
  const source = webSource(url);
  try {
    const art = await fetchArticle(url, guard);
    return item({
      source,
      externalId: url,
      url: art.url,
      raw: art.raw,
      contentType: art.contentType,
      ...articleFields(art),
    });
  } catch (e) {
    return failure(url, e, source);
  }
}
