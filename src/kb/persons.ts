// People in one document: a rule-based finder (a fallback beside the trained tagger), then
// coreference — مسعود after خالد مسعود, Masood beside مسعود — into one canonical person each.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Span } from '../core/types.js';
import { fold, isArabic, startAfterClitic, type Atom } from './text.js';
import { nameData, sharedNameTokens, personId, personKey, romanizeName, isCommonGivenName } from './names.js';
import { skeleton } from './translit.js';
import { countryOfAdjective } from './adjectives.js';

interface NameParts {
  first: Set<string>;
  part: Set<string>;
  common: Set<string>;
  /** folded Arabic words that may start a name: kunyas (أبو, أم), given names, first names */
  arabicTriggers: Set<string>;
}
let partsMemo: NameParts | undefined;

function nameParts(): NameParts {
  if (partsMemo) return partsMemo;
  const raw = JSON.parse(gunzipSync(readFileSync(new URL('../../models/kb/name-parts.json.gz', import.meta.url))).toString('utf8')) as { first: string[]; part: string[]; common: string[] };
  const lex = nameData();
  const first = new Set(raw.first);
  const part = new Set(raw.part);
  for (const [ar] of lex.spelling) part.add(ar);
  const arabicTriggers = new Set([...lex.given, ...first]);
  for (const [ar, en] of lex.particles) if (en === 'abu' || en === 'umm') arabicTriggers.add(ar);
  partsMemo = { first, part, common: new Set(raw.common), arabicTriggers };
  return partsMemo;
}

/** Words that end a name even when they look like one. */
const STOP = new Set(['ان', 'انه', 'انها', 'الذي', 'التي', 'في', 'من', 'على', 'علي', 'الي', 'عن', 'مع', 'هو', 'هي', 'قد', 'لم', 'لا', 'ما', 'بن', 'ابن'].map(fold));
const TRIGGER_LATIN = /^(Mr|Mrs|Ms|Dr|Colonel|Col|General|Gen|Sheikh|President|Minister)$/;

/** Person-name spans found by rule: a known first name or a kunya (أبو X), then name parts. */
export function findPersonNames(atoms: Atom[], covered: (i: number) => boolean): Span[] {
  const parts = nameParts();
  const lex = nameData();
  const out: Span[] = [];
  for (let i = 0; i < atoms.length; i++) {
    if (covered(i)) continue;
    const a = atoms[i];
    const ar = isArabic(a.norm);
    // most words start no name: one look-up (Arabic) or the case (Latin) says so
    if (ar ? !parts.arabicTriggers.has(a.norm) : !a.capital) continue;
    const kunya = ar && (lex.particles.get(a.norm) === 'abu' || lex.particles.get(a.norm) === 'umm');
    // على (the preposition) folds to علي (Ali): the written alef maqsura tells them apart
    const preposition = ar && (a.norm === 'علي' || a.norm === 'وعلي' || a.norm === 'فعلي') && /^[وف]?على$/.test(a.text.replace(/[\u064B-\u0652\u0640]/g, ''));
    const trigger = preposition ? false : ar ? kunya || lex.given.has(a.norm) || parts.first.has(a.norm) : a.capital && (lex.given.has(a.norm) || TRIGGER_LATIN.test(a.text));
    if (!trigger) continue;
    let j = i + 1;
    let unknown = 0;
    const startAtom = ar || !TRIGGER_LATIN.test(a.text) ? i : i + 1;
    while (j < atoms.length && j - startAtom < 4 && !atoms[j].breakBefore && !covered(j)) {
      const t = atoms[j];
      if (ar) {
        if (!isArabic(t.norm) || STOP.has(t.norm)) break;
        const nisba = t.norm.startsWith('ال') && t.norm.endsWith('ي');
        // an article word is a family name only right after a lone first name (سامي الحداد), never a
        // third word (خالد عكاشة المحلل: the analyst)
        if (t.norm.startsWith('ال') && !nisba && !parts.part.has(t.norm) && (j - startAtom > 1 || parts.common.has(t.norm))) break;
        if (nisba && countryOfAdjective(t.norm) && !kunya) break; // خالد مسعود البريطاني: the adjective is not his name
        const known = parts.part.has(t.norm) || lex.spelling.has(t.norm) || lex.particles.has(t.norm) || /^عبد/.test(t.norm);
        if (!known) {
          if (parts.common.has(t.norm) || unknown >= 1) break;
          unknown++;
        }
      } else if (!t.capital || t.upper) break;
      j++;
    }
    if (j - startAtom >= 2) {
      out.push({ start: atoms[startAtom].start, end: atoms[j - 1].end, text: '' });
      i = j - 1;
    }
  }
  return out;
}

export interface PersonCluster {
  id: string;
  name: string;
  nameAr: string | null;
  key: string;
  /** the fullest form, used for screening */
  fullName: string;
  mentions: Span[];
}

/** A name token with its cross-script skeleton, computed once per mention rather than per comparison. */
interface Tok { t: string; sk: string }

const toTok = (t: string): Tok => ({ t, sk: skeleton(t) });
const sameTok = (a: Tok, b: Tok) => a.t === b.t || (a.sk !== '' && a.sk === b.sk);

/** Is `short` a part of `long` (every token of short matches a token of long, across scripts)? */
function partOf(short: Tok[], long: Tok[]): boolean {
  return short.every((s) => long.some((l) => sameTok(s, l)));
}

/**
 * Group person mentions of one document. Full names found first; a shorter mention joins the one
 * cluster it is part of; a lone common first name joins nothing. Afterwards every further bare
 * occurrence of a cluster's family name is added as a mention.
 */
export function clusterPersons(mentions: Span[], atoms: Atom[], covered: (i: number) => boolean): PersonCluster[] {
  const withToks = mentions.map((m) => ({ m, toks: sharedNameTokens(m.text).map(toTok) })).filter((x) => x.toks.length > 0);
  withToks.sort((a, b) => b.toks.length - a.toks.length || a.m.start - b.m.start);
  const clusters: Array<{ full: { m: Span; toks: Tok[] }; members: Span[] }> = [];
  for (const x of withToks) {
    const home = clusters.filter((c) => partOf(x.toks, c.full.toks));
    if (home.length === 1) { home[0].members.push(x.m); continue; }
    if (home.length > 1) continue; // ambiguous short form: leave it out rather than guess
    if (x.toks.length === 1 && isCommonGivenName(x.toks[0].t)) continue;
    if (x.toks.length === 1) continue; // a single name with no fuller mention to anchor it
    clusters.push({ full: x, members: [x.m] });
  }
  // bare family names later in the text: "مسعود" after "خالد مسعود"
  const bare: Array<{ c: (typeof clusters)[number]; last: Tok; folded: string }> = [];
  for (const c of clusters) {
    const last = c.full.toks[c.full.toks.length - 1];
    const folded = fold(last.t);
    if (isCommonGivenName(last.t) || folded.replace(/^ال/, '').length < 3) continue;
    if (clusters.some((o) => o !== c && o.full.toks.some((t) => sameTok(t, last)))) continue;
    bare.push({ c, last, folded });
  }
  if (bare.length > 0) {
    // one pass over the atoms for all clusters (each cluster only adds to its own members); an atom
    // without a Latin form can only match by carrying a folded family name as one of its forms
    const latin = latinAtoms(atoms);
    const targetList = [...new Set(bare.map((b) => b.folded))];
    // a form can only be a target if it ends in the last letter of one: most atoms are answered by
    // that, without a look-up
    const lastUnits = [...new Set(bare.map((b) => b.folded.charCodeAt(b.folded.length - 1)))];
    for (let i = 0; i < atoms.length; i++) {
      const a = atoms[i];
      if (latin[i] === 0 && !(endsInOneOf(a, lastUnits) && hasFormIn(a, targetList))) continue;
      const forms = a.forms;
      if (covered(i)) continue;
      // a lower-case Latin word is no family name, however its skeleton falls (Farah ~ for, four)
      if (latin[i] !== 0 && !isArabic(a.norm) && !a.capital) continue;
      for (const { c, last, folded } of bare) {
        let hit: string | undefined;
        for (const f of forms) {
          if (f === folded || (!isArabic(f) && (f === last.t || (last.sk !== '' && skeleton(f) === last.sk)))) { hit = f; break; }
        }
        if (!hit) continue;
        if (c.members.some((m) => m.start <= a.start && a.end <= m.end)) continue;
        c.members.push({ start: startAfterClitic(a, hit), end: a.end, text: '' }); // ومسعود → مسعود
      }
    }
  }
  return clusters.map((c) => {
    const members = c.members.sort((a, b) => a.start - b.start || a.end - b.end);
    const latin = withToks.find((x) => members.includes(x.m) && !isArabic(x.m.text) && x.toks.length === c.full.toks.length);
    const arabic = withToks.find((x) => members.includes(x.m) && isArabic(x.m.text) && x.toks.length === c.full.toks.length);
    const basis = latin?.m.text ?? c.full.m.text;
    return {
      id: personId(basis),
      name: latin ? latin.m.text.trim() : romanizeName(basis),
      nameAr: arabic ? arabic.m.text.trim() : null,
      key: personKey(basis),
      fullName: c.full.m.text,
      mentions: members,
    };
  });
}

/** Whether some form of the atom ends in one of the units: its forms end as its norm does, but for the base. */
function endsInOneOf(a: Atom, units: number[]): boolean {
  if (units.includes(a.norm.charCodeAt(a.norm.length - 1))) return true;
  return a.base !== undefined && a.base !== a.norm && units.includes(a.base.charCodeAt(a.base.length - 1));
}

/** Whether one of the targets is among the atom's forms (norm, base, norm past a proclitic), without making the list. */
function hasFormIn(a: Atom, targets: string[]): boolean {
  const norm = a.norm;
  for (const t of targets) {
    if (t === norm || t === a.base) return true;
    const d = norm.length - t.length;
    if (d > 0 && norm.endsWith(t)) {
      if (d <= 4 && (a.stripped & (1 << (d - 1))) !== 0) return true;
    }
  }
  return false;
}

/** 1 for the atoms with a form outside Arabic script (looked at in place, as in startsSomeEntry). */
function latinAtoms(atoms: Atom[]): Uint8Array {
  const out = new Uint8Array(atoms.length);
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    const norm = a.norm;
    if (!isArabic(norm) || (a.base !== undefined && a.base !== norm && !isArabic(a.base))) { out[i] = 1; continue; }
    const mask = a.stripped;
    for (let l = 1; l <= 4 && mask !== 0; l++) if ((mask & (1 << (l - 1))) !== 0 && !isArabicFrom(norm, l)) { out[i] = 1; break; }
  }
  return out;
}

/** isArabic(s.slice(from)) without the slice. */
function isArabicFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x06ff && (c <= 0x064a || (c >= 0x0671 && c <= 0x06d3) || c >= 0x06fa)) return true;
  }
  return false;
}

/**
 * True when a mention names the byline author (same tokens across scripts, in any order); the
 * author's tokens are computed once.
 */
export function authorNameTest(author: string | null): (mention: string) => boolean {
  if (!author) return () => false;
  const a = sharedNameTokens(author).map(toTok);
  return (mention) => {
    const m = sharedNameTokens(mention).map(toTok);
    return m.length > 0 && a.length > 0 && partOf(m, a) && (m.length >= 2 || !isCommonGivenName(m[0].t));
  };
}
