// Date vocabulary (ar/en data files) compiled once into phrase indexes keyed by first word.
import type { Token } from '../core/types.js';
import ar from './ar/data/dates.json' with { type: 'json' };
import en from './en/data/dates.json' with { type: 'json' };
import { core, numberLexicon } from './number-lexicon.js';
import type { Part, Unit } from './date-resolve.js';

export type PhraseIndex<V> = Map<string, Array<[string[], V]>>;

export interface DateLexicon {
  months: PhraseIndex<number>;
  hijriMonths: PhraseIndex<number>;
  needsContext: Set<string>;
  contextBefore: Set<string>;
  monthWord: Set<string>;
  weekdays: Map<string, number>;
  relativeDays: PhraseIndex<number>;
  todayBlockers: Set<string>;
  /** words after which a weekday names something else (صلاة الجمعة = the Friday prayer) */
  weekdayBlockers: Set<string>;
  units: Map<string, Unit>;
  dualUnits: Map<string, Unit>;
  singleUnits: Set<string>;
  periods: Map<string, 'week' | 'month' | 'year'>;
  shifts: Map<string, number>;
  this: Set<string>;
  parts: Map<string, Part>;
  yearWords: Set<string>;
  yearPrepositions: Set<string>;
  hijriMarkers: Set<string>;
  gregorianMarkers: Set<string>;
  ago: Set<string>;
  chainAfter: string[][];
  chainBefore: string[][];
  dayPreposition: Set<string>;
  /** every word that can begin a date mention (besides digits): the gate before the matchers run */
  triggers: Set<string>;
  /** bits over (first unit, last unit, length) of the triggers: most words fail this before any look-up */
  triggerBits: Uint8Array;
}

const TRIGGER_BITS = 1 << 13;

function triggerBit(w: string): number {
  const n = w.length;
  return ((w.charCodeAt(0) * 31 + w.charCodeAt(n - 1)) * 31 + n) & (TRIGGER_BITS - 1);
}

/** Whether `w` is one of the lexicon's triggers. */
export function isTrigger(lex: DateLexicon, w: string): boolean {
  if (w.length === 0) return lex.triggers.has(w);
  const h = triggerBit(w);
  return (lex.triggerBits[h >> 3] & (1 << (h & 7))) !== 0 && lex.triggers.has(w);
}

function index<V>(entries: Array<[string, V]> | Array<(string | number)[]>): PhraseIndex<V> {
  const m: PhraseIndex<V> = new Map();
  for (const e of entries) {
    const words = String(e[0]).split(' ');
    const list = m.get(words[0]) ?? [];
    list.push([words, e[1] as V]);
    m.set(words[0], list);
  }
  // longest phrase first; the sort is stable, so equal lengths keep the data file's order
  for (const list of m.values()) list.sort((a, b) => b[0].length - a[0].length);
  return m;
}

function compile(d: typeof ar | typeof en, numberWords: Iterable<string>): DateLexicon {
  const triggers = new Set<string>(numberWords);
  const firstWords = (l: Array<(string | number)[]> | string[][]) => { for (const e of l) triggers.add(String(e[0]).split(' ')[0]); };
  firstWords(d.months); firstWords(d.hijriMonths); firstWords(d.weekdays); firstWords(d.relativeDays);
  firstWords(d.chainAfter); firstWords(d.chainBefore);
  for (const w of [...d.monthWord, ...Object.keys(d.periods), ...d.this, ...d.yearWords, ...d.ago, ...Object.keys(d.parts), ...Object.keys(d.shifts), ...Object.keys(d.units), ...Object.keys(d.dualUnits), 'a', 'an']) triggers.add(w);
  const triggerBits = new Uint8Array(TRIGGER_BITS >> 3);
  for (const w of triggers) {
    if (w.length === 0) continue;
    const h = triggerBit(w);
    triggerBits[h >> 3] |= 1 << (h & 7);
  }
  return {
    triggers,
    triggerBits,
    months: index<number>(d.months),
    hijriMonths: index<number>(d.hijriMonths),
    needsContext: new Set(d.needsContext),
    contextBefore: new Set(d.contextBefore),
    monthWord: new Set(d.monthWord),
    weekdays: new Map(d.weekdays.map((w) => [String(w[0]), Number(w[1])])),
    relativeDays: index<number>(d.relativeDays),
    todayBlockers: new Set(d.todayBlockers),
    weekdayBlockers: new Set(d.weekdayBlockers),
    units: new Map(Object.entries(d.units) as Array<[string, Unit]>),
    dualUnits: new Map(Object.entries(d.dualUnits) as Array<[string, Unit]>),
    singleUnits: new Set(d.singleUnits),
    periods: new Map(Object.entries(d.periods) as Array<[string, 'week' | 'month' | 'year']>),
    shifts: new Map(Object.entries(d.shifts)),
    this: new Set(d.this),
    parts: new Map(Object.entries(d.parts) as Array<[string, Part]>),
    yearWords: new Set(d.yearWords),
    yearPrepositions: new Set(d.yearPrepositions),
    hijriMarkers: new Set(d.hijriMarkers),
    gregorianMarkers: new Set(d.gregorianMarkers),
    ago: new Set(d.ago),
    chainAfter: d.chainAfter,
    chainBefore: d.chainBefore,
    dayPreposition: new Set(d.dayPreposition),
  };
}

const LEXICONS = { ar: compile(ar, numberLexicon('ar').starters), en: compile(en, numberLexicon('en').starters) };

export function dateLexicon(lang: string): DateLexicon {
  return lang === 'ar' ? LEXICONS.ar : LEXICONS.en;
}

/** Longest phrase of `idx` starting at token i: first word by clitic-free form, the rest by norm. */
export function matchPhrase<V>(tokens: Token[], i: number, idx: PhraseIndex<V>): { end: number; value: V; first: string } | null {
  const t = tokens[i];
  if (!t) return null;
  const key = core(t);
  const list = idx.get(key) ?? (key !== t.base ? idx.get(t.base) : undefined);
  if (!list) return null;
  outer: for (const [words, value] of list) {
    if (i + words.length > tokens.length) continue;
    for (let k = 1; k < words.length; k++) {
      const tk = tokens[i + k];
      // hyphenated English phrases (dhu al-hijjah) are matched word by word, hyphens skipped
      if (tk.norm !== words[k]) continue outer;
    }
    return { end: i + words.length, value, first: words[0] };
  }
  return null;
}
