// Number-word lexicons (Arabic and English data files) compiled into Maps once, and the phrase
// matcher both the number finder and the date finder use on token sequences.
import type { Token } from '../core/types.js';
import ar from './ar/data/numbers.json' with { type: 'json' };
import en from './en/data/numbers.json' with { type: 'json' };

export interface NumberLexicon {
  units: Map<string, number>;
  teenUnits: Map<string, number>;
  teenTens: Set<string>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  hundredAfterUnit: Set<string>;
  multipliers: Map<string, number>;
  dozen: Map<string, number>;
  vague: Map<string, number>;
  noArticle: Set<string>;
  duals: Map<string, string>;
  approxBefore: string[][];
  approxAfter: string[][];
  percentAfter: string[][];
  yearBefore: Set<string>;
  yearAfter: Set<string>;
  /** every word that can begin a number (units, tens, vague plurals, duals…) */
  starters: Set<string>;
}

const map = (o: Record<string, number> | undefined) => new Map(Object.entries(o ?? {}));
const phrases = (l: string[]) => l.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

function compile(d: typeof ar | typeof en): NumberLexicon {
  const x = d as Partial<typeof ar> & Partial<typeof en>;
  const duals = new Map<string, string>();
  for (const sg of x.duals ?? []) {
    // dual of a ta-marbuta noun swaps ه for ت (سياره → سيارتين); nisba nouns add to their ي (جنديين)
    const stem = sg.endsWith('ه') ? sg.slice(0, -1) + 'ت' : sg;
    for (const ending of ['ين', 'ان', 'ا', 'ي']) {
      if ((ending === 'ا' || ending === 'ي') && !sg.endsWith('ه')) continue; // construct state: سيارتا، عمليتي
      duals.set(stem + ending, sg);
    }
  }
  const starters = new Set<string>([
    ...Object.keys(x.units ?? {}), ...Object.keys(x.teenUnits ?? {}), ...Object.keys(x.tens ?? {}), ...Object.keys(x.hundreds ?? {}),
    ...Object.keys(x.multipliers ?? {}), ...Object.keys(x.vague ?? {}), ...Object.keys(x.dozen ?? {}), ...duals.keys(),
  ]);
  if (x.dozen) starters.add('a'); // a dozen, a hundred
  return {
    starters,
    units: map(x.units),
    teenUnits: map(x.teenUnits),
    teenTens: new Set(x.teenTens ?? []),
    tens: map(x.tens),
    hundreds: map(x.hundreds),
    hundredAfterUnit: new Set(x.hundredAfterUnit ?? []),
    multipliers: map(x.multipliers),
    dozen: map(x.dozen),
    vague: map(x.vague),
    noArticle: new Set(x.noArticle ?? []),
    duals,
    approxBefore: phrases(x.approxBefore ?? []),
    approxAfter: phrases(x.approxAfter ?? []),
    percentAfter: phrases(x.percentAfter ?? []),
    yearBefore: new Set(x.yearBefore ?? []),
    yearAfter: new Set(x.yearAfter ?? []),
  };
}

const LEXICONS = { ar: compile(ar), en: compile(en) };

export function numberLexicon(lang: string): NumberLexicon {
  return lang === 'ar' ? LEXICONS.ar : LEXICONS.en;
}

/** The form number and date lexicons key on: the clitic-free base in Arabic, the lower-cased norm otherwise. */
export function lexWord(t: Token, lang: string): string {
  return lang === 'ar' ? t.base : t.norm;
}

/** The word a token stands for in lexicon look-ups: its norm with every clitic but ال removed. */
export function core(t: Token): string {
  if (t.prefixes.length === 0) return t.norm;
  return t.prefixes[t.prefixes.length - 1] === 'ال' ? 'ال' + t.base : t.base;
}

/** Does phrase `p` occur in tokens ending just before index `end`? Returns its first token or -1. */
export function phraseBefore(tokens: Token[], end: number, p: string[]): number {
  const start = end - p.length;
  if (start < 0) return -1;
  for (let k = 0; k < p.length; k++) {
    const t = tokens[start + k];
    if (t.norm !== p[k] && (k > 0 || core(t) !== p[k])) return -1;
  }
  return start;
}

/** Does phrase `p` start at token `start`? Returns the index after it or -1. */
export function phraseAt(tokens: Token[], start: number, p: string[]): number {
  if (start + p.length > tokens.length) return -1;
  for (let k = 0; k < p.length; k++) {
    const t = tokens[start + k];
    if (t.norm !== p[k] && (k > 0 || core(t) !== p[k])) return -1;
  }
  return start + p.length;
}
