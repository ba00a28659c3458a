// Sentence splitting over the token stream: paragraph and line breaks, final punctuation outside
// quotes, headings (short unpunctuated lines) and bullets. Spans index the original text.
import type { Sentence, Token } from '../core/types.js';
import arData from './ar/data/segment.json' with { type: 'json' };
import enData from './en/data/segment.json' with { type: 'json' };

const AR_ABBREV = new Set<string>(arData.abbreviations);
const EN_ABBREV = new Set<string>(enData.abbreviations);
/** . ! ? ؟ ؛ … end sentences; the Arabic comma ، does not. */
const TERMINATORS = new Set(['.', '!', '?', '؟', '؛', '…', '...', '..', '....']);
const ELLIPSES = new Set(['…', '...', '..', '....']);
const CLOSERS = new Set(['»', '”', '’', ')', ']', '}', '"', "'", '›']);
const QUOTE_OPEN = new Set(['«', '“', '‹']);
const QUOTE_CLOSE = new Set(['»', '”', '›']);
const BULLETS = new Set(['•', '●', '▪', '■', '◦', '◆', '►', '-', '–', '—', '*', '·', '○', '✓', '✔']);
const NO_HEADING_END = new Set(['،', ',', ':', '؛', ';']);
/** a line with at most this many word tokens and no final punctuation reads as a heading */
const HEADING_MAX_WORDS = 12;
/** quotes left open longer than this are taken as unbalanced and stop suppressing splits */
const QUOTE_MAX_TOKENS = 120;

function newlinesBetween(text: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) k++;
  return k;
}

/** Split `text` (already tokenised into `tokens`) into sentences. */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  const startsLine = (k: number) => k === 0 || newlinesBetween(text, tokens[k - 1].end, tokens[k].start) > 0;
  let first = 0; // first token of the open sentence
  let quoteDepth = 0;
  let straightOpen = false;
  let quoteSince = -1;

  const close = (endTok: number, atLineEnd: boolean) => {
    if (endTok <= first) return;
    const s: Sentence = { start: tokens[first].start, end: tokens[endTok - 1].end, firstToken: first, endToken: endTok };
    if (isHeading(tokens, first, endTok, startsLine(first), atLineEnd)) s.heading = true;
    out.push(s);
    first = endTok;
  };
  const resetQuotes = () => { quoteDepth = 0; straightOpen = false; quoteSince = -1; };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > first) {
      const nl = newlinesBetween(text, tokens[i - 1].end, t.start);
      // a line break ends the sentence unless the line plainly continues (wrapped English prose)
      if (nl >= 2 || (nl === 1 && !continuesLine(tokens[i - 1], t))) { close(i, true); resetQuotes(); }
    }
    if (t.kind !== 'punct') {
      if (quoteSince >= 0 && i - quoteSince > QUOTE_MAX_TOKENS) resetQuotes();
      continue;
    }
    const s = t.text;
    if (QUOTE_OPEN.has(s)) { if (quoteDepth === 0 && !straightOpen) quoteSince = i; quoteDepth++; continue; }
    let endsQuote = false;
    if (QUOTE_CLOSE.has(s)) {
      if (quoteDepth > 0) quoteDepth--;
      endsQuote = quoteDepth === 0 && !straightOpen;
    } else if (s === '"') {
      straightOpen = !straightOpen;
      if (straightOpen) { if (quoteDepth === 0) quoteSince = i; continue; }
      endsQuote = quoteDepth === 0;
    }
    // «… المكان.» ثم: a quote that closes right after final punctuation ends the sentence with it
    if (endsQuote) {
      const prev = tokens[i - 1];
      if (!prev || prev.end !== t.start || prev.kind !== 'punct' || !TERMINATORS.has(prev.text) || ELLIPSES.has(prev.text)) continue;
    } else if (!TERMINATORS.has(s) || quoteDepth > 0 || straightOpen) continue;
    if (!endsQuote && s === '.' && isAbbreviationDot(tokens, i)) continue;
    // take closing quotes, brackets and further marks that follow the terminator directly
    let j = i + 1;
    while (j < tokens.length && tokens[j].kind === 'punct' && tokens[j].start === tokens[j - 1].end && (CLOSERS.has(tokens[j].text) || TERMINATORS.has(tokens[j].text))) j++;
    const next = tokens[j];
    if (next) {
      const glued = next.start === tokens[j - 1].end;
      // 3.5, www.site.com, e.g. foo: a dot glued to a digit or Latin word, or a lower-case continuation
      if (s === '.' && glued && (next.kind === 'number' || isLatin(next.text))) continue;
      if (isLowerLatin(next.text) && (s === '.' || ELLIPSES.has(s)) && newlinesBetween(text, tokens[j - 1].end, next.start) === 0) continue;
    }
    const atLineEnd = !next || newlinesBetween(text, tokens[j - 1].end, next.start) > 0;
    close(j, atLineEnd);
    i = j - 1;
  }
  close(tokens.length, true);
  return out;
}

function isHeading(tokens: Token[], first: number, end: number, lineStart: boolean, lineEnd: boolean): boolean {
  const head = tokens[first];
  if (lineStart && BULLETS.has(head.text) && end > first + 1 && (head.text !== '-' || tokens[first + 1].start > head.end)) return true;
  if (!lineStart || !lineEnd) return false;
  let words = 0;
  for (let k = first; k < end; k++) if (tokens[k].kind === 'word' || tokens[k].kind === 'number') words++;
  if (words === 0 || words > HEADING_MAX_WORDS) return false;
  const last = tokens[end - 1];
  return !endsWithFinal(tokens, first, end) && !NO_HEADING_END.has(last.text);
}

function endsWithFinal(tokens: Token[], first: number, end: number): boolean {
  for (let k = end - 1; k >= first; k--) {
    const t = tokens[k];
    if (t.kind === 'punct' && CLOSERS.has(t.text)) continue;
    return t.kind === 'punct' && TERMINATORS.has(t.text) && !ELLIPSES.has(t.text);
  }
  return false;
}

function continuesLine(prev: Token, next: Token): boolean {
  // only hard-wrapped Latin prose continues across a single newline
  if (!isLowerLatin(next.text)) return false;
  return prev.text === ',' || (prev.kind === 'word' && isLatin(prev.text));
}

function isLatin(s: string): boolean {
  const c = s.charCodeAt(0) | 0x20;
  return c >= 97 && c <= 122;
}

function isLowerLatin(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
}

function isAbbreviationDot(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.end !== tokens[i].start || prev.kind !== 'word') return false;
  const before = tokens[i - 2];
  const standalone = !before || before.end < prev.start;
  // single capital initial: J. Smith, U.S.
  if (prev.text.length === 1 && prev.text >= 'A' && prev.text <= 'Z') return true;
  if (EN_ABBREV.has(prev.norm)) return standalone || before?.text === '.';
  // د. أحمد — but not the م of 2015م. at the end of a sentence
  return standalone && AR_ABBREV.has(prev.norm);
}
