// Language identification for a headline or an article: script counts first (Arabic, Cyrillic,
// Hebrew, CJK…), then, for Latin text, function-word and letter evidence from data/stopwords.
import data from './data/language.json' with { type: 'json' };

const STOPWORDS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(data.stopwords)) {
  for (const w of words) {
    const l = STOPWORDS.get(w);
    if (l) l.push(lang); else STOPWORDS.set(w, [lang]);
  }
}
const LETTER_HINTS = new Map<number, string>();
for (const [lang, letters] of Object.entries(data.letters)) for (const ch of letters) LETTER_HINTS.set(ch.charCodeAt(0), lang);
// 1 = Persian-only letter, 2 = Urdu-only letter, in a table indexed by code - 0x0600
const EXTRA = new Uint8Array(0x100);
for (const c of data.persianLetters) EXTRA[c.charCodeAt(0) - 0x0600] = 1;
for (const c of data.urduLetters) EXTRA[c.charCodeAt(0) - 0x0600] = 2;
const SCAN_LIMIT = 2000;

/** 'ar' | 'en' | another ISO 639-1 code | 'und' when there is nothing to go on. */
export function detectLanguage(text: string): string {
  let arabic = 0, latin = 0, cyrillic = 0, hebrew = 0, greek = 0, cjk = 0, kana = 0, hangul = 0, persian = 0, urdu = 0;
  const n = Math.min(text.length, SCAN_LIMIT);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if ((c >= 0x0620 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfeff)) {
      if (c !== 0x0640 && !(c >= 0x064b && c <= 0x065f) && !(c >= 0x0660 && c <= 0x0669)) arabic++;
      if (c <= 0x06ff) {
        const x = EXTRA[c - 0x0600];
        if (x === 1) persian++;
        else if (x === 2) urdu++;
      }
    } else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if (c >= 0x0590 && c <= 0x05ff) hebrew++;
    else if (c >= 0x0370 && c <= 0x03ff) greek++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
  }
  const scripts: Array<[number, string]> = [
    [arabic, 'ar'], [latin, 'latin'], [cyrillic, 'ru'], [hebrew, 'he'], [greek, 'el'], [cjk + kana, kana > 0 ? 'ja' : 'zh'], [hangul, 'ko'],
  ];
  scripts.sort((a, b) => b[0] - a[0]);
  const [count, script] = scripts[0];
  if (count === 0) return 'und';
  if (script === 'ar') {
    // Arabic-script text with the extra letters of Urdu or Persian (پ چ ژ گ ٹ ڈ…)
    if (urdu >= 2 && urdu / arabic > 0.01) return 'ur';
    if (persian >= 2 && persian / arabic > 0.01) return 'fa';
    return 'ar';
  }
  if (script !== 'latin') return script;
  return detectLatin(text.slice(0, n));
}

function detectLatin(text: string): string {
  const score = new Map<string, number>();
  const add = (lang: string, v: number) => score.set(lang, (score.get(lang) ?? 0) + v);
  for (const m of text.toLowerCase().matchAll(/[a-zà-ÿ']+/g)) {
    const langs = STOPWORDS.get(m[0]);
    if (langs) for (const l of langs) add(l, 1 / langs.length);
  }
  for (let i = 0; i < text.length; i++) {
    const l = LETTER_HINTS.get(text.charCodeAt(i));
    if (l) add(l, 0.5);
  }
  // headlines often carry no function word at all: English is the default for Latin script
  let best = 'en';
  let bestScore = (score.get('en') ?? 0) + 0.75;
  for (const [l, v] of score) if (v > bestScore) { best = l; bestScore = v; }
  return best;
}
