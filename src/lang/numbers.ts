// Numbers in text: digits in any script (with thousands separators and decimals), Arabic and
// English number words with compounds (خمسة وعشرين، مئة وعشرين، twenty-one), duals (قتيلين),
// vague plurals (عشرات، dozens) and approximation markers (نحو، أكثر من، at least).
import type { NumberMention, Token } from '../core/types.js';
import { afterProclitics } from './tokenize.js';
import { type NumberLexicon, core, lexWord, numberLexicon, phraseAt, phraseBefore } from './number-lexicon.js';

export interface ParsedNumber {
  value: number;
  /** index one past the last token of the number */
  end: number;
  approx: boolean;
  noun?: string;
}

/** Parse a digit token's norm: 1,200 · 1.5 · ٣٫٥ · 12,5 (European decimal only when not a thousands group). */
export function digitValue(norm: string): number {
  let s = norm.replace(/[\u066c]/g, ',').replace(/\u066b/g, '.');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/** A number starting at token `i` (digits or words), without approximation markers; null if none. */
export function parseNumberAt(tokens: Token[], i: number, lang: string): ParsedNumber | null {
  const lex = numberLexicon(lang);
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'number') {
    const v = digitValue(t.base);
    if (Number.isNaN(v)) return null;
    let end = i + 1;
    let value = v;
    // "12 ألف", "1.5 million": a multiplier word right after digits
    const next = tokens[end];
    if (next && next.kind === 'word' && next.prefixes.length === 0) {
      const m = lex.multipliers.get(next.norm);
      if (m !== undefined && m >= 1000) { value = v * (m === 2000 || m === 2000000 || m === 2000000000 ? m / 2 : m); end++; }
    }
    return { value: round(value), end, approx: false };
  }
  if (t.kind !== 'word') return null;
  return parseWords(tokens, i, lex, lang);
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Arabic/English number words: units, teens, tens, hundreds, multipliers joined by و / and / hyphens. */
function parseWords(tokens: Token[], i: number, lex: NumberLexicon, lang: string): ParsedNumber | null {
  const first = tokens[i];
  const w0 = lexWord(first, lang);
  if (lang === 'ar' && first.prefixes.includes('ال') && lex.noArticle.has(w0)) return null; // الاثنين = Monday
  const dual = lex.duals.get(w0);
  if (dual !== undefined) return { value: 2, end: i + 1, approx: false, noun: dual };
  let total = 0;
  let current = 0;
  let approx = false;
  let seen = false;
  let lastKind = '';
  let k = i;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t.kind !== 'word') break;
    // after the first word only a bare word or one joined by و / "and" continues the number
    if (k > i) {
      const p = t.prefixes;
      // عشرات الآلاف: a vague plural takes a multiplier with the article
      const joined = lang !== 'ar' || p.length === 0 || (p.length === 1 && p[0] === 'و' && lastKind !== 'vague') ||
        (lastKind === 'vague' && p.length === 1 && p[0] === 'ال');
      if (!joined) break;
    }
    const w = lexWord(t, lang);
    let v: number | undefined;
    if ((v = lex.units.get(w)) !== undefined || (lang === 'ar' && (v = lex.teenUnits.get(w)) !== undefined)) {
      if (lastKind === 'unit' || lastKind === 'teen' || lastKind === 'ten' && lang === 'ar') break;
      const nx = tokens[k + 1];
      if (lang === 'ar' && nx && nx.prefixes.length === 0 && lex.teenTens.has(nx.norm) && v < 10) { current += 10 + v; k += 2; lastKind = 'teen'; seen = true; continue; }
      if (lang === 'ar' && lex.teenUnits.has(w)) break; // أحد alone is "one of", not a number
      current += v; lastKind = 'unit';
    } else if ((v = lex.tens.get(w)) !== undefined) {
      if (lastKind === 'ten' || lastKind === 'teen') break;
      if (lang === 'en' && lastKind === 'unit') break;
      current += v; lastKind = 'ten';
    } else if ((v = lex.hundreds.get(w)) !== undefined) {
      // ثلاث مئة = 300; "three hundred" likewise
      if (current > 0 && current < 10 && (v === 100 && (lex.hundredAfterUnit.has(w) || lang === 'en'))) current *= 100;
      else if (current > 0 && lang === 'ar') break;
      else current += v;
      lastKind = 'hundred';
    } else if ((v = lex.dozen.get(w)) !== undefined) {
      current = (current || 1) * v; lastKind = 'unit';
    } else if ((v = lex.vague.get(w)) !== undefined && !seen) {
      current = v; approx = true; lastKind = 'vague';
    } else if ((v = lex.multipliers.get(w)) !== undefined) {
      if (lastKind === 'vague') { total += current * v; current = 0; k++; break; }
      total += (current || 1) * v; current = 0; lastKind = 'mult';
    } else if (lang === 'en' && (w === 'and' || w === '-') && seen && tokens[k + 1] && isEnNumberWord(lex, tokens[k + 1].norm)) {
      k++; continue;
    } else if (lang === 'en' && w === 'a' && !seen && tokens[k + 1] && (lex.dozen.has(tokens[k + 1].norm) || lex.hundreds.has(tokens[k + 1].norm) || lex.multipliers.has(tokens[k + 1].norm))) {
      k++; continue;
    } else break;
    seen = true;
    k++;
    if (lang === 'en' && tokens[k]?.text === '-' && tokens[k].start === t.end && tokens[k + 1] && isEnNumberWord(lex, tokens[k + 1].norm)) k++;
  }
  if (!seen) return null;
  return { value: total + current, end: k, approx };
}

function isEnNumberWord(lex: NumberLexicon, w: string): boolean {
  return lex.units.has(w) || lex.tens.has(w) || lex.hundreds.has(w) || lex.multipliers.has(w);
}

/** Find every number mention in `tokens` (which index `text`). */
export function findNumbers(text: string, tokens: Token[], lang: string): NumberMention[] {
  const lex = numberLexicon(lang);
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'number' && t.kind !== 'word') continue;
    if (t.kind === 'word' && !mayStartNumber(t, lex, lang)) continue;
    const p = parseNumberAt(tokens, i, lang);
    if (!p) continue;
    let approx = p.approx;
    for (const ph of lex.approxBefore) if (phraseBefore(tokens, i, ph) >= 0) { approx = true; break; }
    // "7 على الأقل", "seven people at least": right after the number or after its counted noun
    if (!approx) for (const ph of lex.approxAfter) if (phraseAt(tokens, p.end, ph) >= 0 || (tokens[p.end]?.kind === 'word' && phraseAt(tokens, p.end + 1, ph) >= 0)) { approx = true; break; }
    const m: NumberMention = { start: lang === 'ar' ? afterProclitics(text, t) : t.start, end: tokens[p.end - 1].end, text: '', value: p.value, approx };
    m.text = text.slice(m.start, m.end);
    if (p.noun) m.noun = p.noun;
    const unit = unitOf(tokens, i, p.end, p.value, lex);
    if (unit) m.unit = unit;
    out.push(m);
    i = p.end - 1;
  }
  return out;
}

function mayStartNumber(t: Token, lex: NumberLexicon, lang: string): boolean {
  return lex.starters.has(lexWord(t, lang));
}

function unitOf(tokens: Token[], start: number, end: number, value: number, lex: NumberLexicon): NumberMention['unit'] {
  const t = tokens[start];
  if (t.kind === 'number') {
    for (const ph of lex.percentAfter) if (phraseAt(tokens, end, ph) >= 0) return 'percent';
    const next = tokens[end];
    if (next && (next.text === ':' ) && next.start === t.end && tokens[end + 1]?.kind === 'number') return 'time';
    const prev = tokens[start - 1];
    if (prev && prev.text === ':' && prev.end === t.start && tokens[start - 2]?.kind === 'number') return 'time';
    if (Number.isInteger(value) && end === start + 1 && /^\d{4}$/.test(t.base) && ((value >= 1900 && value <= 2100) || (value >= 1300 && value <= 1500))) {
      if (prev && lex.yearBefore.has(core(prev))) return 'year';
      if (next && next.start === t.end && lex.yearAfter.has(next.norm)) return 'year';
      if (next && lex.yearAfter.has(next.norm) && (next.norm === 'ه' || next.norm === 'هجري' || next.norm === 'هجريه')) return 'year';
    }
  }
  return undefined;
}
