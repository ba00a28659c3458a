// Reading a FILE or `-` (stdin) as bytes, with the size cap checked before reading it all.
import { promises as fs, createReadStream } from 'node:fs';
import { MarsadError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/decode.js';

export async function readInputBytes(path: string, stdin: NodeJS.ReadableStream, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  if (path === '-') return readStream(stdin, maxBytes, 'stdin');
  const st = await fs.stat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new MarsadError('E_NO_SUCH_FILE', `no such file: ${path}`);
    throw new MarsadError('E_READ_FAILED', `cannot read ${path}: ${e.code ?? e.message}`);
  });
  if (st.isDirectory()) throw new MarsadError('E_READ_FAILED', `${path} is a directory (use "marsad ingest" for folders)`);
  if (st.size > maxBytes) {
    throw new MarsadError('E_TOO_LARGE', `${path} is ${(st.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`);
  }
  return readStream(createReadStream(path), maxBytes, path);
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number, name: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > maxBytes) throw new MarsadError('E_TOO_LARGE', `${name} is larger than the ${(maxBytes / 1048576).toFixed(0)} MB limit`);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof MarsadError) throw e;
    throw new MarsadError('E_READ_FAILED', `cannot read ${name}: ${(e as Error).message}`);
  }
  return Buffer.concat(chunks);
}

/** Input as a stream of lines (JSON Lines), for files of any size. */
export async function openLines(path: string, stdin: NodeJS.ReadableStream): Promise<AsyncIterable<string>> {
  const { createInterface } = await import('node:readline');
  let input: NodeJS.ReadableStream = stdin;
  if (path !== '-') {
    const st = await fs.stat(path).catch(() => null);
    if (!st) throw new MarsadError('E_NO_SUCH_FILE', `no such file: ${path}`);
    if (st.isDirectory()) throw new MarsadError('E_READ_FAILED', `${path} is a directory`);
    input = createReadStream(path, { encoding: 'utf8' });
  }
  return createInterface({ input, crlfDelay: Infinity });
}
