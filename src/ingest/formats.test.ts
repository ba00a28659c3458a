import { describe, expect, it } from 'vitest';
import type { SourceInput } from '../store/store.js';
import { parseEml } from './eml.js';
import type { Yielded } from './item.js';
import { parseJsonl } from './jsonl.js';
import { messageText, parseTelegramExport } from './telegram.js';

const src: SourceInput = { kind: 'file', url: 'file:///tmp/x', name: 'x', everySeconds: null };

const EXPORT = {
  name: 'قناة الاختبار',
  type: 'public_channel',
  id: 1234567,
  messages: [
    { id: 1, type: 'service', date: '2024-03-14T08:00:00', action: 'create_channel', text: '' },
    { id: 2, type: 'message', date: '2024-03-14T09:15:00', from: 'قناة الاختبار', text: 'خبر عاجل: انفجار في السوق' },
    {
      id: 3, type: 'message', date: '2024-03-15T00:30:00', forwarded_from: 'وكالة أخرى',
      text: ['مقتل ', { type: 'bold', text: 'خمسة' }, ' أشخاص ', { type: 'link', text: 'https://example.test' }],
    },
    { id: 4, type: 'message', date: '2024-03-15T01:00:00', text: '', photo: 'photos/1.jpg' },
  ],
};

const items = (ys: Iterable<Yielded>) => [...ys];

describe('Telegram export', () => {
  it('joins entity parts', () => {
    expect(messageText(EXPORT.messages[2] as never)).toBe('مقتل خمسة أشخاص https://example.test');
  });

  it('turns messages into items of the channel source, skipping service and empty messages', () => {
    const ys = items(parseTelegramExport(EXPORT, 'result.json'));
    expect(ys.length).toBe(2);
    const [a, b] = ys.map((y) => (y.ok ? y.item : null)!);
    expect(a.source).toEqual({ kind: 'telegram', url: 'telegram:1234567', name: 'قناة الاختبار', everySeconds: null });
    expect(a).toMatchObject({ externalId: '2', published: '2024-03-14', text: 'خبر عاجل: انفجار في السوق', author: 'قناة الاختبار' });
    expect(b.title).toContain('[وكالة أخرى]');
    expect(JSON.parse(String(b.raw)).forwarded_from).toBe('وكالة أخرى');
  });

  it('reads whole-account exports (chats.list)', () => {
    const ys = items(parseTelegramExport({ chats: { list: [EXPORT, { name: 'other', id: 9, messages: [{ id: 1, type: 'message', date: '2024-01-01T00:00:00', text: 'x' }] }] } }, 'r'));
    expect(ys.filter((y) => y.ok).length).toBe(3);
  });

  it('refuses JSON that is not an export', () => {
    const [y] = items(parseTelegramExport({ foo: 1 }, 'r.json'));
    expect(y.ok ? null : y.failure.code).toBe('E_BAD_RECORD');
  });
});

describe('JSON Lines', () => {
  it('yields records and names the bad lines', () => {
    const text = [
      '{"id":"a1","text":"نص أول","published":"2024-03-14","title":"عنوان"}',
      '',
      '{not json',
      '{"id":"a3","published":"2024-03-14"}',
      '{"id":4,"text":"fourth","published":"14/03/2024"}',
      '{"id":5,"text":"fifth"}',
    ].join('\n');
    const ys = items(parseJsonl(text, src, 'in.jsonl'));
    expect(ys.map((y) => (y.ok ? `ok:${y.item.externalId}` : `${y.failure.code}@${y.failure.where}`))).toEqual([
      'ok:a1', 'E_BAD_JSON@in.jsonl:3', 'E_BAD_RECORD@in.jsonl:4', 'E_BAD_RECORD@in.jsonl:5', 'ok:5',
    ]);
  });
});

const EML = [
  'From: "Desk" <desk@example.test>',
  'To: alerts@example.test',
  'Subject: =?UTF-8?B?2KfZhtmB2KzYp9ixINmB2Yog2KfZhNiz2YjZgg==?=',
  'Date: Fri, 15 Mar 2024 10:00:00 +0000',
  'Message-ID: <m1@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'وقع انفجار في السوق صباح اليوم.',
  '',
].join('\r\n');

describe('eml', () => {
  it('reads subject, date, sender and text part', async () => {
    const y = await parseEml(new TextEncoder().encode(EML), src, 'mail.eml', 'mail.eml');
    expect(y.ok).toBe(true);
    if (!y.ok) return;
    expect(y.item).toMatchObject({ externalId: '<m1@example.test>', title: 'انفجار في السوق', published: '2024-03-15', author: 'Desk', contentType: 'message/rfc822' });
    expect(y.item.text).toBe('وقع انفجار في السوق صباح اليوم.');
  });

  it('falls back to the HTML part', async () => {
    const html = EML.replace('Content-Type: text/plain; charset=UTF-8', 'Content-Type: text/html; charset=UTF-8').replace('وقع انفجار في السوق صباح اليوم.', '<html><body><p>وقع انفجار في السوق صباح اليوم.</p></body></html>');
    const y = await parseEml(new TextEncoder().encode(html), src, 'mail.eml', 'mail.eml');
    expect(y.ok && y.item.text).toBe('وقع انفجار في السوق صباح اليوم.');
  });

  it('records a message without text as a failure', async () => {
    const empty = EML.replace('وقع انفجار في السوق صباح اليوم.', '');
    const y = await parseEml(new TextEncoder().encode(empty), src, 'mail.eml', 'mail.eml');
    expect(y.ok ? null : y.failure.code).toBe('E_EMPTY_INPUT');
  });
});

describe('HTML bombs', () => {
  it('measures nesting without parsing, ignoring void and implicitly closed elements', async () => {
    const { htmlDepth } = await import('./html.js');
    expect(htmlDepth('<html><body><div><p>a<p>b<br><img src=x><div><span>x</span></div></div></body></html>')).toBe(3);
  });

  it('refuses a deeply nested page before extraction recurses', async () => {
    const { extractArticle } = await import('./html.js');
    const bomb = '<html><body>' + '<div>'.repeat(50_000) + '<p>نص</p>' + '</div>'.repeat(50_000) + '</body></html>';
    expect(() => extractArticle(bomb)).toThrow(/HTML nests more than/);
    const ok = '<html><body>' + '<div>'.repeat(200) + '<p>نص عادي في صفحة متداخلة قليلا</p>' + '</div>'.repeat(200) + '</body></html>';
    expect(extractArticle(ok).text).toContain('نص عادي');
  });
});
