// Watching folders for new or changed files. Events are debounced per file, since editors and
// copiers write a file in several steps; re-reading a file is safe because items are keyed by
// source and external id, so only what is new gets stored.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileKind } from './files.js';

export interface WatchOptions {
  /** quiet time after the last event before a file is handed on (default 300 ms) */
  debounceMs?: number;
  signal?: AbortSignal;
}

/**
 * Calls `onFile(root, file)` for each ingestible file created or changed under `roots`, one at
 * a time, until the signal aborts. Resolves when watching has stopped.
 */
export function watchPaths(roots: string[], onFile: (root: string, file: string) => Promise<void>, opts: WatchOptions = {}): Promise<void> {
  const debounce = opts.debounceMs ?? 300;
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  let queue = Promise.resolve();

  return new Promise((done) => {
    const stop = () => {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      void queue.then(() => done());
    };
    if (opts.signal?.aborted) return stop();
    opts.signal?.addEventListener('abort', stop, { once: true });

    for (const root of roots) {
      const abs = resolve(root);
      const w = watch(abs, { recursive: true }, (_event, name) => {
        const file = name ? join(abs, name.toString()) : abs;
        if (!fileKind(file) || /(^|\/)\./.test(name?.toString() ?? '')) return;
        clearTimeout(timers.get(file));
        timers.set(
          file,
          setTimeout(() => {
            timers.delete(file);
            // One file at a time: the store and the near-duplicate index see a single writer.
            queue = queue.then(async () => {
              const info = await stat(file).catch(() => null);
              if (info?.isFile()) await onFile(root, file);
            });
          }, debounce),
        );
      });
      watchers.push(w);
    }
  });
}
