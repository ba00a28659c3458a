import { describe, expect, it } from 'vitest';
import { MarsadError } from '../core/errors.js';
import { MAX_FEED_ITEMS, parseFeed } from './feed-parse.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>أخبار المرصد التجريبية</title>
<item>
  <title>انفجار قرب سوق &amp; محطة</title>
  <link>/news/1?a=1&amp;b=2</link>
  <guid isPermaLink="false">item-1</guid>
  <pubDate>Fri, 15 Mar 2024 09:30:00 +0300</pubDate>
  <description><![CDATA[<p>ملخص <b>قصير</b></p>]]></description>
  <content:encoded><![CDATA[<p>النص الكامل للخبر</p>]]></content:encoded>
  <dc:creator>مراسل</dc:creator>
</item>
<item><title>بلا معرف</title><link>https://example.test/2</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Test wire</title>
<entry><id>urn:test:1</id><title>Blast at market</title>
<link rel="alternate" href="https://example.test/a?x=1&amp;y=2"/><link rel="enclosure" href="https://example.test/a.jpg"/>
<published>2024-03-14T23:10:00Z</published><summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary>
<author><name>Desk</name></author></entry>
</feed>`;

const JSONFEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON wire',
  items: [
    { id: 7, url: 'https://example.test/j7', title: 'عنوان', content_html: '<p>نص</p>', date_published: '2024-03-15T01:00:00+03:00', authors: [{ name: 'محرر' }] },
    { id: 'no-url', content_text: 'plain text only' },
  ],
});

function code(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof MarsadError) return e.code;
    throw e;
  }
}

describe('parseFeed', () => {
  it('reads RSS 2.0 with CDATA, entities, relative links and Dublin Core', () => {
    const f = parseFeed(RSS, 'https://example.test/feed.xml');
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('أخبار المرصد التجريبية');
    expect(f.items[0]).toEqual({
      id: 'item-1',
      url: 'https://example.test/news/1?a=1&b=2',
      title: 'انفجار قرب سوق & محطة',
      summary: '<p>ملخص <b>قصير</b></p>',
      content: '<p>النص الكامل للخبر</p>',
      published: '2024-03-15',
      author: 'مراسل',
    });
    expect(f.items[1].id).toBe('https://example.test/2');
  });

  it('reads Atom, choosing the alternate link', () => {
    const f = parseFeed(ATOM);
    expect(f.kind).toBe('atom');
    expect(f.items[0]).toMatchObject({ id: 'urn:test:1', url: 'https://example.test/a?x=1&y=2', summary: '<p>Short</p>', published: '2024-03-14', author: 'Desk' });
  });

  it('reads JSON Feed', () => {
    const f = parseFeed(JSONFEED);
    expect(f.kind).toBe('json');
    expect(f.items[0]).toMatchObject({ id: '7', url: 'https://example.test/j7', content: '<p>نص</p>', published: '2024-03-14', author: 'محرر' });
    expect(f.items[1]).toMatchObject({ id: 'no-url', url: null, content: 'plain text only' });
  });

  it.each([
    ['malformed XML', '<rss><channel><item><title>x</item></channel></rss>'],
    ['not a feed', '<html><body>hi</body></html>'],
    ['empty', '   '],
    ['bad JSON', '{"version": "https://jsonfeed.org/version/1", "items": ['],
    ['JSON that is not a feed', '{"hello": 1}'],
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>'],
    ['external entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'],
  ])('refuses %s with E_BAD_FEED', (_name, body) => {
    expect(code(() => parseFeed(body))).toBe('E_BAD_FEED');
  });

  it('keeps at most MAX_FEED_ITEMS items of a huge feed', () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 50 }, (_, i) => `<item><guid>g${i}</guid><title>t${i}</title></item>`).join('');
    const f = parseFeed(`<rss><channel><title>big</title>${items}</channel></rss>`);
    expect(f.items.length).toBe(MAX_FEED_ITEMS);
  });
});
