// JSON Lines in the analysis contract's input shape: {"id", "text", "published", "title"?, "url"?}.
// A bad line is a recorded failure naming its line; the lines around it still go in.
import { inputRecordSchema } from '../core/schema.js';
import type { SourceInput } from '../store/store.js';
import { failed, item, type Yielded } from './item.js';

/** One record (already parsed JSON) → item, or a failure naming what is wrong. */
export function recordToItem(value: unknown, source: SourceInput, where: string, fetchedAt?: string): Yielded {
  const parsed = inputRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failed(where, 'E_BAD_RECORD', `${issue.path.join('.') || 'record'}: ${issue.message}`, source);
  }
  const r = parsed.data;
  return item({
    source,
    externalId: r.id,
    url: r.url ?? null,
    raw: JSON.stringify(value),
    contentType: 'application/json',
    text: r.text,
    title: r.title ?? null,
    published: r.published ?? null,
    lang: r.lang ?? undefined,
    fetchedAt,
  });
}

export function* parseJsonl(text: string, source: SourceInput, where: string): Generator<Yielded> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield failed(`${where}:${i + 1}`, 'E_BAD_JSON', (e as Error).message, source);
      continue;
    }
    yield recordToItem(value, source, `${where}:${i + 1}`);
  }
}
