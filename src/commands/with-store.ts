// Open the store named by --db / MARSAD_DB for the length of one command, and always close it.
import { openStore, resolveDbLocation } from '../store/open.js';
import type { Store } from '../store/store.js';

export async function withStore<T>(db: string | undefined, fn: (store: Store, location: string) => Promise<T>): Promise<T> {
  const location = resolveDbLocation(db);
  const store = await openStore(location);
  try {
    return await fn(store, location);
  } finally {
    await store.close();
  }
}
