// An IO for running CLI command modules in-process (needed when the test also serves HTTP:
// a child process started with spawnSync would block the server's event loop).
import { PassThrough } from 'node:stream';
import type { IO } from '../src/cli/command.js';

export function captureIO(): IO & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { stdout, stderr, stdin: new PassThrough(), interactive: false, out: () => out, err: () => err };
}
