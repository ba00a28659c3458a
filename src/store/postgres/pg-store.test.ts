import { describe, expect, inject, it } from 'vitest';
import { storeContract } from '../contract.test-suite.js';
import { openStore } from '../open.js';
import { PgStore } from './pg-store.js';
import { AR_ATTACK, doc } from '../contract-fixtures.js';
import { freshDatabase } from '../../../tests/setup/pg-database.js';

storeContract('PostgreSQL (real server)', async () => openStore(await freshDatabase(inject('postgresUrl'))));

describe('PostgreSQL search leads', () => {
  it('are filled in by migrate for documents stored without one, after which title matches rank first again', async () => {
    const url = await freshDatabase(inject('postgresUrl'));
    const store = (await openStore(url)) as PgStore;
    const src = await store.addSource({ kind: 'file', url: 'file:///leads' });
    const titled = (await store.putDocument(doc(src.id, 't', AR_ATTACK, { title: 'هجوم في الموصل' }))).id;
    const plain = (await store.putDocument(doc(src.id, 'p', AR_ATTACK + ' وأضاف أن الموصل شهدت هجمات سابقة.'))).id;
    expect((await store.search({ q: 'الموصل' })).map((h) => h.id)).toEqual([titled, plain]);
    // a store from before migration 003: no leads, and the fill not recorded
    await store.pool.query('DELETE FROM document_lead');
    await store.pool.query("DELETE FROM schema_migrations WHERE version = '003-search-rank-leads'");
    const unranked = await store.search({ q: 'الموصل' });
    expect(unranked.map((h) => h.score)).toEqual([0, 0]);
    await store.close();

    const reopened = (await openStore(url)) as PgStore;
    try {
      expect(Number((await reopened.pool.query('SELECT count(*) AS n FROM document_lead')).rows[0].n)).toBe(2);
      const hits = await reopened.search({ q: 'الموصل' });
      expect(hits.map((h) => h.id)).toEqual([titled, plain]);
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
    } finally {
      await reopened.close();
    }
  });
});
