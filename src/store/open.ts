// Opening a store from what the user typed: a postgres:// URL, `sqlite:path`, or a plain path;
// by default ./data/marsad.db (MARSAD_DB overrides the default, --db overrides both).
import { resolve } from 'node:path';
import type { Store } from './store.js';
import type { JobQueue } from './queue.js';

export const DEFAULT_DB = './data/marsad.db';

export function resolveDbLocation(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.MARSAD_DB || DEFAULT_DB;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Open and migrate a store. */
export async function openStore(location: string): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(location)) {
    const { PgStore } = await import('./postgres/pg-store.js');
    store = PgStore.open(location);
  } else {
    const { SqliteStore } = await import('./sqlite/sqlite-store.js');
    const path = location.replace(/^sqlite:(\/\/)?/i, '');
    store = new SqliteStore(path === ':memory:' ? path : resolve(path));
  }
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** The job queue that goes with a store: its own SQLite tables, or pg-boss on the same database. */
export async function openQueue(store: Store, location: string): Promise<JobQueue> {
  if (store.kind === 'postgres') {
    const { PgQueue } = await import('./postgres/pg-queue.js');
    return PgQueue.start(location);
  }
  const { SqliteQueue } = await import('./sqlite/sqlite-queue.js');
  const { SqliteStore } = await import('./sqlite/sqlite-store.js');
  return new SqliteQueue((store as InstanceType<typeof SqliteStore>).db);
}
