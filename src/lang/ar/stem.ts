// Light10-style suffix stripping for Arabic bases (after clitic removal). Deliberately light:
// it only has to make inflected forms meet (هجمات/هجمات‌ها → هجم) while names stay intact.
import data from './data/stem.json' with { type: 'json' };

const SUFFIXES: readonly string[] = data.suffixes;
const MIN_LENGTH = data.minLength;
const KEEP = new Set<string>(data.keep);
const KEEP_ENDINGS: readonly string[] = data.keepEndings;

/** Light stem of a normalised, clitic-free Arabic word. Non-Arabic input is returned unchanged. */
/** The last letters of the suffixes: a word ending otherwise has nothing to strip. */
const SUFFIX_LAST = new Set(SUFFIXES.map((x) => x.charCodeAt(x.length - 1)));

export function stem(base: string): string {
  if (base.length < MIN_LENGTH || !SUFFIX_LAST.has(base.charCodeAt(base.length - 1)) || KEEP.has(base)) return base;
  const c = base.charCodeAt(0);
  if (c < 0x0621 || c > 0x06ff) return base;
  for (const e of KEEP_ENDINGS) if (base.endsWith(e)) return base;
  let w = base;
  for (const s of SUFFIXES) {
    if (w.length >= MIN_LENGTH && w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, w.length - s.length);
      if (KEEP.has(w)) break;
    }
  }
  return w;
}
