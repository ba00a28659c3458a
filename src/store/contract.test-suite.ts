// One contract for every Store backend: the SQLite and PostgreSQL test files call
// `storeContract` with a function that opens a fresh, migrated, empty store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../core/types.js';
import type { Store } from './store.js';
import { isMarsadError } from '../core/errors.js';
import {
  AR_ARREST, AR_ATTACK, AR_ATTACK_DIACRITICS, AR_WARNING, EN_ATTACK, EN_OTHER, ISIS, MOSUL,
  analysisOf, attackEvent, doc,
} from './contract-fixtures.js';

export function storeContract(name: string, open: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let feedA: number;
    let feedB: number;
    let feedEn: number;

    beforeAll(async () => {
      store = await open();
      await store.migrate(); // a second migrate is a no-op
      feedA = (await store.addSource({ kind: 'feed', url: 'https://a.example.test/rss', name: 'A', everySeconds: 300 })).id;
      feedB = (await store.addSource({ kind: 'feed', url: 'https://b.example.test/rss', name: 'B' })).id;
      feedEn = (await store.addSource({ kind: 'web', url: 'https://en.example.test/' })).id;
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('sources', () => {
      it('adds a source once per url and lists it with empty health', async () => {
        const again = await store.addSource({ kind: 'feed', url: 'https://a.example.test/rss', name: 'other name' });
        expect(again.id).toBe(feedA);
        expect(again.name).toBe('A');
        const list = await store.listSources();
        expect(list.map((s) => s.id)).toEqual([feedA, feedB, feedEn]);
        expect(list[0].health).toMatchObject({ itemsSeen: 0, failures: 0, lastErrorCode: null, lastSuccessAt: null });
        expect(list[0].everySeconds).toBe(300);
        expect(list[0].health.nextPollAt).not.toBeNull();
        expect((await store.getSource('https://b.example.test/rss'))?.id).toBe(feedB);
        expect(await store.getSource(999_999)).toBeNull();
      });

      it('records failures with a code, counts them, and resets the count on success', async () => {
        await store.recordPoll(feedB, { ok: false, at: '2024-03-10T09:00:00.000Z', code: 'E_FETCH_TIMEOUT', nextPollAt: '2024-03-10T09:10:00.000Z' });
        let s = await store.recordPoll(feedB, { ok: false, at: '2024-03-10T09:10:00.000Z', code: 'E_HTTP_STATUS', message: '503', nextPollAt: '2024-03-10T09:30:00.000Z' });
        expect(s.health).toMatchObject({ failures: 2, lastErrorCode: 'E_HTTP_STATUS', lastErrorMessage: '503', lastErrorAt: '2024-03-10T09:10:00.000Z' });
        s = await store.recordPoll(feedB, {
          ok: true, at: '2024-03-10T09:30:00.000Z', itemsSeen: 7, etag: '"v1"', lastModified: 'Sun, 10 Mar 2024 09:00:00 GMT',
          nextPollAt: '2024-03-10T09:35:00.000Z',
        });
        expect(s.health).toMatchObject({ failures: 0, itemsSeen: 7, etag: '"v1"', lastSuccessAt: '2024-03-10T09:30:00.000Z' });
        expect(s.health.lastErrorCode).toBe('E_HTTP_STATUS'); // the last error stays visible
        s = await store.recordPoll(feedB, { ok: true, at: '2024-03-10T09:35:00.000Z', itemsSeen: 2, nextPollAt: '2024-03-10T09:40:00.000Z' });
        expect(s.health).toMatchObject({ itemsSeen: 9, etag: '"v1"' }); // a 304 keeps the validators
      });

      it('lists due sources by next poll time', async () => {
        const due = await store.dueSources('2024-03-10T09:45:00.000Z');
        expect(due.map((s) => s.id)).toEqual([feedB]);
      });

      it('reports an unknown source as E_NOT_FOUND and removes sources', async () => {
        await expect(store.recordPoll(999_999, { ok: true, at: '2024-03-10T09:00:00.000Z', itemsSeen: 1 })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
        const tmp = await store.addSource({ kind: 'file', url: 'file:///tmp/x' });
        expect(await store.removeSource(tmp.id)).toBe(true);
        expect(await store.removeSource(tmp.id)).toBe(false);
      });
    });

    describe('documents', () => {
      let attackId: number;

      it('stores a document with its raw bytes, text and analysis', async () => {
        const analysis = analysisOf(AR_ATTACK, 'ar', [ISIS, MOSUL], [attackEvent(4)]);
        const raw = new Uint8Array([0xc7, 0xe1, 0xe3, 0xe6, 0xd5, 0xe1]); // windows-1256 bytes, kept as fetched
        const r = await store.putDocument(doc(feedA, 'a-1', AR_ATTACK, { analysis, modelVersion: 'test-1', raw, title: 'هجوم في الموصل' }));
        expect(r.status).toBe('inserted');
        attackId = r.id;
        const d = (await store.getDocument(r.id))!;
        expect(d).toMatchObject({ text: AR_ATTACK, extracted: AR_ATTACK, title: 'هجوم في الموصل', language: 'ar', modelVersion: 'test-1', published: '2024-03-10' });
        expect(d.analysis?.entities.map((e) => e.id)).toEqual(['org:isis', 'loc:mosul']);
        expect(d.sources).toEqual([{ sourceId: feedA, externalId: 'a-1', url: 'https://example.test/a-1', fetchedAt: '2024-03-10T08:00:00.000Z' }]);
        expect(Array.from((await store.getRaw(r.id))!.raw)).toEqual(Array.from(raw));
      });

      it('ignores a replayed item: same source and external id', async () => {
        const before = await store.countDocuments();
        const r = await store.putDocument(doc(feedA, 'a-1', AR_ATTACK + ' تحديث'));
        expect(r).toEqual({ id: attackId, status: 'existing' });
        expect(await store.countDocuments()).toBe(before);
      });

      it('stores an exact duplicate once, with every source that carried it', async () => {
        const r = await store.putDocument(doc(feedB, 'b-77', AR_ATTACK_DIACRITICS));
        expect(r).toEqual({ id: attackId, status: 'duplicate' });
        const d = (await store.getDocument(attackId))!;
        expect(d.sources.map((s) => [s.sourceId, s.externalId])).toEqual([[feedA, 'a-1'], [feedB, 'b-77']]);
        expect(d.text).toBe(AR_ATTACK); // the first copy's text is kept
      });

      it('finds a document by the external id each source gave it', async () => {
        expect(await store.findByExternalId(feedA, 'a-1')).toBe(attackId);
        expect(await store.findByExternalId(feedB, 'b-77')).toBe(attackId);
        expect(await store.findByExternalId(feedA, 'b-77')).toBeNull();
      });

      it('stores a batch atomically: one bad item stores none of it', async () => {
        const before = await store.countDocuments();
        await expect(store.putDocuments([doc(feedA, 'a-2', AR_ARREST), doc(999_999, 'x-1', AR_WARNING)])).rejects.toThrow();
        expect(await store.countDocuments()).toBe(before);
        const ok = await store.putDocuments([doc(feedA, 'a-2', AR_ARREST), doc(feedA, 'a-3', AR_WARNING, { published: '2024-05-01' })]);
        expect(ok.map((r) => r.status)).toEqual(['inserted', 'inserted']);
        expect(await store.countDocuments()).toBe(before + 2);
      });

      it('runs a transaction: all or nothing', async () => {
        const before = await store.countDocuments();
        await expect(
          store.transaction(async (tx) => {
            await tx.putDocument(doc(feedEn, 'en-x', EN_OTHER));
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        expect(await store.countDocuments()).toBe(before);
        await store.transaction(async (tx) => {
          await tx.putDocument(doc(feedEn, 'en-1', EN_ATTACK, { analysis: analysisOf(EN_ATTACK, 'en', [MOSUL], [attackEvent(4)], 'test-2'), modelVersion: 'test-2' }));
          await tx.putDocument(doc(feedEn, 'en-2', EN_OTHER, { published: '2023-01-01' }));
        });
        expect(await store.countDocuments()).toBe(before + 2);
      });

      it('links a near-duplicate to the earliest copy', async () => {
        const r = await store.putDocument(doc(feedB, 'b-78', AR_ATTACK + ' وأضاف أن التحقيقات جارية.'));
        expect(r.status).toBe('inserted');
        await store.setNearDuplicate(r.id, attackId, 0.91);
        const d = (await store.getDocument(r.id))!;
        expect(d.nearDuplicateOf).toBe(attackId);
        expect(d.similarity).toBeCloseTo(0.91, 5);
        await expect(store.setNearDuplicate(999_999, attackId, 0.5)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
      });

      it('pages documents by id and finds those needing reanalysis', async () => {
        const all = await store.listDocuments({ limit: 100 });
        expect(all.map((d) => d.id)).toEqual([...all.map((d) => d.id)].sort((a, b) => a - b));
        const page = await store.listDocuments({ afterId: all[1].id, limit: 2 });
        expect(page.map((d) => d.id)).toEqual(all.slice(2, 4).map((d) => d.id));
        const stale = await store.listDocuments({ modelVersionNot: 'test-2', limit: 100 });
        expect(stale.length).toBe(all.length - 1);
        expect(stale.every((d) => d.modelVersion !== 'test-2')).toBe(true);
      });

      it('reads several documents at once, in the order asked, skipping unknown ids', async () => {
        const all = await store.listDocuments({ limit: 100 });
        const ids = [all[2].id, 999_999, all[0].id];
        const got = await store.getDocuments(ids);
        expect(got.map((d) => d.id)).toEqual([all[2].id, all[0].id]);
        expect(got[0]).toEqual(await store.getDocument(all[2].id));
        expect(await store.getDocuments([])).toEqual([]);
      });

      it('replaces analysis and entity links on reanalysis', async () => {
        expect(await store.documentsWithEntity('org:isis')).toEqual([attackId]);
        expect(await store.getEntity('org:isis')).toMatchObject({ name: 'Islamic State (ISIS)', nameAr: 'تنظيم الدولة الإسلامية', mentions: [] });
        const update = { id: attackId, analysis: analysisOf(AR_ATTACK, 'ar', [MOSUL], [attackEvent(5)], 'test-2'), modelVersion: 'test-2' };
        expect(await store.setAnalyses([update])).toEqual([]);
        expect(await store.documentsWithEntity('org:isis')).toEqual([]);
        expect((await store.documentsWithEntity('loc:mosul')).includes(attackId)).toBe(true);
        const d = (await store.getDocument(attackId))!;
        expect(d.modelVersion).toBe('test-2');
        expect(d.analysis?.events[0].killed).toBe(5);
        // an id that is not stored is returned and skipped; the rest of the batch is stored
        const other = (await store.listDocuments({ limit: 100 })).find((x) => x.id !== attackId && x.analysis === null)!;
        const missing = await store.setAnalyses([{ ...update, id: 999_999 }, { id: other.id, analysis: analysisOf(other.text, 'ar', [ISIS]), modelVersion: 'test-2' }]);
        expect(missing).toEqual([999_999]);
        expect(await store.documentsWithEntity('org:isis')).toEqual([other.id]);
        expect((await store.getDocument(other.id))!.modelVersion).toBe('test-2');
        expect(await store.setAnalyses([])).toEqual([]);
      });

      it('updates a stored entity when the knowledge base changed, and links new ones', async () => {
        const renamed = { ...MOSUL, name: 'Mosul (Nineveh)' };
        const newcomer = { ...ISIS, id: 'org:test-newcomer', name: 'Newcomer' };
        await store.setAnalyses([{ id: attackId, analysis: analysisOf(AR_ATTACK, 'ar', [renamed, newcomer], [attackEvent(5)], 'test-2'), modelVersion: 'test-2' }]);
        expect(await store.getEntity('loc:mosul')).toMatchObject({ name: 'Mosul (Nineveh)', nameAr: 'الموصل' });
        expect(await store.documentsWithEntity('org:test-newcomer')).toEqual([attackId]);
        await store.setAnalyses([{ id: attackId, analysis: analysisOf(AR_ATTACK, 'ar', [MOSUL], [attackEvent(5)], 'test-2'), modelVersion: 'test-2' }]);
        expect(await store.getEntity('loc:mosul')).toMatchObject({ name: 'Mosul' });
        expect(await store.documentsWithEntity('org:test-newcomer')).toEqual([]);
      });

      it('keeps every spelling documents used for an entity, and the first Arabic name of a person', async () => {
        const person: Entity = { id: 'per:test-abu-omar', type: 'person', name: 'Abu Omar', nameAr: 'أبو عمر', aliases: [], country: null, mentions: [] };
        const [one, two] = ['قال أبو عمر في كلمة مسجلة', 'قال ابو عمر في كلمة ثانية'];
        const put = (id: string, text: string, entities: Entity[]) => store.putDocument(doc(feedEn, id, text, { analysis: analysisOf(text, 'ar', entities) }));
        const a = (await put('spell-1', one, [{ ...MOSUL, aliases: ['موصل'] }, person])).id;
        const b = (await put('spell-2', two, [{ ...MOSUL, aliases: [] }, { ...person, nameAr: 'ابو عمر' }])).id;
        expect(await store.getEntity(person.id)).toMatchObject({ name: 'Abu Omar', nameAr: 'أبو عمر', aliases: ['ابو عمر'] });
        expect((await store.getEntity('loc:mosul'))!.aliases).toEqual(['موصل']);
        // one re-analysis batch: each document's spellings are added
        const mosulAs = (aliases: string[]) => ({ ...MOSUL, aliases });
        expect(
          await store.setAnalyses([
            { id: a, analysis: analysisOf(one, 'ar', [mosulAs(['الموصلي'])]), modelVersion: 'test-2' },
            { id: b, analysis: analysisOf(two, 'ar', [mosulAs(['مدينة الموصل', 'موصل'])]), modelVersion: 'test-2' },
          ]),
        ).toEqual([]);
        expect(await store.getEntity('loc:mosul')).toMatchObject({ name: 'Mosul', aliases: ['موصل', 'الموصلي', 'مدينة الموصل'] });
        expect(await store.documentsWithEntity(person.id)).toEqual([]);
      });

      it('replaces the cleaned text and its search entry when a re-analysis cleaned it differently', async () => {
        const before = 'رست سفينة شحن في ميناء طرطوس فجر اليوم. اقرأ أيضا: أخبار الطقس';
        const after = 'رست سفينة شحن في ميناء طرطوس فجر اليوم.';
        const { id } = await store.putDocument(doc(feedEn, 'retext-1', before, { title: 'سفينة في طرطوس' }));
        expect((await store.search({ q: 'الطقس' })).map((h) => h.id)).toEqual([id]);
        expect(await store.setAnalyses([{ id, analysis: analysisOf(after, 'ar'), modelVersion: 'test-2' }])).toEqual([]);
        const d = (await store.getDocument(id))!;
        expect(d).toMatchObject({ text: after, extracted: before, title: 'سفينة في طرطوس' });
        expect(await store.search({ q: 'الطقس' })).toEqual([]);
        const [hit] = await store.search({ q: 'ميناء طرطوس' });
        expect(hit).toMatchObject({ id, title: 'سفينة في طرطوس' });
        expect(hit.snippet).toContain('[طرطوس]');
      });
    });

    describe('search', () => {
      it('finds Arabic with or without diacritics, whatever the alef form, through clitics', async () => {
        for (const q of ['هجوم', 'هُجُوم', 'الهجوم', 'والهجوم', 'الموصل', 'موصل', 'اعلنت', 'أعلنت الشرطة', 'انتحاريا']) {
          const hits = await store.search({ q });
          expect(hits.length, q).toBeGreaterThan(0);
          expect(hits.every((h) => h.language === 'ar'), q).toBe(true);
        }
        expect(await store.search({ q: 'بغداد' })).toEqual([]);
      });

      it('finds English case-insensitively and by prefix', async () => {
        const hits = await store.search({ q: 'MOSUL bomber' });
        expect(hits.map((h) => h.language)).toEqual(['en']);
        expect((await store.search({ q: 'ambul*' })).length).toBe(1);
      });

      it('requires every word', async () => {
        expect(await store.search({ q: 'الموصل إربد' })).toEqual([]);
        expect((await store.search({ q: 'عبوات ناسفة' })).length).toBe(1);
      });

      it('returns id, title, a snippet of the stored text with matches marked, published and a score', async () => {
        const [hit] = await store.search({ q: 'الشرطه', language: 'ar', limit: 1 });
        expect(hit.title).toBe('هجوم في الموصل');
        expect(hit.published).toBe('2024-03-10');
        expect(hit.snippet).toContain('[الشرطة]');
        expect(typeof hit.score).toBe('number');
        const [diacritic] = await store.search({ q: 'الموصل', sourceId: feedB });
        expect(diacritic.snippet).toMatch(/\[الموصل\]/);
      });

      it('ranks a title match first and filters by date, language and source', async () => {
        const hits = await store.search({ q: 'الموصل' });
        expect(hits.length).toBe(2);
        expect(hits[0].title).toBe('هجوم في الموصل');
        expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
        expect((await store.search({ q: 'الموصل', language: 'en' })).length).toBe(0);
        expect((await store.search({ q: 'mosul', language: 'en' })).length).toBe(1);
        expect((await store.search({ q: 'حسابات', since: '2024-04-01' })).length).toBe(1);
        expect((await store.search({ q: 'حسابات', until: '2024-04-01' })).length).toBe(0);
        expect((await store.search({ q: 'council', since: '2024-01-01' })).length).toBe(0);
        expect((await store.search({ q: 'الموصل', sourceId: feedEn })).length).toBe(0);
        expect((await store.search({ q: 'الموصل', limit: 1, offset: 1 })).length).toBe(1);
      });

      it('rejects a query with no words as E_USAGE', async () => {
        const err = await store.search({ q: ' ؟! ' }).catch((e) => e);
        expect(isMarsadError(err) && err.code).toBe('E_USAGE');
      });
    });

    describe('incidents', () => {
      let incident: number;
      let docs: number[];

      beforeAll(async () => {
        const put = async (src: number, ext: string, text: string, published: string, killed: number) =>
          (await store.putDocument(doc(src, ext, text, { published, analysis: analysisOf(text, /[a-z]/.test(text) ? 'en' : 'ar', [], [attackEvent(killed)]) }))).id;
        docs = [
          await put(feedA, 'inc-1', 'تقرير أول عن تفجير سوق في الموصل أسفر عن ثلاثة قتلى', '2024-03-10', 3),
          await put(feedB, 'inc-2', 'تقرير ثان عن تفجير سوق في الموصل ارتفعت حصيلته إلى أربعة قتلى', '2024-03-11', 4),
          await put(feedEn, 'inc-3', 'Four killed in Mosul market bombing, officials said', '2024-03-11', 4),
        ];
        incident = await store.createIncident({
          type: 'attack', date: { start: '2024-03-10', end: '2024-03-10' }, location: attackEvent(3).location,
          organization: null, attackTypes: ['bombing'],
        });
      });

      it('attaches reports, widens the incident and keeps every report', async () => {
        await store.attachReport(incident, { documentId: docs[0], eventIndex: 0, event: attackEvent(3) });
        await store.attachReport(incident, { documentId: docs[1], eventIndex: 0, event: attackEvent(4, { date: { start: '2024-03-10', end: '2024-03-11' } }) });
        await store.attachReport(incident, { documentId: docs[2], eventIndex: 0, event: attackEvent(4) });
        await store.attachReport(incident, { documentId: docs[2], eventIndex: 0, event: attackEvent(4) }); // idempotent
        const inc = (await store.getIncident(incident))!;
        expect(inc.reports.map((r) => r.documentId)).toEqual(docs);
        expect(inc.reports.map((r) => r.language)).toEqual(['ar', 'ar', 'en']);
        expect(inc.reports[2].sourceIds).toEqual([feedEn]);
        expect(inc).toMatchObject({ country: 'IQ', organization: 'org:isis', date: { start: '2024-03-10', end: '2024-03-11' } });
        expect(inc.attackTypes).toEqual(['bombing', 'suicide-bombing']);
        expect(await store.incidentOfReport(docs[1], 0)).toBe(incident);
        expect(await store.incidentOfReport(docs[1], 1)).toBeNull();
      });

      it('gives figures with their range and provenance', async () => {
        const inc = (await store.getIncident(incident))!;
        expect(inc.killed).toMatchObject({ value: 4, min: 3, max: 4 });
        expect(inc.killed.reports.map((r) => [r.documentId, r.value])).toEqual([[docs[0], 3], [docs[1], 4], [docs[2], 4]]);
        expect(inc.injured).toMatchObject({ value: 10, min: 10, max: 10 });
      });

      it('lists incidents by date, country and group', async () => {
        const other = await store.createIncident({
          type: 'arrest', date: { start: '2023-06-01', end: '2023-06-01' }, location: null, country: 'JO', organization: null,
        });
        expect((await store.listIncidents()).map((i) => i.id)).toEqual([incident, other]);
        expect((await store.listIncidents({ since: '2024-03-11' })).map((i) => i.id)).toEqual([incident]);
        expect((await store.listIncidents({ until: '2024-01-01' })).map((i) => i.id)).toEqual([other]);
        expect((await store.listIncidents({ country: 'jo' })).map((i) => i.id)).toEqual([other]);
        const placeless = await store.createIncident({
          type: 'attack', date: { start: '2023-06-02', end: '2023-06-02' }, location: null, country: null, organization: null,
        });
        expect((await store.listIncidents({ country: 'jo', orNoCountry: true })).map((i) => i.id)).toEqual([placeless, other]);
        expect((await store.listIncidents({ country: 'iq', orNoCountry: true, since: '2024-03-09' })).map((i) => i.id)).toEqual([incident]);
        expect((await store.listIncidents({ group: 'org:isis' })).map((i) => i.id)).toEqual([incident]);
        expect((await store.listIncidents({ type: 'arrest' })).map((i) => i.id)).toEqual([other]);
        expect(await store.getIncident(999_999)).toBeNull();
        await expect(store.attachReport(999_999, { documentId: docs[0], eventIndex: 1, event: attackEvent(1) })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
      });
    });
  });
}
