import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchPaths } from './watch.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watchPaths', () => {
  it('hands on new ingestible files once they settle, and ignores other types', async () => {
    const ctl = new AbortController();
    const seen: string[] = [];
    const done = watchPaths([dir], async (_root, file) => {
      seen.push(file);
      ctl.abort(); // the first ingestible file ends the test
    }, { debounceMs: 50, signal: ctl.signal });
    // fs.watch gets ready asynchronously: keep rewriting the file, as a slow copier would, until
    // the watcher has handed it on (no fixed sleep to guess)
    writeFileSync(join(dir, 'photo.jpg'), 'x');
    let n = 0;
    const writer = setInterval(() => writeFileSync(join(dir, 'new.txt'), `خبر ${n++}`), 100);
    await done;
    clearInterval(writer);
    expect(new Set(seen)).toEqual(new Set([join(dir, 'new.txt')]));
  });
});
