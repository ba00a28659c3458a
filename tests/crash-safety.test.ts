// Crash safety, with real processes on a real file: a `marsad worker` is SIGKILLed in the middle of
// a queued batch; after a restart every document it had accepted is present exactly once and the
// rest of the batch completes, without duplicates, and a replay of the whole batch adds nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openQueue, openStore } from '../src/store/open.js';

const BIN = resolve('bin/marsad.js');
const JOBS = 60;
const PER_JOB = 20;
const PLACES = ['الموصل', 'كركوك', 'ديالى', 'الأنبار', 'صلاح الدين', 'نينوى'];

function items(job: number) {
  return Array.from({ length: PER_JOB }, (_, k) => {
    const n = job * PER_JOB + k;
    return {
      source: { kind: 'file' as const, url: `file:///crash-test/outlet-${job % 3}` },
      externalId: `item-${n}`,
      text:
        `ذكر بيان أمني رقم ${n} أن دورية تعرضت لإطلاق نار قرب ${PLACES[n % PLACES.length]} مساء الخميس، ` +
        `ولم تسفر الحادثة عن إصابات بحسب المتحدث، فيما تواصل القوات تمشيط المنطقة للمرة ${n + 1}.`,
      published: '2024-02-01',
    };
  });
}

function startWorker(db: string, extra: string[] = []): { child: ChildProcess; done: string[]; exited: Promise<{ code: number | null; signal: string | null }> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', db, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const done: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const r = JSON.parse(line);
    if (r.ok) done.push(r.job);
  });
  let stderr = '';
  child.stderr!.on('data', (b) => (stderr += b));
  const exited = new Promise<{ code: number | null; signal: string | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal: signal ?? (code ? stderr : null) })),
  );
  return { child, done, exited };
}

describe('crash safety (SQLite file, real worker processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-crash-'));
  const db = join(dir, 'marsad.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no accepted document and duplicates none after SIGKILL mid-batch', { timeout: 180_000 }, async () => {
    const store = await openStore(db);
    const queue = await openQueue(store, db);
    const jobIds: string[] = [];
    for (let j = 0; j < JOBS; j++) jobIds.push((await queue.enqueue('ingest-items', { items: items(j) }))!);
    await store.close();

    // first worker: killed as soon as it reports its first finished job
    const first = startWorker(db);
    await new Promise<void>((res) => {
      const poll = setInterval(() => {
        if (first.done.length > 0) {
          clearInterval(poll);
          first.child.kill('SIGKILL');
          res();
        }
      }, 1);
    });
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');

    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const accepted = first.done.flatMap((id) => items(jobIds.indexOf(id)).map((i) => i.externalId));
    const present = new Set(check.prepare('SELECT external_id FROM document_sources').pluck().all() as string[]);
    for (const ext of accepted) expect(present.has(ext), ext).toBe(true);
    const afterKill = check.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(afterKill).toBeLessThan(JOBS * PER_JOB); // the batch really was interrupted
    check.close();

    // restart: the dead worker's job is taken back and the batch completes
    const second = startWorker(db, ['--until-idle']);
    expect((await second.exited).code).toBe(0);

    // replay the whole batch: nothing new is stored
    const again = await openStore(db);
    const q2 = await openQueue(again, db);
    for (let j = 0; j < JOBS; j++) await q2.enqueue('ingest-items', { items: items(j) });
    await again.close();
    const third = startWorker(db, ['--until-idle']);
    expect((await third.exited).code).toBe(0);

    const final = new Database(db, { readonly: true });
    const total = JOBS * PER_JOB;
    expect(final.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(total);
    expect(final.prepare('SELECT count(*) FROM document_sources').pluck().get()).toBe(total);
    expect(final.prepare('SELECT count(DISTINCT external_id) FROM document_sources').pluck().get()).toBe(total);
    expect(final.prepare('SELECT count(DISTINCT content_hash) FROM documents').pluck().get()).toBe(total);
    expect(final.prepare("SELECT count(*) FROM jobs WHERE state <> 'done'").pluck().get()).toBe(0);
    // every stored document is findable: the full-text index was written in the same transactions
    expect(final.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"دوريه\"'").pluck().get()).toBe(total);
    final.close();
  });
});
