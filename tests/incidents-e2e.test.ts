// The acceptance path: three outlets (two Arabic, one English; RSS, Atom and JSON Feed)
// report the same attack; after adding and polling their feeds there is one incident with three
// reports, and the articles are searchable in Arabic with or without diacritics — on SQLite and
// on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './setup/pg-database.js';
import { run as sources } from '../src/cli/commands/sources.js';
import { send, startServer, type LocalServer } from '../src/ingest/test-support/local-server.js';
import { openStore } from '../src/store/open.js';
import { captureIO } from './capture-io.js';

// Fixture reports written for this test.
const AR_1 = 'قتل سبعة أشخاص وأصيب عشرون آخرون في تفجير استهدف سوقا شعبيا في بغداد أمس الخميس، بحسب مصادر أمنية. وقالت الشرطة إن عبوة ناسفة انفجرت قرب مدخل السوق في ساعة الذروة.';
const AR_2 = 'أعلن تنظيم داعش مسؤوليته عن التفجير الانتحاري الذي استهدف سوقا في بغداد يوم الخميس وأسفر عن مقتل تسعة أشخاص وإصابة 25 آخرين.';
const EN = 'A suicide bomber killed nine people and wounded 25 at a crowded market in Baghdad on Thursday, Iraqi officials said. Islamic State claimed responsibility for the attack.';

const RSS = (base: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>صحيفة أ</title>
<item><guid>a-1</guid><title>تفجير في سوق ببغداد</title><link>${base}/pages/a1</link><pubDate>Fri, 15 Mar 2024 07:00:00 GMT</pubDate>
<description><![CDATA[<p>${AR_1}</p>]]></description></item></channel></rss>`;
const ATOM = (base: string) => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة ب</title>
<entry><id>urn:b:1</id><title>داعش يتبنى تفجير بغداد</title><link href="${base}/pages/b1"/><published>2024-03-15T09:00:00Z</published>
<content type="html">&lt;p&gt;${AR_2}&lt;/p&gt;</content></entry></feed>`;
const JSONFEED = (base: string) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1', title: 'Wire C',
  items: [{ id: 'c-1', url: `${base}/pages/c1`, title: 'Baghdad market bombing', content_text: EN, date_published: '2024-03-15T10:00:00Z' }],
});

let srv: LocalServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-incident-'));
  srv = await startServer();
  const base = `http://127.0.0.1:${srv.port}`;
  srv.route('/a.xml', send('application/rss+xml', RSS(base)));
  srv.route('/b.atom', send('application/atom+xml', ATOM(base)));
  srv.route('/c.json', send('application/feed+json', JSONFEED(base)));
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const BACKENDS: Array<[string, () => Promise<string>]> = [
  ['SQLite', async () => join(dir, 'test.db')],
  ['PostgreSQL', async () => freshDatabase(inject('postgresUrl'))],
];

describe.each(BACKENDS)('three outlets, one attack (%s)', (_name, location) => {
  it('ends as one incident with three reports in two languages', async () => {
    const db = await location();
    const cli = async (...args: string[]) => {
      const io = captureIO();
      const code = await sources([...args, '--db', db, '--allow-host', '127.0.0.1'], io);
      return { code, out: io.out() };
    };
    const pagesBefore = srv.requests.filter((r) => r.path.startsWith('/pages/')).length;
    for (const p of ['/a.xml', '/b.atom', '/c.json']) expect((await cli('add', srv.url(p), '--every', '5m')).code).toBe(0);
    // the items are teasers whose pages answer 404 here: the feed's own text is stored instead
    const polled = await cli('poll');
    expect(polled.out.trim().split('\n').length).toBe(3);
    expect(srv.requests.filter((r) => r.path.startsWith('/pages/')).length - pagesBefore).toBe(3);

    const store = await openStore(db);
    try {
      expect(await store.countDocuments()).toBe(3);
      const incidents = await store.listIncidents({ since: '2024-03-01' });
      expect(incidents.length).toBe(1);
      const [inc] = incidents;
      expect(inc.reports.length).toBe(3);
      expect(new Set(inc.reports.map((r) => r.language))).toEqual(new Set(['ar', 'en']));
      expect(inc.country).toBe('IQ');
      expect(inc.killed).toMatchObject({ value: 9, min: 7, max: 9 });
      expect(inc.killed.reports.length).toBe(3);

      const plain = await store.search({ q: 'بغداد' });
      const marked = await store.search({ q: 'بَغْدَاد' });
      expect(plain.length).toBe(2);
      expect(marked.map((h) => h.id).sort()).toEqual(plain.map((h) => h.id).sort());
    } finally {
      await store.close();
    }
  });
});
