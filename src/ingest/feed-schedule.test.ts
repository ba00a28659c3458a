import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { runSchedule, type PollReport } from './feed-poll.js';
import { send, startServer, type LocalServer } from './test-support/local-server.js';

const FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'schedule test',
  items: [{ id: 's1', content_text: 'عقد مجلس الأمن جلسة طارئة لبحث التطورات الأمنية في المنطقة، ودعا الأعضاء إلى ضبط النفس.', date_published: '2024-03-15T08:00:00Z' }],
});

let srv: LocalServer;
let store: Store;
beforeAll(async () => {
  srv = await startServer({ '/feed.json': send('application/feed+json', FEED) });
  store = await openStore(':memory:');
});
afterAll(async () => {
  await store.close();
  await srv.close();
});

describe('runSchedule', () => {
  it('polls due feeds, leaves the others alone, and stops when asked', async () => {
    const due = await store.addSource({ kind: 'feed', url: srv.url('/feed.json'), everySeconds: 600 });
    // a feed whose next poll is an hour away must not be fetched
    const later = await store.addSource({ kind: 'feed', url: srv.url('/later.json'), everySeconds: 600 });
    await store.recordPoll(later.id, { ok: true, at: new Date().toISOString(), itemsSeen: 0, nextPollAt: new Date(Date.now() + 3_600_000).toISOString() });
    const ctl = new AbortController();
    const reports: PollReport[] = [];
    await runSchedule(store, {
      signal: ctl.signal,
      guard: { allow: ['127.0.0.1'] },
      onPoll: (r) => {
        reports.push(r);
        ctl.abort();
      },
    });
    expect(reports.map((r) => [r.sourceId, r.ok, r.inserted])).toEqual([[due.id, true, 1]]);
    expect(srv.requests.map((r) => r.path)).toEqual(['/feed.json']);
    const after = (await store.getSource(due.id))!;
    expect(Date.parse(after.health.nextPollAt!) - Date.parse(after.health.lastSuccessAt!)).toBe(600_000);
  });
});
