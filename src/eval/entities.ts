// `marsad eval entities --conll FILE`: the entities an analyst sees (tagger, knowledge-base
// dictionary and name rules together, after linking) scored against a gold CoNLL file, person /
// organisation / place. Each gold sentence is analysed as a document of its own. A name counts as
// found exactly when the entity's mention covers the same tokens, and as found when a mention of
// that type overlaps it: the knowledge base names a group with its head noun (حركة الشباب) where
// ANERcorp's convention leaves the noun outside (حركة [الشباب]), and both are the right group.
import { writeLine, type IO } from '../cli/command.js';
import { analyzeText } from '../commands/analyze.js';
import { conllSentences } from '../model/conll.js';
import { readGoldConll } from './ner.js';
import { canonicalTag, tagsToSpans } from '../model/tags.js';

const TYPE_OF: Record<string, string> = { person: 'PER', organization: 'ORG', location: 'LOC' };
const TYPES = ['PER', 'ORG', 'LOC'] as const;

export interface EntityTypeScore {
  gold: number;
  predicted: number;
  /** gold names a mention of the type covers exactly */
  exact: number;
  /** gold names a mention of the type overlaps */
  overlapping: number;
  /** predicted mentions that overlap a gold name of their type */
  right: number;
}

type Span = [start: number, end: number, type: string];

/** Score the entity layer on sentences given as tokens and gold tags (BIO, any of our type spellings). */
export function scoreEntities(sentences: ReadonlyArray<{ tokens: readonly string[]; tags: readonly string[] }>, lang: 'ar' | 'en' | 'auto'): Record<string, EntityTypeScore> {
  const out: Record<string, EntityTypeScore> = {};
  for (const t of TYPES) out[t] = { gold: 0, predicted: 0, exact: 0, overlapping: 0, right: 0 };
  for (const s of sentences) {
    // the tokens joined by spaces: a character offset maps back to its token
    const text = s.tokens.join(' ');
    const starts: number[] = [];
    let at = 0;
    for (const t of s.tokens) {
      starts.push(at);
      at += t.length + 1;
    }
    const tokenAt = (c: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= c) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const analysis = analyzeText({ text, lang: lang === 'auto' ? undefined : lang, published: null, title: null });
    // cleaning may trim the text; mentions are offsets into the analysed text
    const shift = analysis.text.indexOf(text);
    const predicted: Span[] = [];
    for (const e of analysis.entities) {
      const type = TYPE_OF[e.type];
      if (!type || shift < 0) continue;
      for (const m of e.mentions) predicted.push([tokenAt(m.start - shift), tokenAt(m.end - 1 - shift) + 1, type]);
    }
    const gold: Span[] = tagsToSpans(s.tags.map(canonicalTag)).filter((g) => g.type in out).map((g) => [g.start, g.end, g.type]);
    const overlaps = (a: Span, b: Span) => a[2] === b[2] && a[0] < b[1] && b[0] < a[1];
    for (const g of gold) {
      const c = out[g[2]];
      c.gold++;
      if (predicted.some((p) => p[0] === g[0] && p[1] === g[1] && p[2] === g[2])) c.exact++;
      if (predicted.some((p) => overlaps(p, g))) c.overlapping++;
    }
    for (const p of predicted) {
      const c = out[p[2]];
      c.predicted++;
      if (gold.some((g) => overlaps(p, g))) c.right++;
    }
  }
  return out;
}

export function formatEntityScores(scores: Record<string, EntityTypeScore>): string {
  const pct = (a: number, b: number) => `${(b ? (100 * a) / b : 0).toFixed(1)}%`;
  const rows = ['type    gold   exact  overlap  precision', ...Object.entries(scores).map(([type, c]) =>
    `${type.padEnd(6)}${String(c.gold).padStart(6)}${pct(c.exact, c.gold).padStart(8)}${pct(c.overlapping, c.gold).padStart(9)}${pct(c.right, c.predicted).padStart(11)}`)];
  rows.push('exact / overlap: gold names an entity mention covers exactly / overlaps; precision: mentions that overlap a gold name of their type');
  return rows.join('\n');
}

export async function runEvalEntities(args: string[], io: IO): Promise<number> {
  const { lines, lang, json } = await readGoldConll(args, io, 'entities');
  const scores = scoreEntities(conllSentences(lines), lang);
  writeLine(io.stdout, json ? JSON.stringify(scores, null, 2) : formatEntityScores(scores));
  return 0;
}
