// The curated organisation registry (militant groups and branches, their media, the bodies that
// monitor and fight them), looked up by any Arabic or English alias.
import { readFileSync } from 'node:fs';
import { isArabic, nameAtoms } from './text.js';

export type OrgKind = 'militant' | 'media' | 'monitor' | 'security' | 'government' | 'press' | 'platform' | 'religious';

export interface Designation {
  /** 'UN' | 'US-FTO' | 'EU-CP931' */
  list: string;
  ref: string;
  note?: string;
}

export interface Organization {
  id: string;
  name: string;
  nameAr: string;
  kind: OrgKind;
  parent: string | null;
  country?: string | null;
  ar: string[];
  en: string[];
  /** aliases that are also ordinary words: count only beside a strong alias of the same entry */
  weak?: string[];
  designations: Designation[];
  sources: string[];
  note?: string;
}

export interface Registry {
  orgs: Organization[];
  byId: Map<string, Organization>;
  /** alias key (folded atoms, article-free) → org */
  byAlias: Map<string, Organization>;
  /** alias keys of terms that read like group names but name none (الذئاب المنفردة, lone wolves) */
  never: Set<string>;
}

let memo: Registry | undefined;

/** Alias key: folded atoms with the Arabic article dropped, so الدولة and دولة meet. */
export function aliasKey(name: string): string {
  return nameAtoms(name).map(stripArticle).join(' ');
}

export function stripArticle(atom: string): string {
  return atom.length > 3 && atom.startsWith('ال') ? atom.slice(2) : atom;
}

export function registry(): Registry {
  if (memo) return memo;
  const data = JSON.parse(readFileSync(new URL('./data/organizations.json', import.meta.url), 'utf8')) as { organizations: Organization[]; never: string[] };
  const byAlias = new Map<string, Organization>();
  for (const o of data.organizations) {
    for (const a of [o.nameAr, o.name, ...o.ar, ...o.en]) {
      const k = aliasKey(a);
      if (k && !byAlias.has(k)) byAlias.set(k, o); // first entry wins: order in the file is priority
    }
  }
  const never = new Set(data.never.map(aliasKey));
  memo = { orgs: data.organizations, byId: new Map(data.organizations.map((o) => [o.id, o])), byAlias, never };
  return memo;
}

/**
 * For a one-word Arabic name that the group bears only with the article (القاعدة, not قاعدة): the
 * word without the article, and whether the name as written has it. Null for any other name.
 * (Aliases meet without the article, so that الدولة and دولة do; here the article matters.)
 */
export function articleOnlyName(name: string, org: Organization): { word: string; definite: boolean } | null {
  const atoms = nameAtoms(name);
  if (atoms.length !== 1 || !isArabic(atoms[0])) return null;
  const word = stripArticle(atoms[0]);
  const forms = oneWordArabic(org);
  if (!forms.has('ال' + word) || forms.has(word)) return null;
  return { word, definite: word !== atoms[0] };
}

const oneWordMemo = new Map<string, Set<string>>();

/** A group's one-word Arabic names as folded atoms, per group once. */
function oneWordArabic(org: Organization): Set<string> {
  let forms = oneWordMemo.get(org.id);
  if (!forms) {
    forms = new Set([org.nameAr, ...org.ar].flatMap((a) => { const x = nameAtoms(a); return x.length === 1 ? [x[0]] : []; }));
    oneWordMemo.set(org.id, forms);
  }
  return forms;
}

/** The registry entry for a name in either script (داعش, Daesh, تنظيم «داعش» الإرهابي…), or null. */
export function findOrg(name: string): Organization | null {
  const r = registry();
  const atoms = nameAtoms(name).map(stripArticle);
  const whole = r.byAlias.get(atoms.join(' '));
  if (whole) return whole;
  // a tagged span often carries a descriptor: "تنظيم داعش الإرهابي", "the militant group ISIS"
  for (let len = atoms.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= atoms.length; i++) {
      const hit = r.byAlias.get(atoms.slice(i, i + len).join(' '));
      if (hit && !(hit.weak ?? []).some((w) => aliasKey(w) === atoms.slice(i, i + len).join(' '))) return hit;
    }
  }
  return null;
}

/** Whether a name is one of the organisation's weak aliases (an ordinary word as well: القاعدة, الشباب). */
export function isWeakAlias(org: Organization, name: string): boolean {
  const key = aliasKey(name);
  return (org.weak ?? []).some((w) => aliasKey(w) === key);
}

/**
 * A term of the trade that reads like a group's name but names none (the caliphate, sleeper
 * cells). The name comes without the clitics of running text (link.ts withoutProclitic).
 */
export function isNeverOrg(name: string): boolean {
  return registry().never.has(aliasKey(name));
}

export function orgById(id: string): Organization | null {
  return registry().byId.get(id) ?? null;
}
