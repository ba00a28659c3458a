// Telegram Desktop's JSON export (result.json): one channel or group, or a whole account with
// chats.list. Messages carry a date, text as a string or a list of entity parts, and who a
// forward came from; each message becomes one item of the channel's source.
import type { SourceInput } from '../store/store.js';
import { failed, isoDay, item, type Yielded } from './item.js';

interface TgMessage {
  id?: number | string;
  type?: string;
  date?: string;
  date_unixtime?: string;
  from?: string | null;
  forwarded_from?: string | null;
  text?: string | Array<string | { type?: string; text?: string; href?: string }>;
  caption?: string;
}

interface TgChat {
  id?: number | string;
  name?: string | null;
  type?: string;
  messages?: TgMessage[];
}

/** Plain text of a message: entity parts are joined, link parts keep their visible text. */
export function messageText(m: TgMessage): string {
  const t = m.text ?? m.caption ?? '';
  if (typeof t === 'string') return t;
  return t.map((p) => (typeof p === 'string' ? p : (p.text ?? ''))).join('');
}

export function isTelegramExport(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.messages) || Array.isArray((v.chats as { list?: unknown } | undefined)?.list);
}

function chatsOf(doc: Record<string, unknown>): TgChat[] {
  if (Array.isArray(doc.messages)) return [doc as TgChat];
  return ((doc.chats as { list?: TgChat[] }).list ?? []).filter((c) => Array.isArray(c.messages));
}

export function channelSource(chat: TgChat): SourceInput {
  const key = chat.id != null ? String(chat.id) : (chat.name ?? 'unknown');
  return { kind: 'telegram', url: `telegram:${key}`, name: chat.name ?? null, everySeconds: null };
}

/** Items of a parsed export; service messages and messages without text are skipped, not failures. */
export function* parseTelegramExport(doc: unknown, where: string): Generator<Yielded> {
  if (!isTelegramExport(doc)) {
    yield failed(where, 'E_BAD_RECORD', 'not a Telegram Desktop export (no messages or chats.list)');
    return;
  }
  for (const chat of chatsOf(doc as Record<string, unknown>)) {
    const source = channelSource(chat);
    for (const m of chat.messages ?? []) {
      if (m.type && m.type !== 'message') continue;
      const text = messageText(m).trim();
      if (!text) continue;
      if (m.id == null) {
        yield failed(where, 'E_BAD_RECORD', 'message without an id', source);
        continue;
      }
      const published = isoDay(m.date ?? (m.date_unixtime ? Number(m.date_unixtime) : null));
      // The forward's origin is kept with the raw message and named in the title, so an analyst
      // sees which channel the text really came from.
      const title = m.forwarded_from ? `[${m.forwarded_from}] ${text.split('\n', 1)[0].slice(0, 120)}` : null;
      yield item({
        source,
        externalId: String(m.id),
        url: null,
        raw: JSON.stringify({ channel: chat.name ?? null, ...m }),
        contentType: 'application/json',
        text,
        title,
        published,
        author: m.forwarded_from ? null : (m.from ?? null),
      });
    }
  }
}
