// Dictionary matching of registry and gazetteer names over the atom stream: longest match wins,
// clitics are tolerated (لـ«داعش», وبروكسل), Latin case is checked (ISIS, not "is").
import type { Atom } from './text.js';
import { nameAtoms, startAfterClitic } from './text.js';
import { registry, stripArticle, type Organization } from './organizations.js';
import { gazetteer, type Place } from './gazetteer.js';
import { adjectiveTable } from './adjectives.js';

export type MatchTarget =
  | { kind: 'org'; org: Organization; weak: boolean }
  | { kind: 'place'; places: Place[] }
  | { kind: 'adjective'; country: string };

type CaseRule = 'upper' | 'capital' | 'any';

interface Entry {
  atoms: string[];
  cases: CaseRule[];
  target: MatchTarget;
  /** lower wins on ties at the same length */
  priority: number;
}

export interface DictMatch {
  start: number;
  end: number;
  /** first and one-past-last atom index */
  from: number;
  to: number;
  target: MatchTarget;
}

let memo: Map<string, Entry[]> | undefined;
/** Bit set over the hashes of the index keys: most words of a text are no key, and a hash of their
 * code units answers that without slicing off the article or looking the string up. */
let keyBits: Uint8Array | undefined;
const KEY_BITS = 1 << 20;

/** FNV-1a over s[from..], folded to KEY_BITS. */
function keyHash(s: string, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (KEY_BITS - 1);
}

function caseRule(written: string): CaseRule {
  if (/[\u0600-\u06FF]/.test(written)) return 'any';
  if (written.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(written) && /\p{Lu}/u.test(written)) return 'upper';
  return /^\p{Lu}/u.test(written) ? 'capital' : 'any';
}

/** Latin words written in lower case inside a place's name. */
const NAME_INNER_WORDS = new Set(['of', 'the', 'and', 'de', 'del', 'da', 'do', 'dos', 'la', 'le', 'les', 'el', 'al', 'upon', 'on', 'in', 'en', 'y', 'e']);

function addEntry(index: Map<string, Entry[]>, written: string, target: MatchTarget, priority: number, folded?: string[]): void {
  const atoms = (folded ?? nameAtoms(written)).map(stripArticle);
  if (atoms.length === 0) return;
  const rawAtoms = folded ? [] : written.match(/\p{N}+|[\u0600-\u06FF]+|[\p{L}\p{M}]+/gu) ?? [];
  // gazetteer keys come folded: Latin place names are proper names, so they must be capitalised in
  // text, all but the small words inside them (Democratic Republic of Congo, Gulf of Aden)
  const cases = atoms.map((a, i) => (folded ? (/[a-z]/.test(a) && !(i > 0 && NAME_INNER_WORDS.has(a)) ? 'capital' : 'any') : caseRule(rawAtoms[i] ?? '')));
  const list = index.get(atoms[0]) ?? [];
  list.push({ atoms, cases, target, priority });
  index.set(atoms[0], list);
}

/** Index of all names worth finding in running text, built once per process. */
export function dictionary(): Map<string, Entry[]> {
  if (memo) return memo;
  const index = new Map<string, Entry[]>();
  for (const org of registry().orgs) {
    const weak = new Set((org.weak ?? []).map((w) => nameAtoms(w).join(' ')));
    for (const a of [...org.ar, ...org.en]) addEntry(index, a, { kind: 'org', org, weak: weak.has(nameAtoms(a).join(' ')) }, 0);
  }
  for (const [key, places] of gazetteer().textNames) addEntry(index, key, { kind: 'place', places }, 1, key.split(' '));
  for (const [form, iso] of adjectiveTable()) {
    const written = /[a-z]/.test(form) ? form[0].toUpperCase() + form.slice(1) : form;
    addEntry(index, written, { kind: 'adjective', country: iso }, 2);
  }
  const bits = new Uint8Array(KEY_BITS >> 3);
  for (const k of index.keys()) {
    const h = keyHash(k, 0);
    bits[h >> 3] |= 1 << (h & 7);
  }
  keyBits = bits;
  memo = index;
  return index;
}

function caseOk(rule: CaseRule, atom: Atom): boolean {
  if (rule === 'upper') return atom.upper;
  if (rule === 'capital') return atom.capital;
  return true;
}

/**
 * The atom's lookup forms, flat: [lookup form, the clitic-stripped form it came from, …] (one pair
 * per distinct lookup form, in the order of the atom's forms).
 */
function lookupPairs(atom: Atom): string[] {
  const forms = atom.forms;
  if (forms.length === 1) return [stripArticle(forms[0]), forms[0]];
  const out: string[] = [];
  for (const f of forms) {
    const s = stripArticle(f);
    let k = 0;
    while (k < out.length && out[k] !== s) k += 2;
    if (k === out.length) out.push(s, f);
    else if (f.length > out[k + 1].length && atom.norm.endsWith(f)) out[k + 1] = f; // keep the article in the span: والموصل → الموصل
  }
  return out;
}

/** Whether some form of the atom starts an entry; the forms are looked at in place (norm, base,
 * norm past each proclitic) without making the atom's list of them. */
function startsSomeEntry(index: Map<string, Entry[]>, atom: Atom): boolean {
  const norm = atom.norm;
  if (keyAt(index, norm, 0)) return true;
  const base = atom.base;
  if (base !== undefined && base !== norm && keyAt(index, base, 0)) return true;
  const mask = atom.stripped;
  for (let l = 1; l <= 4; l++) if ((mask & (1 << (l - 1))) !== 0 && keyAt(index, norm, l)) return true;
  return false;
}

/** Is the form s.slice(from), its article dropped, a key of the index? The bit set answers most. */
function keyAt(index: Map<string, Entry[]>, s: string, from: number): boolean {
  const art = s.length - from > 3 && s.charCodeAt(from) === 0x0627 && s.charCodeAt(from + 1) === 0x0644 ? 2 : 0;
  const h = keyHash(s, from + art);
  return (keyBits![h >> 3] & (1 << (h & 7))) !== 0 && index.has(s.slice(from + art));
}

function hasLookupForm(pairs: string[], form: string): boolean {
  for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === form) return true;
  return false;
}

/** Scan the atoms left to right; at each position take the longest entry, then the best priority. */
export function scanDictionary(atoms: Atom[]): DictMatch[] {
  const index = dictionary();
  const out: DictMatch[] = [];
  // an atom's lookup forms are needed at its own position and again inside longer entries
  const pairsAt: Array<string[] | undefined> = new Array(atoms.length);
  for (let i = 0; i < atoms.length; ) {
    // most atoms start no name: answer that without building their lookup forms
    if (pairsAt[i] === undefined && !startsSomeEntry(index, atoms[i])) { i++; continue; }
    let best: Entry | null = null;
    let bestLen = 0;
    let bestExact = false;
    let bestForm = '';
    const firstForms = (pairsAt[i] ??= lookupPairs(atoms[i]));
    for (let fi = 0; fi < firstForms.length; fi += 2) {
      const entries = index.get(firstForms[fi]);
      if (!entries) continue;
      const exact = fi === 0;
      for (const e of entries) {
        const len = e.atoms.length;
        if (i + len > atoms.length || !caseOk(e.cases[0], atoms[i])) continue;
        let ok = true;
        for (let j = 1; j < len && ok; j++) {
          const a = atoms[i + j];
          ok = !a.breakBefore && caseOk(e.cases[j], a) && hasLookupForm((pairsAt[i + j] ??= lookupPairs(a)), e.atoms[j]);
        }
        if (!ok) continue;
        if (!best || len > bestLen || (len === bestLen && ((exact && !bestExact) || (exact === bestExact && e.priority < best.priority)))) {
          best = e;
          bestLen = len;
          bestExact = exact;
          bestForm = firstForms[fi + 1];
        }
      }
    }
    if (best) {
      const to = i + bestLen;
      out.push({ start: startAfterClitic(atoms[i], bestForm), end: atoms[to - 1].end, from: i, to, target: best.target });
      i = to;
    } else i++;
  }
  return out;
}
