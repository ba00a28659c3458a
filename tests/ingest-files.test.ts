// End to end: a folder of mixed files → marsad ingest → stored; bad files recorded and the run
// goes on; a second run stores nothing twice. Then linking through a real store: near-duplicates
// point at the earliest copy, and three outlets' reports of one attack make one incident.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as ingestCli } from '../src/cli/commands/ingest.js';
import { ingest, ingestRecords } from '../src/ingest/ingest.js';
import { item, type Yielded } from '../src/ingest/item.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import type { Analysis } from '../src/core/types.js';
import { SAME_ATTACK } from '../src/link/test-support/analyses.js';
import { captureIO } from './capture-io.js';

/** windows-1256 bytes for a string (the inverse of the built-in decoder). */
function encode1256(s: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from([...s].map((ch) => table.get(ch) ?? 0x3f));
}

// Fixture texts written for this test.
const A = 'ذكرت مصادر محلية أن مسلحين هاجموا نقطة تفتيش على الطريق الرئيسي شمال المدينة مساء الأربعاء، وأن اشتباكاً استمر نحو ساعة قبل انسحاب المهاجمين.';
const B = 'قالت الشرطة إن دورية تعرضت لإطلاق نار قرب الحدود الغربية، ولم تسجل إصابات بين عناصرها، فيما بدأت عمليات تمشيط واسعة في المنطقة.';
const TELEGRAM = {
  name: 'قناة تجريبية', type: 'public_channel', id: 42,
  messages: [
    { id: 10, type: 'message', date: '2024-03-14T10:00:00', text: 'عاجل: انفجار عبوة ناسفة قرب مبنى البلدية دون وقوع إصابات' },
    { id: 11, type: 'message', date: '2024-03-14T11:00:00', forwarded_from: 'وكالة أخرى', text: ['السلطات تغلق ', { type: 'bold', text: 'الطرق المؤدية' }, ' إلى وسط المدينة'] },
  ],
};
const EML = [
  'From: Desk <desk@example.test>', 'Subject: Daily brief', 'Date: Fri, 15 Mar 2024 06:00:00 +0000',
  'Message-ID: <brief-1@example.test>', 'Content-Type: text/plain; charset=UTF-8', '',
  'Police said a patrol came under fire near the western border; no injuries were reported.', '',
].join('\r\n');

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-files-'));
  db = join(dir, 'test.db');
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  writeFileSync(join(inbox, 'a.txt'), A);
  writeFileSync(join(inbox, 'b-1256.txt'), encode1256(B));
  writeFileSync(join(inbox, 'records.jsonl'), [
    JSON.stringify({ id: 'r1', text: 'اجتمع مجلس الأمن لبحث الوضع الأمني في المنطقة وأصدر بياناً يدعو إلى التهدئة.', published: '2024-03-14' }),
    '{"id": "r2", "text": ',
    JSON.stringify({ id: 'r3', published: '2024-03-14' }),
  ].join('\n'));
  writeFileSync(join(inbox, 'sub', 'result.json'), JSON.stringify(TELEGRAM));
  writeFileSync(join(inbox, 'sub', 'brief.eml'), EML);
  writeFileSync(join(inbox, 'sub', 'page.html'), `<html><head><title>صفحة</title></head><body><article><p>${A.replace('مساء', 'ليل')}</p></article></body></html>`);
  writeFileSync(join(inbox, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
  writeFileSync(join(inbox, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  writeFileSync(join(inbox, '.hidden.txt'), 'ignored');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runIngest(...args: string[]) {
  const io = captureIO();
  const code = await ingestCli([...args, '--db', db], io);
  return { code, out: io.out(), err: io.err() };
}

describe('marsad ingest on a folder', () => {
  it('stores every readable item and records the bad ones with codes', async () => {
    const r = await runIngest(join(dir, 'inbox'), join(dir, 'missing.txt'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    // a.txt, b-1256.txt, r1, 2 Telegram messages, brief.eml, page.html
    expect(report.inserted + report.duplicates).toBe(7);
    expect(report.failures.map((f: { code: string }) => f.code).sort()).toEqual(['E_BAD_JSON', 'E_BAD_RECORD', 'E_NOT_TEXT', 'E_NO_SUCH_FILE']);
    expect(r.err).toMatch(/records\.jsonl:2: E_BAD_JSON/);
    expect(r.err).toMatch(/image\.txt: E_NOT_TEXT/);
    // the saved page repeats a.txt with one word changed: linked as a near-duplicate
    expect(report.nearDuplicates).toBe(1);

    const store = await openStore(db);
    try {
      const hits = await store.search({ q: 'دورية' });
      expect(hits.length).toBe(1); // the windows-1256 file was decoded
      const tg = (await store.listSources()).find((s) => s.kind === 'telegram')!;
      expect(tg).toMatchObject({ url: 'telegram:42', name: 'قناة تجريبية' });
    } finally {
      await store.close();
    }
  });

  it('stores nothing twice on a second run', async () => {
    const r = await runIngest(join(dir, 'inbox'));
    expect(r.out).toMatch(/0 new/);
    expect(r.out).toMatch(/7 already stored/);
  });
});

describe('linking through the store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
  });
  afterAll(() => store.close());

  it('turns three outlets\' reports of one attack (one in English) into one incident with three reports', async () => {
    // The analyser is given directly here so the test exercises linking, not event extraction.
    const byText = new Map(SAME_ATTACK.map((a, i) => [`report ${i}`, a]));
    const outlets = ['https://outlet-a.test/feed', 'https://outlet-b.test/feed', 'https://outlet-c.test/feed'];
    const items: Yielded[] = SAME_ATTACK.map((a, i) => item({
      source: { kind: 'feed', url: outlets[i], name: null, everySeconds: 300 },
      externalId: `n${i}`, raw: `report ${i}`, text: `report ${i}`, published: a.published,
    }));
    const analyze = (input: { text: string }): Analysis => ({ ...byText.get(input.text)!, text: input.text });
    const report = await ingest(store, items, { analyze });
    expect(report).toMatchObject({ inserted: 3, incidentsCreated: 1, incidentReports: 3 });
    const incidents = await store.listIncidents({ since: '2024-03-01' });
    expect(incidents.length).toBe(1);
    expect(incidents[0].reports.length).toBe(3);
    expect(new Set(incidents[0].reports.map((r) => r.language))).toEqual(new Set(['ar', 'en']));
    expect(incidents[0].killed).toMatchObject({ value: 9, min: 7, max: 9 });

    // a replay of the same items changes nothing
    const again = await ingest(store, items, { analyze });
    expect(again).toMatchObject({ inserted: 0, existing: 3, incidentReports: 0 });
    expect((await store.listIncidents({ since: '2024-03-01' }))[0].reports.length).toBe(3);
  });

  it('completes incident links on replay when a crash came between storing and linking', async () => {
    const a = SAME_ATTACK[0];
    const source = await store.addSource({ kind: 'push', url: 'push:crash-test', name: null, everySeconds: null });
    // stored, never linked: what a process killed right after putDocument leaves behind
    await store.putDocument({ sourceId: source.id, externalId: 'x1', fetchedAt: '2024-03-20T00:00:00Z', raw: 'crash report', extracted: 'crash report', analysis: { ...a, published: '2024-03-20', events: a.events.map((e) => ({ ...e, date: { start: '2024-03-20', end: '2024-03-20' } })) }, published: '2024-03-20' });
    expect((await store.listIncidents({ since: '2024-03-19' })).length).toBe(0);
    const replay = item({ source: { kind: 'push', url: 'push:crash-test', name: null, everySeconds: null }, externalId: 'x1', raw: 'crash report', text: 'crash report' });
    // the fresh analysis has no events: the links must come from the stored one
    const r = await ingest(store, [replay], { analyze: (input) => ({ ...SAME_ATTACK[0], text: input.text, events: [] }) });
    expect(r).toMatchObject({ existing: 1, incidentReports: 1, incidentsCreated: 1 });
    const [incident] = await store.listIncidents({ since: '2024-03-19' });
    expect(incident.reports.length).toBe(1);
  });

  it('takes contract records as the push API will send them', async () => {
    const source = { kind: 'push' as const, url: 'push:test-client', name: 'client', everySeconds: null };
    const r = await ingestRecords(store, [
      { id: 'p1', text: 'أعلنت الشرطة إغلاق الطرق المؤدية إلى الميناء بعد الاشتباه بسيارة مفخخة.', published: '2024-03-14' },
      { id: 'p2' },
      { id: 'p3', text: '<html><body>' + '<div>'.repeat(20_000) + '<p>x</p></body></html>' },
    ], source);
    expect(r).toMatchObject({ inserted: 1, failed: 2 });
    expect(r.failures.map((f) => [f.where, f.code])).toEqual([['record 2', 'E_BAD_RECORD'], ['push:test-client#p3', 'E_TOO_LARGE']]);
  });
});
