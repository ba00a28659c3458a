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
  /** the distinct keys of byKey, in its order */
  keyList: string[];
  /** byKey by key ordinal */
  byOrd: number[][];
  /**
   * one-deletion neighbourhood of the keys that may match one slip away (keysMatch): "BU:"-aware
   * skeleton with at most one letter deleted → ordinals into keyList. Two keys within one edit share
   * an entry, so a query looks up its own few variants instead of comparing with every key.
   */
  byVariant: Map<string, number[]>;
  /** query key → the distinct list keys it matches (keysMatch), filled as queries arrive */
  matchMemo: Map<string, KeyMatch>;
  /** scratch space of screen(), one call at a time: per list name, the call that counted its
   * reach, the count, and a mark against counting it twice */
  reachStamp: Int32Array;
  reachCount: Int32Array;
  mark: Int32Array;
  stamp: number;
  /** type and threshold → name → hits, filled as names are screened */
  screenMemo: Map<string, Map<string, SanctionsHit[]>>;
}

let memo: SanctionsIndex | undefined;

/** Bound on the memo of query keys, so that a long-running process stays flat in memory. */
const MATCH_MEMO_MAX = 20_000;
const SCREEN_MEMO_MAX = 20_000;

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
  const keyList = [...byKey.keys()];
  const byOrd = keyList.map((k) => byKey.get(k)!);
  const byVariant = new Map<string, number[]>();
  for (let o = 0; o < keyList.length; o++) {
    for (const v of slipVariants(keyList[o])) {
      const list = byVariant.get(v);
      if (!list) byVariant.set(v, [o]);
      else if (list[list.length - 1] !== o) list.push(o);
    }
  }
  memo = {
    generated: raw.generated, records: raw.records, names, byKey, keyList, byOrd, byVariant, matchMemo: new Map(),
    reachStamp: new Int32Array(names.length), reachCount: new Int32Array(names.length), mark: new Int32Array(names.length), stamp: 0, screenMemo: new Map(),
  };
  return memo;
}

export interface ScreenOptions {
  type?: 'person' | 'organization';
  /** minimum score, 0..1 (default 0.75) */
  threshold?: number;
}

/**
 * The one-deletion variants of a key that may match one slip away (body of ≥ 4 letters after the
 * "BU:" prefix): the key itself and the key with each one letter of its body deleted. Keys within
 * one edit of each other (keysMatch) always share a variant; the converse is checked by keysMatch.
 */
function slipVariants(k: string): string[] {
  const p = k.startsWith('BU:') ? 3 : 0;
  if (k.length - p < 4) return [];
  const out = [k];
  for (let i = p; i < k.length; i++) out.push(k.slice(0, i) + k.slice(i + 1));
  return out;
}

function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // tolerate one slip in long skeletons (Abdurrahman / Abdul Rahman), never in short ones
  const pa = a.startsWith('BU:') ? 3 : 0;
  const pb = b.startsWith('BU:') ? 3 : 0;
  return pa === pb && a.length - pa >= 4 && b.length - pb >= 4 && withinOneEdit(a.slice(pa), b.slice(pb));
}

/** The list keys a query key matches: as a set, and their ordinals in list order. */
interface KeyMatch { keys: Set<string>; ords: number[] }

/** The distinct keys of the list that a query key matches, in list order; memoised per query key. */
function matchingKeys(idx: SanctionsIndex, q: string): KeyMatch {
  let m = idx.matchMemo.get(q);
  if (m) return m;
  // the keys equal to q or sharing a one-deletion variant with it, checked by keysMatch
  const ords: number[] = [];
  for (const v of slipVariants(q)) {
    const list = idx.byVariant.get(v);
    if (list) for (const o of list) if (!ords.includes(o)) ords.push(o);
  }
  m = { keys: new Set(), ords: [] };
  // a short key has no variants and matches only itself; a long one is among its own variants
  if (ords.length === 0 && idx.byKey.has(q)) ords.push(idx.keyList.indexOf(q));
  ords.sort((a, b) => a - b);
  for (const o of ords) if (keysMatch(q, idx.keyList[o])) { m.keys.add(idx.keyList[o]); m.ords.push(o); }
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
  // the same names recur from article to article: the hits of a name are kept (copied out, as
  // callers own what they get)
  const memoKey = opts.threshold === undefined ? opts.type ?? '' : (opts.type ?? '') + ' ' + threshold;
  let memo = idx.screenMemo.get(memoKey);
  if (!memo) idx.screenMemo.set(memoKey, (memo = new Map()));
  let hits = memo.get(name);
  if (!hits) {
    hits = screen(idx, name, opts.type, threshold);
    if (memo.size >= SCREEN_MEMO_MAX) memo.clear();
    memo.set(name, hits);
  }
  return hits.length === 0 ? [] : hits.map((h) => ({ ...h }));
}

function screen(idx: SanctionsIndex, name: string, type: ScreenOptions['type'], threshold: number): SanctionsHit[] {
  const toks = contentTokens(name);
  const tokKeys = toks.map(tokenKey);
  const qkeys = [...new Set(tokKeys.filter(Boolean))];
  if (qkeys.length < 2) return []; // one token (a lone first name, a lone family name) never matches
  const qmatch = qkeys.map((q) => matchingKeys(idx, q).keys);
  const needed = qkeys.length <= 3 ? qkeys.length : 2;
  // a list name can match at most as many query keys as match some list key at all
  let live = 0;
  for (const m of qmatch) if (m.size > 0) live++;
  if (live < needed) return [];
  // how many query keys each list name can match at most (its reach), counted in scratch arrays
  // stamped per call and per query key: a name that cannot reach the minimum is not worth the
  // pairing below
  if (idx.stamp > 0x3fffffff) { idx.stamp = 0; idx.reachStamp.fill(0); idx.mark.fill(0); }
  const call = ++idx.stamp;
  const { reachStamp, reachCount, mark } = idx;
  for (let q = 0; q < qkeys.length; q++) {
    const qs = ++idx.stamp;
    for (const o of matchingKeys(idx, qkeys[q]).ords) {
      for (const i of idx.byOrd[o]) {
        if (mark[i] === qs) continue;
        mark[i] = qs;
        if (reachStamp[i] !== call) { reachStamp[i] = call; reachCount[i] = 0; }
        reachCount[i]++;
      }
    }
  }
  const candidates: number[] = [];
  const es = ++idx.stamp;
  for (const k of qkeys) {
    const list = idx.byKey.get(k);
    if (list) for (const i of list) if (mark[i] !== es) { mark[i] = es; candidates.push(i); }
  }
  if (candidates.length === 0) {
    // no list name shares a key outright: the names sharing a key one slip away, in list order
    for (let i = 0; i < idx.names.length; i++) if (reachStamp[i] === call) candidates.push(i);
  }
  // the token each query key stands for (the first with that key)
  const qtok = qkeys.map((q) => toks[tokKeys.indexOf(q)]);
  const best = new Map<string, SanctionsHit>();
  for (const i of candidates) {
    const n = idx.names[i];
    if (reachStamp[i] !== call || reachCount[i] < needed) continue;
    if (type && n.rec.type !== type) continue;
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
