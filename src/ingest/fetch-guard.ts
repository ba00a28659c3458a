// Every outbound request goes through here: only http(s), only public addresses (unless the
// operator allows more), DNS resolved once and the checked address pinned for the connection,
// and caps on size, decompressed size, time, redirects and content type.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { MarsadError } from '../core/errors.js';
import { AllowList, addressAllowed } from './address-policy.js';

export interface GuardOptions {
  /** exceptions to the private-address rule; defaults to MARSAD_ALLOW_HOSTS */
  allow?: AllowList | string[];
  /** cap on the body as received and after decompression (default 5 MB) */
  maxBytes?: number;
  /** whole-request deadline, redirects included (default 15 s) */
  timeoutMs?: number;
  maxRedirects?: number;
  /** accepted media types (prefix match on the type, e.g. 'text/', 'application/rss+xml'); empty = any */
  accept?: string[];
  /** extra request headers (conditional GET: If-None-Match, If-Modified-Since) */
  headers?: Record<string, string>;
  /** resolver, replaceable in tests; must return every address of the name */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
  userAgent?: string;
}

export interface FetchResult {
  /** the URL after redirects */
  url: string;
  status: number;
  /** true for 304 Not Modified (body empty) */
  notModified: boolean;
  /** media type without parameters, lower-case ('' when absent) */
  contentType: string;
  /** charset parameter of Content-Type, if any */
  charset: string | null;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** the address the connection was made to */
  address: string;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultResolve = (host: string) => dnsLookup(host, { all: true, verbatim: true });

/** Resolve the host once and pick the first allowed address; refuse when none is. */
async function pinAddress(url: URL, allow: AllowList, opts: GuardOptions): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let candidates: Array<{ address: string; family: number }>;
  if (literal) candidates = [{ address: host, family: literal }];
  else {
    try {
      candidates = await (opts.resolve ?? defaultResolve)(host);
    } catch (e) {
      throw new MarsadError('E_FETCH_FAILED', `cannot resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { url: url.href });
    }
  }
  const ok = candidates.find((c) => addressAllowed(host, c.address, allow));
  if (!ok) {
    throw new MarsadError('E_FETCH_BLOCKED', `${host} resolves to a private or reserved address`, {
      url: url.href,
      addresses: candidates.map((c) => c.address),
    });
  }
  return ok;
}

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MarsadError('E_FETCH_BLOCKED', `only http and https URLs are fetched, not ${url.protocol}`, { url: url.href });
  }
  if (url.username || url.password) {
    throw new MarsadError('E_FETCH_BLOCKED', 'URLs with credentials are not fetched', { url: url.origin });
  }
}

function parseContentType(v: string | undefined): { type: string; charset: string | null } {
  if (!v) return { type: '', charset: null };
  const [type, ...params] = v.split(';');
  const cs = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  return { type: type.trim().toLowerCase(), charset: cs ? cs.slice(8).replace(/"/g, '').trim().toLowerCase() : null };
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case '': case 'identity': return null;
    case 'gzip': case 'x-gzip': return zlib.createGunzip();
    case 'deflate': return zlib.createInflate();
    case 'br': return zlib.createBrotliDecompress();
    default: throw new MarsadError('E_UNSUPPORTED_MEDIA', `unsupported content encoding ${encoding}`);
  }
}

/** Read a stream into memory, failing as soon as it passes `max` bytes. */
function collect(stream: Readable, max: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        stream.destroy();
        reject(new MarsadError('E_TOO_LARGE', `${what} is larger than ${max} bytes`, { limit: max }));
        return;
      }
      chunks.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (e) => reject(e instanceof MarsadError ? e : new MarsadError('E_FETCH_FAILED', `${what}: ${e.message}`)));
  });
}

interface Hop {
  res: http.IncomingMessage;
  address: string;
}

function requestOnce(url: URL, pinned: { address: string; family: number }, opts: GuardOptions, signal: AbortSignal): Promise<Hop> {
  // The connection goes to the address we checked, whatever DNS says a second time (rebinding).
  const lookup: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pinned]);
    else cb(null, pinned.address, pinned.family);
  };
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, {
      method: 'GET',
      lookup,
      signal,
      agent: false,
      headers: {
        'user-agent': opts.userAgent ?? 'Marsad/0.1 (+news monitor)',
        'accept-encoding': 'gzip, deflate, br',
        accept: opts.accept?.length ? [...opts.accept.map((a) => (a.endsWith('/') ? a + '*' : a)), '*/*;q=0.1'].join(', ') : '*/*',
        ...opts.headers,
      },
    });
    req.on('response', (res) => resolve({ res, address: pinned.address }));
    req.on('error', (e) => reject(e));
    req.end();
  });
}

/** GET a URL under the guard. Throws MarsadError with a stable code on every expected failure. */
export async function guardedFetch(input: string | URL, opts: GuardOptions = {}): Promise<FetchResult> {
  const allow = opts.allow instanceof AllowList ? opts.allow : opts.allow ? new AllowList(opts.allow) : AllowList.fromEnv();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    clearTimeout(timer);
    throw new MarsadError('E_USAGE', `not a URL: ${String(input).slice(0, 200)}`);
  }
  try {
    for (let hop = 0; ; hop++) {
      checkScheme(url);
      const pinned = await pinAddress(url, allow, opts);
      const { res, address } = await requestOnce(url, pinned, opts, controller.signal);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        res.resume();
        if (hop >= maxRedirects) throw new MarsadError('E_TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`, { url: url.href });
        url = new URL(res.headers.location, url);
        continue;
      }
      const ct = parseContentType(res.headers['content-type']);
      const base = { url: url.href, status, contentType: ct.type, charset: ct.charset, headers: res.headers, address };
      if (status === 304) {
        res.resume();
        return { ...base, notModified: true, body: Buffer.alloc(0) };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new MarsadError('E_HTTP_STATUS', `HTTP ${status} from ${url.href}`, { status, url: url.href });
      }
      if (opts.accept?.length && !opts.accept.some((a) => ct.type.startsWith(a))) {
        res.resume();
        throw new MarsadError('E_UNSUPPORTED_MEDIA', `content type ${ct.type || '(none)'} is not accepted`, { url: url.href, contentType: ct.type });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        throw new MarsadError('E_TOO_LARGE', `response declares ${declared} bytes, limit ${maxBytes}`, { limit: maxBytes, url: url.href });
      }
      const decoder = decoderFor(res.headers['content-encoding'] as string | undefined);
      // Both the wire bytes and the inflated bytes are capped: a small gzip bomb must not fill memory.
      const wire = collect(res, maxBytes, 'response');
      let body: Buffer;
      if (decoder) {
        res.pipe(decoder);
        const inflated = collect(decoder, maxBytes, 'decompressed response');
        try {
          [, body] = await Promise.all([wire, inflated]);
        } finally {
          decoder.destroy();
          res.destroy();
        }
      } else body = await wire;
      return { ...base, notModified: false, body };
    }
  } catch (e) {
    if (controller.signal.aborted) throw new MarsadError('E_FETCH_TIMEOUT', `no complete answer within ${timeoutMs} ms`, { url: url.href });
    if (e instanceof MarsadError) throw e;
    throw new MarsadError('E_FETCH_FAILED', `${url.href}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { url: url.href });
  } finally {
    clearTimeout(timer);
  }
}
