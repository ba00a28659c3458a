// Reading a CoNLL file or stdin for the CLI, with the project's error codes for the failures a
// user can cause (missing file, empty or binary input).
import { readFile } from 'node:fs/promises';
import { MarsadError } from '../core/errors.js';
import { parseConll, type ConllLine } from './conll.js';

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function readConllInput(path: string, stdin: NodeJS.ReadableStream): Promise<ConllLine[]> {
  let buf: Buffer;
  if (path === '-') buf = await readStream(stdin);
  else {
    try {
      buf = await readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new MarsadError('E_NO_SUCH_FILE', `no such file: ${path}`);
      throw new MarsadError('E_READ_FAILED', `cannot read ${path}: ${code ?? (e as Error).message}`);
    }
  }
  if (buf.includes(0)) throw new MarsadError('E_NOT_TEXT', `${path === '-' ? 'stdin' : path} is binary, not CoNLL text`);
  const lines = parseConll(buf.toString('utf8').replace(/^\uFEFF/, ''));
  if (!lines.some((l) => l.kind === 'token')) throw new MarsadError('E_EMPTY_INPUT', `${path === '-' ? 'stdin' : path} has no tokens`);
  return lines;
}
