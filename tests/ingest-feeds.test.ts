// End to end: a feed served on 127.0.0.1 → sources add → poll → stored → searchable, with
// conditional GET on the next poll and a broken feed recorded as a source error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as sources } from '../src/cli/commands/sources.js';
import { run as ingestCli } from '../src/cli/commands/ingest.js';
import { openStore } from '../src/store/open.js';
import { send, startServer, type LocalServer } from '../src/ingest/test-support/local-server.js';
import { captureIO } from './capture-io.js';

// Fixture articles written for this test.
const FULL = [
  'أعلنت وزارة الداخلية أن انفجاراً وقع صباح الخميس في سوق شعبي وسط مدينة الاختبار، ما أسفر عن سقوط ضحايا.',
  'وقال متحدث باسم الوزارة إن فرق الإسعاف نقلت المصابين إلى المستشفيات القريبة، وإن القوات الأمنية فرضت طوقاً حول المكان.',
  'وأضاف أن التحقيقات الأولية تشير إلى عبوة ناسفة زرعت قرب مدخل السوق، وأن الأجهزة المختصة تعمل على تحديد الجهة المسؤولة.',
  'وأدانت الحكومة الهجوم ودعت المواطنين إلى التعاون مع الأجهزة الأمنية والإبلاغ عن أي تحركات مشبوهة في الأحياء السكنية.',
].join('\n\n');

const PAGE = `<!doctype html><html lang="ar"><head><title>اعتقال خلية | موقع الاختبار</title></head><body>
<nav><a href="/">الرئيسية</a></nav><article><h1>اعتقال خلية</h1>
<p>أعلنت السلطات الأمنية اليوم اعتقال خلية من خمسة أشخاص كانت تخطط لتنفيذ هجمات على منشآت حكومية في العاصمة، بحسب بيان رسمي.</p>
<p>وأوضح البيان أن العملية جاءت بعد متابعة استمرت عدة أسابيع، وأن المضبوطات شملت أسلحة ومواد تستخدم في صنع المتفجرات.</p>
<p>وأشار إلى أن المعتقلين أحيلوا إلى النيابة العامة لاستكمال التحقيقات معهم، وأن البحث جار عن مشتبه بهم آخرين.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>`;

function rss(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>موقع الاختبار</title>
<item><guid>n1</guid><title>انفجار في سوق شعبي</title><link>${base}/news/1</link><pubDate>Thu, 14 Mar 2024 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[${FULL.split('\n\n').map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>
<item><guid>n2</guid><title>اعتقال خلية</title><link>${base}/news/2</link><pubDate>Fri, 15 Mar 2024 08:00:00 GMT</pubDate>
<description>السلطات تعتقل خلية...</description></item>
</channel></rss>`;
}

let srv: LocalServer;
let dir: string;
let db: string;
let feedBody: () => string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-feed-'));
  db = join(dir, 'test.db');
  srv = await startServer({ '/news/2': send('text/html; charset=utf-8', PAGE) });
  feedBody = () => rss(`http://127.0.0.1:${srv.port}`);
  srv.route('/feed.xml', (req, res) => {
    if (req.headers['if-none-match'] === '"feed-v1"') {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"feed-v1"' });
    res.end(feedBody());
  });
  // the same feed from a server that sends no validators (no ETag, no Last-Modified)
  srv.route('/plain.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(feedBody());
  });
  srv.route('/broken.xml', send('application/rss+xml', '<rss><channel><item><title>unclosed</channel></rss>'));
});

afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (...args: string[]) => {
  const io = captureIO();
  const code = await sources([...args, '--db', db, '--allow-host', '127.0.0.1'], io);
  return { code, out: io.out(), err: io.err() };
};

describe('feed sources end to end', () => {
  it('adds a feed, polls it, stores both items and finds them in Arabic with or without diacritics', async () => {
    const added = await cli('add', srv.url('/feed.xml'), '--every', '5m', '--name', 'Test wire');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/added source 1: .*every 5m/);

    const polled = await cli('poll');
    expect(polled.code).toBe(0);
    expect(polled.out).toMatch(/2 items, 2 new/);
    // the teaser item's page was fetched through the guard
    expect(srv.requests.some((r) => r.path === '/news/2')).toBe(true);

    const store = await openStore(db);
    try {
      expect(await store.countDocuments()).toBe(2);
      const plain = await store.search({ q: 'انفجارا' });
      const marked = await store.search({ q: 'انفجاراً' });
      expect(plain.length).toBe(1);
      expect(marked.map((h) => h.id)).toEqual(plain.map((h) => h.id));
      const arrest = await store.search({ q: 'المتفجرات' });
      expect(arrest.length).toBe(1);
      const doc = (await store.getDocument(arrest[0].id))!;
      expect(doc.extracted).not.toContain('جميع الحقوق');
      expect(doc.url).toBe(srv.url('/news/2'));
      const src = (await store.getSource(1))!;
      expect(src.health).toMatchObject({ itemsSeen: 2, lastErrorCode: null, etag: '"feed-v1"', failures: 0 });
    } finally {
      await store.close();
    }
  });

  it('sends the ETag back and stores nothing new on 304', async () => {
    const polled = await cli('poll', '1');
    expect(polled.out).toMatch(/not modified/);
    expect(srv.requests.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match']).toBe('"feed-v1"');
  });

  it('records a broken feed as a source error with a code, backs off, and leaves stored documents alone', async () => {
    await cli('add', srv.url('/broken.xml'), '--every', '1m');
    const first = await cli('poll', '2');
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/E_BAD_FEED/);
    await cli('poll', '2');
    const list = await cli('list', '--json');
    const broken = JSON.parse(list.out).find((s: { id: number }) => s.id === 2);
    expect(broken.health).toMatchObject({ lastErrorCode: 'E_BAD_FEED', failures: 2, lastSuccessAt: null });
    // backoff: after two failures the next poll is 4× the 1-minute schedule away
    const wait = Date.parse(broken.health.nextPollAt) - Date.parse(broken.health.lastErrorAt);
    expect(wait).toBe(4 * 60_000);
    const text = await cli('list');
    expect(text.out).toMatch(/LAST ERROR/);
    expect(text.out).toMatch(/E_BAD_FEED ×2/);
    const store = await openStore(db);
    try {
      expect(await store.countDocuments()).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('ingests web pages by URL through the guard, refusing private addresses', async () => {
    srv.route('/page-3', send('text/html', PAGE.replace('خمسة أشخاص', 'ثلاثة أشخاص').replace('اعتقال خلية', 'ضبط خلية')));
    const io = captureIO();
    const code = await ingestCli([srv.url('/page-3'), 'http://169.254.169.254/latest/meta-data/', '--db', db, '--allow-host', '127.0.0.1', '--json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.inserted).toBe(1);
    // the page is the feed's second article with a few words changed
    expect(report.nearDuplicates).toBe(1);
    expect(report.failures.map((f: { code: string }) => f.code)).toEqual(['E_FETCH_BLOCKED']);
  });

  it('records an enormous feed as E_TOO_LARGE without reading it all', async () => {
    srv.route('/huge.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const item = '<item><title>x</title><description>' + 'ن'.repeat(4000) + '</description></item>';
      let sent = 0;
      const pump = () => {
        // stop once well past the 5 MB cap, or when the client hangs up
        while (sent < 8 * 1024 * 1024 && !res.destroyed) {
          sent += item.length * 2;
          if (!res.write(item)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.write('<rss><channel><title>big</title>');
      pump();
    });
    const added = JSON.parse((await cli('add', srv.url('/huge.xml'), '--json')).out);
    const polled = await cli('poll', String(added.id));
    expect(polled.out).toMatch(/E_TOO_LARGE/);
  });

  it('does not fetch or analyse again the items a feed without validators already delivered', async () => {
    const added = await cli('add', srv.url('/plain.xml'));
    expect(added.code).toBe(0);
    const id = String(added.out.match(/added source (\d+)/)![1]);
    await cli('poll', id);
    const pageFetches = srv.requests.filter((r) => r.path === '/news/2').length;
    const store = await openStore(db);
    const before = await store.countDocuments();
    await store.close();
    const again = await cli('poll', id);
    expect(again.code).toBe(0);
    expect(srv.requests.filter((r) => r.path === '/news/2').length).toBe(pageFetches);
    const after = await openStore(db);
    expect(await after.countDocuments()).toBe(before);
    await after.close();
  });

  it('removes a source', async () => {
    expect((await cli('remove', '2')).out).toMatch(/removed source 2/);
    expect(JSON.parse((await cli('list', '--json')).out).map((x: { id: number }) => x.id)).not.toContain(2);
  });
});
