// Cleaning: strip site junk from the raw text and record what was removed — WordPress-style
// shortcodes, "you may also like" trailers, bylines (→ doc.author) and share/social furniture.
// The title is taken from the first line when the caller did not give one.
import type { Context } from '../core/context.js';
import type { Document, Removed } from '../core/types.js';
import { normalizeWord } from '../lang/ar/normalize.js';
import arData from '../lang/ar/data/boilerplate.json' with { type: 'json' };
import enData from '../lang/en/data/boilerplate.json' with { type: 'json' };

// `[name key=”value” …]`, `[/name]`, or a bare `[name-with-dash]`: WordPress texturizes quotes to
// ” “ ″ ′, so attribute values are matched up to the closing bracket rather than by quote pairs.
const SHORTCODE = /\[(?:\/[a-z][\w-]*|[a-z][\w-]*(?:\s+[\w-]+\s*=\s*[^\]\n]*)+|[a-z]+[_-][\w-]*)\s*\/?\]/gi;

const key = (s: string) =>
  normalizeWord(s)
    .replace(/\s+/g, ' ') // normalizeWord has already dropped direction marks
    .replace(/^[\s:：\-–—|•*#>»«"“”.،,!؟?]+|[\s:：\-–—|•*#>»«"“”.،,!؟?]+$/g, '')
    .trim();

const TRAILERS = new Set([...arData.trailers, ...enData.trailers].map(key));
const SHARE = new Set([...arData.share, ...enData.share].map(key));
/** with the space that must follow: a prefix is whole words */
const SHARE_PREFIXES = [...arData.sharePrefixes, ...enData.sharePrefixes].map((p) => key(p) + ' ');
// "كتب – name", "بقلم: name", and with a dateline first: "بغداد – كتب – name"
const AR_BYLINE = new RegExp(
  `^(?:\\p{L}+(?: \\p{L}+)?\\s*[:：\\-–—]\\s*)?(?:${arData.bylineLead.map(key).join('|')})\\s*[:：\\-–—]?\\s+(.{3,60})$`,
  'u',
);
const EN_BYLINE = new RegExp(`^(?:${enData.bylineLead.join('|')})\\s+([A-Z][\\p{L}.'’-]+(?:\\s+(?:and\\s+)?[A-Z][\\p{L}.'’-]+){0,5})\\s*$`, 'u');

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

/** Junk lines are short; paragraphs longer than this are never keyed (keeps cleaning cheap). */
const MAX_JUNK_LINE = 240;

function bylineName(line: string): string | null {
  const t = line.trim();
  if (t.length > MAX_JUNK_LINE) return null;
  const en = EN_BYLINE.exec(t.replace(/^by\b/i, 'by'));
  if (en && /^by\b|^written by|^reporting by|^words by|^story by/i.test(t)) return en[1].trim();
  const ar = AR_BYLINE.exec(key(t));
  const words = ar ? ar[1].split(' ') : [];
  if (ar && words.length <= 5 && !/[.؟?!]/.test(ar[1])) {
    // the name as written (not normalised): folding keeps words one-to-one, so take as many
    return t.split(/\s+/).slice(-words.length).join(' ');
  }
  return null;
}

function isTrailer(k: string): boolean {
  if (TRAILERS.has(k)) return true;
  // "اقرأ أيضا: headline" / "Read more: headline"
  const colon = k.indexOf(':');
  return colon > 0 && TRAILERS.has(k.slice(0, colon).trim());
}

function isShare(k: string): boolean {
  // "Follow us on Twitter @BBCAfrica, on Facebook at BBC Africa…", "تابعونا على تويتر @…"
  if (k.length > 0 && k.length <= 160 && SHARE_PREFIXES.some((p) => k.startsWith(p))) return true;
  if (k.length === 0 || k.length > 60) return false;
  if (SHARE.has(k)) return true;
  // a line made only of share words: "فيسبوك تويتر واتساب", "Facebook | Twitter | Email"
  const words = k.split(/[\s|/·,،]+/).filter(Boolean);
  return words.length > 1 && words.every((w) => SHARE.has(w));
}

export function cleanText(raw: string, knownTitle: string | null, knownAuthor: string | null) {
  const removed: Removed[] = [];
  // Arabic presentation forms (old PDFs, some CMSs) become the letters they draw: names, ids and
  // search need the letters
  let text = raw.replace(/\r\n?/g, '\n').replace(/\u00ad/g, '').replace(PRESENTATION_FORMS, (m) => m.normalize('NFKC'));
  text = text.replace(SHORTCODE, (m) => {
    removed.push({ kind: 'shortcode', text: m });
    return '';
  });

  let lines = text.split('\n');
  let title = knownTitle;
  if (title === null) {
    const first = lines.findIndex((l) => l.trim() !== '');
    const rest = lines.slice(first + 1).some((l) => l.trim() !== '');
    if (first >= 0 && rest && lines[first].trim().length <= 250) {
      title = lines[first].trim();
      lines = lines.slice(first + 1);
    }
  }

  // Bylines sit near the top (or the very end); remember the name, then drop every line that
  // repeats it (sites print the author twice).
  let author = knownAuthor;
  // each line's key is needed by the author pass and the junk pass: compute it once
  const keys: string[] = [];
  const keyOf = (i: number) => (keys[i] ??= key(lines[i]));
  const contentIdx = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const near = new Set([...contentIdx.slice(0, 4), ...contentIdx.slice(-2)]);
  const drop = new Set<number>();
  for (const i of near) {
    const name = bylineName(lines[i]);
    if (name) {
      author ??= name;
      drop.add(i);
      removed.push({ kind: 'byline', text: lines[i].trim() });
    }
  }
  if (author) {
    const a = key(author);
    for (const i of contentIdx) {
      if (!drop.has(i) && lines[i].length <= MAX_JUNK_LINE && keyOf(i) === a) {
        drop.add(i);
        removed.push({ kind: 'byline', text: lines[i].trim() });
      }
    }
  }

  const kept: string[] = [];
  const total = contentIdx.length;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (drop.has(i)) continue;
    if (!line.trim()) {
      kept.push('');
      continue;
    }
    seen++;
    const k = line.length <= MAX_JUNK_LINE ? keyOf(i) : '';
    if (k && isTrailer(k)) {
      // In the last part of the article a trailer heading starts a block of links: cut to the end.
      if (seen > total * 0.5 || total - seen <= 6) {
        const tail = lines.slice(i).join('\n').trim();
        removed.push({ kind: 'trailer', text: tail });
        break;
      }
      removed.push({ kind: 'trailer', text: line.trim() });
      continue;
    }
    if (k && isShare(k)) {
      removed.push({ kind: 'boilerplate', text: line.trim() });
      continue;
    }
    kept.push(line.replace(/[ \t]+$/g, ''));
  }
  const body = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: body, title, author, removed };
}

export function cleanStage(doc: Document, _ctx: Context): void {
  const r = cleanText(doc.raw, doc.title, doc.author);
  doc.text = r.text;
  doc.title = r.title;
  doc.author = r.author;
  doc.removed = r.removed;
}
