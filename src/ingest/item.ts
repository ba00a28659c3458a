// What every ingestion source produces: items ready for analysis, or failures with a stable
// code. Sources never touch the store; `ingest()` does (analysing each item, storing them in small batches).
import { MarsadError, type ErrorCode } from '../core/errors.js';
import type { SourceInput } from '../store/store.js';

export interface IngestItem {
  /** the source that carried the item (added to the store on first sight) */
  source: SourceInput;
  /** the item's id within the source: feed guid, message id, relative path, URL */
  externalId: string;
  url?: string | null;
  /** bytes or text exactly as read or fetched */
  raw: string | Uint8Array;
  contentType?: string | null;
  /** decoded text, article extracted, given to the analyser */
  text: string;
  title?: string | null;
  published?: string | null;
  author?: string | null;
  lang?: string;
  /** ISO time the item was read; defaults to now */
  fetchedAt?: string;
}

export interface ItemFailure {
  /** where it happened: a path, path:line, URL or message id */
  where: string;
  code: ErrorCode;
  message: string;
  source?: SourceInput;
}

export type Yielded = { ok: true; item: IngestItem } | { ok: false; failure: ItemFailure };

export const item = (i: IngestItem): Yielded => ({ ok: true, item: i });

/** A failure from an exception: expected errors keep their code; anything else is a bug, rethrown. */
export function failure(where: string, e: unknown, source?: SourceInput): Yielded {
  if (e instanceof MarsadError) return { ok: false, failure: { where, code: e.code, message: e.message, source } };
  throw e;
}

/** The fields an extracted article gives an item; a language other than ar/en is left for detection. */
export function articleFields(art: { text: string; title: string | null; author: string | null; published: string | null; lang: string | null }) {
  const { text, title, author, published, lang } = art;
  return { text, title, author, published, lang: lang && /^(ar|en)$/.test(lang) ? lang : undefined };
}

export function failed(where: string, code: ErrorCode, message: string, source?: SourceInput): Yielded {
  return { ok: false, failure: { where, code, message, source } };
}

/** A date as given by a source (ISO time, RFC 822, Unix seconds) → YYYY-MM-DD, or null. An ISO
 * date-time keeps the calendar day as written (the outlet's local day, not UTC). */
export function isoDay(value: string | number | null | undefined): string | null {
  if (value == null || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const t = typeof value === 'number' ? value * 1000 : Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
