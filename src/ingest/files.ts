// Files and folders into items: txt, html, jsonl, eml and Telegram result.json, chosen by
// extension. Each path given by the user is one source; a folder's files are its items.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MarsadError } from '../core/errors.js';
import type { SourceInput } from '../store/store.js';
import { decodeBytes } from './decode.js';
import { parseEml } from './eml.js';
import { extractArticle } from './html.js';
import { articleFields, failed, failure, item, type Yielded } from './item.js';
import { parseJsonl } from './jsonl.js';
import { isTelegramExport, parseTelegramExport } from './telegram.js';

export type FileKind = 'txt' | 'html' | 'jsonl' | 'eml' | 'json';

const KINDS: Record<string, FileKind> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'txt',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.eml': 'eml',
  '.json': 'json',
};

/** Telegram exports of busy channels are large; anything beyond this is refused, not read. */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
/** Per-file cap for single articles (txt, html, eml). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function fileKind(path: string): FileKind | null {
  return KINDS[extname(path).toLowerCase()] ?? null;
}

export function fileSource(root: string): SourceInput {
  return { kind: 'file', url: pathToFileURL(resolve(root)).href, name: basename(resolve(root)), everySeconds: null };
}

/** Files under a path, sorted, hidden entries and symlinked folders skipped (no loops). */
export async function* walk(path: string): AsyncGenerator<string> {
  const info = await lstat(path);
  if (info.isFile() || (info.isSymbolicLink() && (await stat(path)).isFile())) {
    yield path;
    return;
  }
  if (!info.isDirectory()) return;
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const child = join(path, e.name);
    if (e.isDirectory()) yield* walk(child);
    else if (e.isFile()) yield child;
  }
}

async function readCapped(path: string, max: number): Promise<Buffer> {
  const size = (await stat(path)).size;
  if (size > max) throw new MarsadError('E_TOO_LARGE', `${path} is ${(size / 1048576).toFixed(1)} MB; the limit is ${max / 1048576} MB`);
  try {
    return await readFile(path);
  } catch (e) {
    throw new MarsadError('E_READ_FAILED', `${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Items of one file. `source` is the path the user named; `externalId`s are relative to it. */
export async function* readFileItems(file: string, root: string, source: SourceInput): AsyncGenerator<Yielded> {
  const kind = fileKind(file);
  const rel = relative(resolve(root), resolve(file)) || basename(file);
  const where = file;
  if (!kind) {
    yield failed(where, 'E_UNSUPPORTED_MEDIA', `${extname(file) || 'files without an extension'} is not an ingestible type`, source);
    return;
  }
  try {
    if (kind === 'eml') {
      yield await parseEml(await readCapped(file, MAX_FILE_BYTES), source, rel, where);
      return;
    }
    const bytes = await readCapped(file, kind === 'json' || kind === 'jsonl' ? MAX_EXPORT_BYTES : MAX_FILE_BYTES);
    const { text } = decodeBytes(bytes, kind === 'json' || kind === 'jsonl' ? MAX_EXPORT_BYTES : MAX_FILE_BYTES);
    if (kind === 'jsonl') {
      for (const y of parseJsonl(text, source, where)) {
        // record ids are unique within a file, not across the files of a folder
        if (y.ok && resolve(root) !== resolve(file)) y.item.externalId = `${rel}#${y.item.externalId}`;
        yield y;
      }
      return;
    }
    if (kind === 'json') {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        yield failed(where, 'E_BAD_JSON', (e as Error).message, source);
        return;
      }
      if (!isTelegramExport(doc)) {
        yield failed(where, 'E_UNSUPPORTED_MEDIA', 'JSON file is not a Telegram Desktop export (result.json)', source);
        return;
      }
      yield* parseTelegramExport(doc, where);
      return;
    }
    const art = kind === 'html' ? extractArticle(text) : { text, title: null, author: null, published: null, lang: null };
    yield item({
      source,
      externalId: rel,
      url: null,
      raw: bytes,
      contentType: kind === 'html' ? 'text/html' : 'text/plain',
      ...articleFields(art),
    });
  } catch (e) {
    yield failure(where, e, source);
  }
}
