// RSS 2.0, Atom and JSON Feed into one item shape. XML entity declarations are refused outright
// (feeds never need them, and expanding them is how billion-laughs attacks work).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MarsadError } from '../core/errors.js';

export interface FeedItem {
  /** guid / Atom id / JSON Feed id, else the link */
  id: string;
  url: string | null;
  title: string | null;
  /** short description or summary (may be HTML) */
  summary: string | null;
  /** full content when the feed carries it (may be HTML) */
  content: string | null;
  /** YYYY-MM-DD (UTC) */
  published: string | null;
  author: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'json' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

/** Items beyond this are dropped: a feed is a window on recent news, not an archive. */
export const MAX_FEED_ITEMS = 2000;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five predefined XML entities and numeric references, nothing else. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return XML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text of a parsed XML node: string, {#text}, or CDATA; attributes ignored. */
function text(node: unknown): string | null {
  if (node == null) return null;
  if (typeof node === 'string' || typeof node === 'number') return decodeXmlEntities(String(node)).trim() || null;
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const parts = [o['#text'], o['__cdata']].filter((x) => x != null).map(String);
    if (parts.length) return decodeXmlEntities(parts.join('')).trim() || null;
  }
  return null;
}

function arr<T>(x: T | T[] | undefined | null): T[] {
  return x == null ? [] : Array.isArray(x) ? x : [x];
}

/** Feed dates (RFC 822, ISO 8601) to YYYY-MM-DD in UTC; null when unparseable. */
export function feedDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s.trim());
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

function resolveUrl(href: string | null, base?: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function rssItem(it: Record<string, unknown>, base?: string): FeedItem {
  const url = resolveUrl(text(it.link), base);
  const guid = text(it.guid);
  return {
    id: guid ?? url ?? text(it.title) ?? '',
    url,
    title: text(it.title),
    summary: text(it.description),
    content: text(it['content:encoded']),
    published: feedDate(text(it.pubDate) ?? text(it['dc:date'])),
    author: text(it['dc:creator']) ?? text(it.author),
  };
}

function atomLink(links: unknown, base?: string): string | null {
  const all = arr(links as Record<string, unknown> | Array<Record<string, unknown>>);
  const alt = all.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? all[0];
  if (!alt) return null;
  if (typeof alt === 'string') return resolveUrl(alt, base);
  const href = alt['@_href'] as string | undefined;
  return resolveUrl(href ? decodeXmlEntities(href) : null, base);
}

function atomEntry(e: Record<string, unknown>, base?: string): FeedItem {
  const url = atomLink(e.link, base);
  const author = arr<Record<string, unknown>>(e.author as Record<string, unknown> | undefined)[0];
  return {
    id: text(e.id) ?? url ?? text(e.title) ?? '',
    url,
    title: text(e.title),
    summary: text(e.summary),
    content: text(e.content),
    published: feedDate(text(e.published) ?? text(e.updated)),
    author: author ? text(author.name) : null,
  };
}

function parseXmlFeed(xml: string, base?: string): ParsedFeed {
  // A DOCTYPE with declarations is the billion-laughs / XXE vector; no real feed needs one.
  if (/<!DOCTYPE[^>]*\[/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new MarsadError('E_BAD_FEED', 'feed declares XML entities (refused)');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new MarsadError('E_BAD_FEED', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '__cdata',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'item' || name === 'entry',
  });
  const doc = parser.parse(xml) as Record<string, Record<string, unknown>>;
  if (doc.rss) {
    const ch = (arr(doc.rss.channel as Record<string, unknown>)[0] ?? {}) as Record<string, unknown>;
    const items = arr(ch.item as Array<Record<string, unknown>>).slice(0, MAX_FEED_ITEMS);
    return { kind: 'rss', title: text(ch.title), items: items.map((i) => rssItem(i, base)) };
  }
  if (doc.feed) {
    const entries = arr(doc.feed.entry as Array<Record<string, unknown>>).slice(0, MAX_FEED_ITEMS);
    return { kind: 'atom', title: text(doc.feed.title), items: entries.map((e) => atomEntry(e, base)) };
  }
  if (doc['rdf:RDF']) {
    const rdf = doc['rdf:RDF'];
    const ch = (rdf.channel ?? {}) as Record<string, unknown>;
    const items = arr(rdf.item as Array<Record<string, unknown>>).slice(0, MAX_FEED_ITEMS);
    return { kind: 'rdf', title: text(ch.title), items: items.map((i) => rssItem(i, base)) };
  }
  throw new MarsadError('E_BAD_FEED', 'XML is not RSS, Atom or RDF');
}

function parseJsonFeed(src: string, base?: string): ParsedFeed {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(src) as Record<string, unknown>;
  } catch (e) {
    throw new MarsadError('E_BAD_FEED', `JSON Feed is not valid JSON: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || !String(doc.version ?? '').startsWith('https://jsonfeed.org/version/') || !Array.isArray(doc.items)) {
    throw new MarsadError('E_BAD_FEED', 'JSON is not a JSON Feed (version and items required)');
  }
  const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
  const items = (doc.items as Array<Record<string, unknown>>).slice(0, MAX_FEED_ITEMS).map((it): FeedItem => {
    const url = resolveUrl(str(it.url) ?? str(it.external_url), base);
    const authors = arr<Record<string, unknown>>((it.authors ?? it.author) as Record<string, unknown> | undefined);
    return {
      id: str(it.id) ?? (it.id != null ? String(it.id) : null) ?? url ?? '',
      url,
      title: str(it.title),
      summary: str(it.summary),
      content: str(it.content_html) ?? str(it.content_text),
      published: feedDate(str(it.date_published) ?? str(it.date_modified)),
      author: authors[0] ? str(authors[0].name) : null,
    };
  });
  return { kind: 'json', title: str(doc.title), items };
}

/** Parse a feed body (already decoded to text). `base` resolves relative links. */
export function parseFeed(body: string, base?: string): ParsedFeed {
  const src = body.replace(/^\uFEFF/, '').trimStart();
  if (!src) throw new MarsadError('E_BAD_FEED', 'feed is empty');
  const feed = src[0] === '{' ? parseJsonFeed(src, base) : parseXmlFeed(src, base);
  feed.items = feed.items.filter((i) => i.id || i.url);
  return feed;
}
