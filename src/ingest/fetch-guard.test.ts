import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../core/errors.js';
import { guardedFetch, type GuardOptions } from './fetch-guard.js';
import { send, startServer, type LocalServer } from './test-support/local-server.js';

let srv: LocalServer;
const allow = ['127.0.0.1'];

async function code(url: string, opts: GuardOptions = { allow }): Promise<string> {
  try {
    await guardedFetch(url, opts);
    return 'ok';
  } catch (e) {
    if (e instanceof MarsadError) return e.code;
    throw e;
  }
}

beforeAll(async () => {
  srv = await startServer({
    '/page': send('text/html; charset=utf-8', '<p>مرحبا</p>'),
    '/image': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/missing': (_q, r) => { r.writeHead(500); r.end(); },
    '/to-metadata': (_q, r) => { r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); r.end(); },
    '/to-private-name': (_q, r) => { r.writeHead(301, { location: 'http://intranet.test/admin' }); r.end(); },
    '/to-page': (_q, r) => { r.writeHead(307, { location: '/page' }); r.end(); },
    '/loop': (_q, r) => { r.writeHead(302, { location: '/loop' }); r.end(); },
    '/to-file': (_q, r) => { r.writeHead(302, { location: 'file:///etc/passwd' }); r.end(); },
    '/big-declared': (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(3 * 1024 * 1024) }); r.end('x'.repeat(3 * 1024 * 1024)); },
    '/big-streamed': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no length to trust
      const chunk = 'y'.repeat(64 * 1024);
      for (let i = 0; i < 40; i++) r.write(chunk);
      r.end();
    },
    '/gzip-bomb': send('text/html', gzipSync(Buffer.alloc(64 * 1024 * 1024)), { 'content-encoding': 'gzip' }),
    '/gzip-ok': send('text/plain', gzipSync(Buffer.from('خبر مضغوط')), { 'content-encoding': 'gzip' }),
    '/hang': () => { /* never answers */ },
    '/slow-body': (_q, r) => { r.writeHead(200, { 'content-type': 'text/plain' }); r.write('start'); },
    '/etag': (q, r) => {
      if (q.headers['if-none-match'] === '"v1"') { r.writeHead(304); r.end(); return; }
      r.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' });
      r.end('body');
    },
  });
});
afterAll(() => srv.close());

describe('guardedFetch', () => {
  it('refuses loopback unless allowed', async () => {
    expect(await code(srv.url('/page'), { allow: [] })).toBe('E_FETCH_BLOCKED');
    expect(await code(`http://[::ffff:127.0.0.1]:${srv.port}/page`, { allow: [] })).toBe('E_FETCH_BLOCKED');
    expect(await code(`http://localhost:${srv.port}/page`, { allow: [] })).toBe('E_FETCH_BLOCKED');
    // decimal and hex spellings of 127.0.0.1 (the URL parser normalises them; still refused)
    expect(await code(`http://2130706433:${srv.port}/page`, { allow: [] })).toBe('E_FETCH_BLOCKED');
    expect(await code(`http://0x7f.1:${srv.port}/page`, { allow: [] })).toBe('E_FETCH_BLOCKED');
    const res = await guardedFetch(srv.url('/page'), { allow });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/html');
    expect(res.charset).toBe('utf-8');
    expect(res.body.toString('utf8')).toBe('<p>مرحبا</p>');
  });

  it('refuses other schemes and credentials', async () => {
    expect(await code('file:///etc/passwd')).toBe('E_FETCH_BLOCKED');
    expect(await code('ftp://127.0.0.1/x')).toBe('E_FETCH_BLOCKED');
    expect(await code(`http://user:pw@127.0.0.1:${srv.port}/page`)).toBe('E_FETCH_BLOCKED');
  });

  it('re-checks every redirect hop', async () => {
    expect(await code(srv.url('/to-metadata'))).toBe('E_FETCH_BLOCKED');
    expect(await code(srv.url('/to-file'))).toBe('E_FETCH_BLOCKED');
    const resolve = async (host: string) => (host === 'intranet.test' ? [{ address: '10.0.0.7', family: 4 }] : []);
    expect(await code(srv.url('/to-private-name'), { allow, resolve })).toBe('E_FETCH_BLOCKED');
    const res = await guardedFetch(srv.url('/to-page'), { allow });
    expect(res.url).toBe(srv.url('/page'));
    expect(await code(srv.url('/loop'), { allow, maxRedirects: 3 })).toBe('E_TOO_MANY_REDIRECTS');
  });

  it('connects to the address it checked, not a second DNS answer', async () => {
    // A name that no real DNS knows: reaching the server proves the pinned address was used.
    const resolve = async () => [{ address: '10.1.1.1', family: 4 }, { address: '127.0.0.1', family: 4 }];
    const res = await guardedFetch(`http://rebind.test:${srv.port}/page`, { allow, resolve });
    expect(res.address).toBe('127.0.0.1');
    const onlyPrivate = async () => [{ address: '192.168.1.1', family: 4 }];
    expect(await code(`http://rebind.test:${srv.port}/page`, { allow, resolve: onlyPrivate })).toBe('E_FETCH_BLOCKED');
  });

  it('checks status and content type', async () => {
    expect(await code(srv.url('/missing'))).toBe('E_HTTP_STATUS');
    expect(await code(srv.url('/nowhere'))).toBe('E_HTTP_STATUS');
    expect(await code(srv.url('/image'), { allow, accept: ['text/html'] })).toBe('E_UNSUPPORTED_MEDIA');
  });

  it('caps the size whether declared or streamed', async () => {
    expect(await code(srv.url('/big-declared'), { allow, maxBytes: 1024 * 1024 })).toBe('E_TOO_LARGE');
    expect(await code(srv.url('/big-streamed'), { allow, maxBytes: 1024 * 1024 })).toBe('E_TOO_LARGE');
  });

  it('caps decompressed size (gzip bomb) and inflates honest gzip', async () => {
    expect(await code(srv.url('/gzip-bomb'), { allow, maxBytes: 1024 * 1024 })).toBe('E_TOO_LARGE');
    const res = await guardedFetch(srv.url('/gzip-ok'), { allow });
    expect(res.body.toString('utf8')).toBe('خبر مضغوط');
  });

  it('times out on a server that does not answer or stalls mid-body', async () => {
    expect(await code(srv.url('/hang'), { allow, timeoutMs: 300 })).toBe('E_FETCH_TIMEOUT');
    expect(await code(srv.url('/slow-body'), { allow, timeoutMs: 300 })).toBe('E_FETCH_TIMEOUT');
  });

  it('sends conditional headers and reports 304', async () => {
    const first = await guardedFetch(srv.url('/etag'), { allow });
    expect(first.headers.etag).toBe('"v1"');
    const second = await guardedFetch(srv.url('/etag'), { allow, headers: { 'if-none-match': '"v1"' } });
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
  });

  it('fails cleanly on a refused connection', async () => {
    const s = await startServer();
    const url = s.url('/x');
    await s.close();
    expect(await code(url)).toBe('E_FETCH_FAILED');
  });
});
