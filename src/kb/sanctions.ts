// Sanctions screening against the UN consolidated list (compiled into models/kb/sanctions.json.gz):
// cross-script, order- and alias-tolerant name matching with a score. Precision first: at least two
// name tokens must agree, one of them not a common given name, and the query must be covered.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { SanctionsHit } from '../core/types.js';
import { contentTokens, isCommonGivenName, tokenKey } from './names.js';
import { withinOneEdit } from './translit.js';

export interface SanctionsRecord {
  ref: string;
  program: string;
  type: 'person' | 'organization';
  name: string;
  nameAr: string | null;
  aliases: string[];
  lowAliases: string[];
  nationality: string[];
}

interface IndexedName {
  rec: SanctionsRecord;
  text: string;
  keys: string[];
  /** "low quality" aliases (UN wording) score lower */
  low: boolean;
}

interface SanctionsIndex {
  generated: string;
  records: SanctionsRecord[];
  names: IndexedName[];
  /** token key → indexes into names */
  byKey: Map<string, number[]>;
  /** query key → the distinct list keys it matches (keysMatch), filled as queries arrive */
  matchMemo: Map<string, Set<string>>;
}

let memo: SanctionsIndex | undefined;

/** Bound on the memo of query keys, so that a long-running process stays flat in memory. */
const MATCH_MEMO_MAX = 20_000;

export function sanctionsIndex(): SanctionsIndex {
  if (memo) return memo;
  const raw = JSON.parse(gunzipSync(readFileSync(new URL('../../models/kb/sanctions.json.gz', import.meta.url))).toString('utf8')) as {
    generated: string; records: SanctionsRecord[]; names: Array<[number, string, number, string]>;
  };
  const names: IndexedName[] = [];
  const byKey = new Map<string, number[]>();
  // keys were computed by scripts/build-kb.ts with the same contentTokens/tokenKey as queries use
  for (const [recIdx, text, low, keyStr] of raw.names) {
    const keys = keyStr.split(' ');
    const idx = names.length;
    names.push({ rec: raw.records[recIdx], text, keys, low: low === 1 });
    for (const k of keys) {
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(idx);
    }
  }
  memo = { generated: raw.generated, records: raw.records, names, byKey, matchMemo: new Map() };
  return memo;
}

export interface ScreenOptions {
  type?: 'person' | 'organization';
  /** minimum score, 0..1 (default 0.75) */
  threshold?: number;
}

function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // tolerate one slip in long skeletons (Abdurrahman / Abdul Rahman), never in short ones
  const pa = a.startsWith('BU:') ? 3 : 0;
  const pb = b.startsWith('BU:') ? 3 : 0;
  return pa === pb && a.length - pa >= 4 && b.length - pb >= 4 && withinOneEdit(a.slice(pa), b.slice(pb));
}

/** The distinct keys of the list that a query key matches: a few thousand short comparisons, once per key. */
function matchingKeys(idx: SanctionsIndex, q: string): Set<string> {
  let m = idx.matchMemo.get(q);
  if (m) return m;
  m = new Set();
  for (const k of idx.byKey.keys()) if (keysMatch(q, k)) m.add(k);
  if (idx.matchMemo.size >= MATCH_MEMO_MAX) idx.matchMemo.clear();
  idx.matchMemo.set(q, m);
  return m;
}

/**
 * Screen one name. Score = matched tokens / all distinct tokens of query and list name (Dice-like),
 * lowered for low-quality aliases. Every query token must match when the query has ≤ 3 tokens.
 */
export function screenName(name: string, opts: ScreenOptions = {}): SanctionsHit[] {
  const idx = sanctionsIndex();
  const threshold = opts.threshold ?? 0.75;
  const toks = contentTokens(name);
  const tokKeys = toks.map(tokenKey);
  const qkeys = [...new Set(tokKeys.filter(Boolean))];
  if (qkeys.length < 2) return []; // one token (a lone first name, a lone family name) never matches
  const qmatch = qkeys.map((q) => matchingKeys(idx, q));
  // how many query keys each list name can match at most: a name that cannot reach the minimum is
  // not worth the pairing below
  const reach = new Map<number, number>();
  for (let q = 0; q < qkeys.length; q++) {
    const seen = new Set<number>();
    for (const k of qmatch[q]) {
      for (const i of idx.byKey.get(k)!) {
        if (seen.has(i)) continue;
        seen.add(i);
        reach.set(i, (reach.get(i) ?? 0) + 1);
      }
    }
  }
  const needed = qkeys.length <= 3 ? qkeys.length : 2;
  let candidates: Iterable<number>;
  const exact = new Set<number>();
  for (const k of qkeys) for (const i of idx.byKey.get(k) ?? []) exact.add(i);
  if (exact.size > 0) candidates = exact;
  else {
    // no list name shares a key outright: the names sharing a key one slip away, in list order
    candidates = [...reach.keys()].sort((a, b) => a - b);
  }
  // the token each query key stands for (the first with that key)
  const qtok = qkeys.map((q) => toks[tokKeys.indexOf(q)]);
  const best = new Map<string, SanctionsHit>();
  for (const i of candidates) {
    if ((reach.get(i) ?? 0) < needed) continue;
    const n = idx.names[i];
    if (opts.type && n.rec.type !== opts.type) continue;
    const used = new Set<number>();
    const matchedQ: string[] = [];
    for (let q = 0; q < qkeys.length; q++) {
      const j = n.keys.findIndex((k, jj) => !used.has(jj) && qmatch[q].has(k));
      if (j >= 0) { used.add(j); matchedQ.push(qtok[q]); }
    }
    const m = matchedQ.length;
    if (m < 2) continue;
    if (matchedQ.every((t) => t.startsWith('abu') ? false : isCommonGivenName(t))) continue; // "Muhammad Ahmad" is nobody in particular
    if (qkeys.length <= 3 && m < qkeys.length) continue;
    let score = (2 * m) / (qkeys.length + n.keys.length);
    if (n.low) score *= 0.85;
    score = Math.round(score * 100) / 100;
    if (score < threshold) continue;
    const prev = best.get(n.rec.ref);
    if (!prev || (prev.score ?? 0) < score) best.set(n.rec.ref, { list: 'UN', ref: n.rec.ref, name: n.rec.name, score });
  }
  return [...best.values()].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.ref.localeCompare(b.ref));
}

export function sanctionsRecord(ref: string): SanctionsRecord | null {
  return sanctionsIndex().records.find((r) => r.ref === ref) ?? null;
}
