// Polling a feed source: conditional GET through the guard, parse, full article fetched when the
// feed carries only a summary, items ingested, health and the next poll recorded in the store.
// A failed poll records its code and backs off exponentially; stored documents are never touched.
import { MarsadError, type ErrorCode } from '../core/errors.js';
import type { Source, Store } from '../store/store.js';
import { decodeBytes } from './decode.js';
import { parseFeed, type FeedItem } from './feed-parse.js';
import { guardedFetch, type GuardOptions } from './fetch-guard.js';
import { extractArticle } from './html.js';
import { emptyReport, ingest, type IngestOptions, type IngestReport } from './ingest.js';
import { failed, item, type Yielded } from './item.js';
import { fetchArticle } from './web.js';

export const FEED_TYPES = [
  'application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json',
  'application/xml', 'text/xml', 'application/rdf+xml', 'text/plain',
];

/** A summary shorter than this (in characters of text) is a teaser: the linked page is fetched. */
export const TEASER_CHARS = 500;
export const DEFAULT_EVERY_SECONDS = 15 * 60;
export const MAX_BACKOFF_SECONDS = 24 * 60 * 60;

export interface PollOptions extends IngestOptions {
  guard?: GuardOptions;
  /** fetch linked pages for teaser items (default true) */
  fetchArticles?: boolean;
}

export interface PollReport extends IngestReport {
  sourceId: number;
  ok: boolean;
  notModified: boolean;
  code: ErrorCode | null;
  message: string | null;
  nextPollAt: string;
}

/** Seconds until the next poll: the schedule after a success, doubling per consecutive failure. */
export function nextDelaySeconds(everySeconds: number | null, failures: number): number {
  const every = everySeconds && everySeconds > 0 ? everySeconds : DEFAULT_EVERY_SECONDS;
  if (failures <= 0) return every;
  return Math.min(every * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_SECONDS, every));
}

function htmlToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.trim();
  try {
    return extractArticle(`<html><body>${fragment}</body></html>`).text;
  } catch {
    return '';
  }
}

/** A feed item as an ingest item, fetching the article page when the feed only teases it. */
async function feedItemToYielded(fi: FeedItem, source: Source, opts: PollOptions, fetchedAt: string): Promise<Yielded> {
  const src = { kind: source.kind, url: source.url, name: source.name, everySeconds: source.everySeconds };
  const body = htmlToText(fi.content ?? '') || htmlToText(fi.summary ?? '');
  const base = { source: src, externalId: fi.id || fi.url!, url: fi.url, title: fi.title, published: fi.published, author: fi.author, fetchedAt };
  if (body.length < TEASER_CHARS && fi.url && opts.fetchArticles !== false) {
    try {
      const art = await fetchArticle(fi.url, opts.guard);
      return item({ ...base, raw: art.raw, contentType: art.contentType, text: art.text, title: fi.title ?? art.title, published: fi.published ?? art.published, author: fi.author ?? art.author });
    } catch (e) {
      if (!(e instanceof MarsadError)) throw e;
      // The page could not be had: the teaser is still news, so it goes in rather than nothing.
      if (!body) return failed(fi.url, e.code, e.message, src);
    }
  }
  return item({ ...base, raw: JSON.stringify(fi), contentType: 'application/json', text: body });
}

/** Poll one source now. Never throws for expected failures: they are recorded and reported. */
export async function pollSource(store: Store, source: Source, opts: PollOptions = {}): Promise<PollReport> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  const headers: Record<string, string> = {};
  if (source.health.etag) headers['if-none-match'] = source.health.etag;
  if (source.health.lastModified) headers['if-modified-since'] = source.health.lastModified;
  const at = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000).toISOString();
  try {
    const res = await guardedFetch(source.url, { ...opts.guard, accept: FEED_TYPES, headers: { ...opts.guard?.headers, ...headers } });
    const etag = (res.headers.etag as string | undefined) ?? source.health.etag;
    const lastModified = (res.headers['last-modified'] as string | undefined) ?? source.health.lastModified;
    if (res.notModified) {
      const t = now();
      const nextPollAt = at(t, nextDelaySeconds(source.everySeconds, 0));
      await store.recordPoll(source.id, { ok: true, at: t.toISOString(), itemsSeen: 0, etag, lastModified, nextPollAt });
      return { ...emptyReport(), sourceId: source.id, ok: true, notModified: true, code: null, message: null, nextPollAt };
    }
    const feed = parseFeed(decodeBytes(res.body, res.body.length + 1).text, res.url);
    const fetchedAt = started.toISOString();
    async function* items(): AsyncGenerator<Yielded> {
      for (const fi of feed.items) {
        // items stored on an earlier poll are neither fetched nor analysed again
        if (await store.findByExternalId(source.id, fi.id || fi.url!)) continue;
        yield await feedItemToYielded(fi, source, opts, fetchedAt);
      }
    }
    const report = await ingest(store, items(), opts);
    // the schedule counts from the end of the poll, so a slow poll never makes the next one due at once
    const t = now();
    const nextPollAt = at(t, nextDelaySeconds(source.everySeconds, 0));
    await store.recordPoll(source.id, { ok: true, at: t.toISOString(), itemsSeen: feed.items.length, etag, lastModified, nextPollAt });
    return { ...report, sourceId: source.id, ok: true, notModified: false, code: null, message: null, nextPollAt };
  } catch (e) {
    if (!(e instanceof MarsadError)) throw e;
    const t = now();
    const nextPollAt = at(t, nextDelaySeconds(source.everySeconds, source.health.failures + 1));
    await store.recordPoll(source.id, { ok: false, at: t.toISOString(), code: e.code, message: e.message, nextPollAt });
    return { ...emptyReport(), sourceId: source.id, ok: false, notModified: false, code: e.code, message: e.message, nextPollAt };
  }
}

/** Poll every source that is due (or all of them); one source's failure never stops the others. */
export async function pollDue(store: Store, opts: PollOptions & { all?: boolean } = {}): Promise<PollReport[]> {
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const sources = opts.all ? (await store.listSources()).filter((s) => s.kind === 'feed') : await store.dueSources(now);
  const reports: PollReport[] = [];
  for (const s of sources) if (s.kind === 'feed') reports.push(await pollSource(store, s, opts));
  return reports;
}

/**
 * Keep polling on each source's schedule until the signal aborts: poll what is due, then sleep
 * until the next source falls due (at most `maxSleepMs`, so sources added meanwhile are seen).
 */
export async function runSchedule(
  store: Store,
  opts: PollOptions & { signal: AbortSignal; onPoll?: (r: PollReport) => void; maxSleepMs?: number },
): Promise<void> {
  const now = opts.now ?? (() => new Date());
  while (!opts.signal.aborted) {
    for (const r of await pollDue(store, opts)) opts.onPoll?.(r);
    if (opts.signal.aborted) break;
    const next = (await store.listSources())
      .map((s) => (s.kind === 'feed' && s.health.nextPollAt ? Date.parse(s.health.nextPollAt) : NaN))
      .filter((t) => !Number.isNaN(t));
    const until = next.length ? Math.min(...next) : Infinity;
    const ms = Math.max(250, Math.min(until - now().getTime(), opts.maxSleepMs ?? 60_000));
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        opts.signal.removeEventListener('abort', done);
        resolve();
      }
      opts.signal.addEventListener('abort', done, { once: true });
    });
  }
}
