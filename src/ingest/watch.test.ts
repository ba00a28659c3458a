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
    // fs.watch starts asynchronously: write after a tick, twice, as a copier would
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(join(dir, 'photo.jpg'), 'x');
    writeFileSync(join(dir, 'new.txt'), 'خبر');
    writeFileSync(join(dir, 'new.txt'), 'خبر جديد');
    await done;
    expect(seen).toEqual([join(dir, 'new.txt')]);
  });
});
