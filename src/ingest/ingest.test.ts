// ingest() stores analysed items in batches (one transaction for several): these tests pin what
// batching must not change — near-duplicates still point at the earliest copy, a bad item fails
// alone, outcomes come in item order, and nothing waits unstored while a source is slow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarsadError } from '../core/errors.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { DocumentInput } from '../store/store.js';
import { ingest, type ItemOutcome } from './ingest.js';
import { item, type Yielded } from './item.js';

// Fixture texts written for this test: one report and two copies with a word changed.
const REPORT =
  'أعلنت السلطات المحلية في المحافظة الشمالية صباح اليوم أن فرق الدفاع المدني أخمدت حريقاً كبيراً اندلع في مستودع للأخشاب قرب السوق القديمة، ' +
  'وأوضحت أن النيران امتدت إلى محلين مجاورين قبل السيطرة عليها، وأن فرق التحقيق تعمل على تحديد سبب اندلاع النيران وتقدير ما خسره أصحاب المحال.';
const COPY_1 = REPORT.replace('صباح اليوم', 'مساء اليوم');
const COPY_2 = REPORT.replace('محلين مجاورين', 'ثلاثة محال مجاورة');
const OTHER = 'افتتحت البلدية حديقة عامة جديدة على الواجهة البحرية تضم ممرات للمشاة وملاعب للأطفال، وقال رئيس البلدية إن المشروع استغرق عامين.';

const source = { kind: 'file' as const, url: 'file:///ingest-test', name: 'test' };
const at = (externalId: string, text: string): Yielded => item({ source, externalId, raw: text, text, published: '2024-03-14' });

describe('ingest in batches', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
  });
  afterEach(() => store.close());

  it('links copies stored in one batch to the earliest one, even when the linker first loads the store', async () => {
    // a document from an earlier run: the next run's linker starts by loading the stored window,
    // which by then holds the whole new batch
    await ingest(store, [at('old', OTHER)]);
    const report = await ingest(store, [at('a', REPORT), at('b', COPY_1), at('c', COPY_2)]);
    expect(report).toMatchObject({ inserted: 3, nearDuplicates: 2, failed: 0 });
    const docs = await store.listDocuments();
    const id = (ext: string) => docs.find((d) => d.sources.some((s) => s.externalId === ext))!.id;
    const of = (ext: string) => docs.find((d) => d.id === id(ext))!.nearDuplicateOf;
    expect(of('a')).toBeNull();
    expect(of('b')).toBe(id('a'));
    expect(of('c')).toBe(id('a'));
  });

  it('stores the other items of a batch when one cannot be stored, and reports outcomes in item order', async () => {
    // the store refuses one item; as a batch is all or nothing, the others must be stored one by one
    const refuse = (d: DocumentInput) => {
      if (d.externalId === 'bad') throw new MarsadError('E_TOO_LARGE', 'refused by the test store');
    };
    const putDocuments = store.putDocuments.bind(store);
    const putDocument = store.putDocument.bind(store);
    store.putDocuments = async (inputs) => (inputs.forEach(refuse), putDocuments(inputs));
    store.putDocument = async (input) => (refuse(input), putDocument(input));
    const seen: string[] = [];
    const onItem = (o: ItemOutcome) => seen.push(o.ok ? `ok ${o.status}` : `failed ${o.failure.code} ${o.failure.where}`);
    const report = await ingest(store, [at('a', REPORT), at('bad', OTHER), at('c', OTHER + ' تحديث'), { ok: false, failure: { where: 'x.bin', code: 'E_NOT_TEXT', message: 'binary' } }, at('d', REPORT)], { onItem });
    expect(report).toMatchObject({ items: 5, inserted: 2, duplicates: 1, failed: 2 });
    expect(seen).toEqual(['ok inserted', 'failed E_TOO_LARGE file:///ingest-test#bad', 'ok inserted', 'failed E_NOT_TEXT x.bin', 'ok duplicate']);
    expect(await store.countDocuments()).toBe(2);
  });

  it('stores what it has before waiting on a slow source', async () => {
    let storedWhileWaiting = -1;
    async function* slow(): AsyncGenerator<Yielded> {
      yield at('a', REPORT);
      yield at('b', OTHER);
      // the next item takes a while (a file read, a page fetch): the two above must not wait for it
      await new Promise((r) => setTimeout(r, 50));
      storedWhileWaiting = await store.countDocuments();
      yield at('c', OTHER + ' تحديث');
    }
    const report = await ingest(store, slow());
    expect(storedWhileWaiting).toBe(2);
    expect(report).toMatchObject({ items: 3, inserted: 3 });
  });
});
