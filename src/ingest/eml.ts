// E-mail messages (.eml): newsletters and alert mails. The plain-text part is preferred; an
// HTML-only message is reduced to its article text.
import PostalMime from 'postal-mime';
import { MarsadError } from '../core/errors.js';
import type { SourceInput } from '../store/store.js';
import { extractArticle } from './html.js';
import { failed, failure, isoDay, item, type Yielded } from './item.js';

export async function parseEml(bytes: Uint8Array, source: SourceInput, externalId: string, where: string): Promise<Yielded> {
  try {
    const mail = await PostalMime.parse(bytes);
    let text = mail.text?.trim() ?? '';
    let author = mail.from && 'address' in mail.from ? (mail.from.name || mail.from.address || null) : null;
    if (!text && mail.html) {
      const art = extractArticle(mail.html);
      text = art.text;
      author ??= art.author;
    }
    if (!text) throw new MarsadError('E_EMPTY_INPUT', 'message has no text part');
    return item({
      source,
      externalId: mail.messageId?.trim() || externalId,
      raw: bytes,
      contentType: 'message/rfc822',
      text,
      title: mail.subject?.trim() || null,
      published: mail.date ? isoDay(mail.date) : null,
      author,
    });
  } catch (e) {
    if (e instanceof MarsadError) return failure(where, e, source);
    // postal-mime throws plain errors on broken MIME: that is bad input, not a bug here
    return failed(where, 'E_BAD_RECORD', `unreadable e-mail: ${(e as Error).message}`, source);
  }
}
