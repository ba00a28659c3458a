// The store adapter for linking: near-duplicate links and incident membership for each newly
// stored document. The decisions are the pure functions of minhash.ts and incidents.ts.
import type { Analysis } from '../core/types.js';
import type { Incident, Store } from '../store/store.js';
import { addDays } from '../core/dates.js';
import { NearDupIndex, type MinHashOptions } from './minhash.js';
import { attackReports, bestMatch, candidateWindow, sketchOf, type AttackReport } from './incidents.js';

export interface LinkerOptions extends MinHashOptions {
  /** stored documents first seen this many days back are loaded as near-duplicate candidates (default 14) */
  windowDays?: number;
  /** clock, for tests */
  now?: () => Date;
}

export interface LinkOutcome {
  nearDuplicateOf: number | null;
  similarity: number | null;
  /** incidents this document's reported attacks joined or created */
  incidents: Array<{ incidentId: number; eventIndex: number; created: boolean }>;
}

function reportsOfIncident(inc: Incident): AttackReport[] {
  return inc.reports.map((r) => ({
    documentId: r.documentId,
    eventIndex: r.eventIndex,
    event: r.event,
    published: r.published,
    language: r.language,
    title: r.title,
  }));
}

/** Attach each reported attack of a stored document to the incident it matches, or found one. */
export async function linkIncidents(store: Store, documentId: number, analysis: Analysis): Promise<LinkOutcome['incidents']> {
  const out: LinkOutcome['incidents'] = [];
  for (const report of attackReports(documentId, analysis)) {
    if ((await store.incidentOfReport(documentId, report.eventIndex)) !== null) continue;
    const window = candidateWindow(report)!;
    // Candidates come narrowly from the store, through incidents (country, date_end): incidents
    // within a day of the report and, when the report knows its country, in that country or in
    // none (matchScore refuses two different countries). Not every attack of the last weeks.
    const country = report.event.location?.country ?? undefined;
    const candidates = await store.listIncidents({ since: window.since, until: window.until, type: 'attack', country, orNoCountry: true, limit: 500 });
    // Reports of the document's own other events never merge with it: one article, distinct attacks.
    const eligible = candidates.filter((inc) => !inc.reports.some((r) => r.documentId === documentId));
    const i = bestMatch(eligible.map((inc) => sketchOf(reportsOfIncident(inc))), report);
    let incidentId: number;
    if (i >= 0) incidentId = eligible[i].id;
    else {
      const e = report.event;
      const date = e.date ?? sketchOf([report]).date;
      incidentId = await store.createIncident({
        type: 'attack',
        date,
        location: e.location,
        country: e.location?.country ?? null,
        organization: e.organization,
        attackTypes: e.attackTypes ?? [],
      });
    }
    await store.attachReport(incidentId, { documentId, eventIndex: report.eventIndex, event: report.event });
    out.push({ incidentId, eventIndex: report.eventIndex, created: i < 0 });
  }
  return out;
}

/**
 * Keeps a MinHash index of recent stored documents: loaded on first use, then topped up with
 * documents other processes stored since (by id), so several workers still see each other's
 * copies. Each newly inserted document is linked to its earliest copy in the store.
 */
export class StoreLinker {
  private readonly index: NearDupIndex;
  /** documents first seen before this day are not loaded (syndicated copies arrive within days) */
  private since: string | null = null;
  private lastId = 0;
  /** stored in the batch being linked and not linked yet: link() adds them itself, refresh() must not */
  private unlinked: ReadonlySet<number> = new Set();

  constructor(
    private readonly store: Store,
    private readonly options: LinkerOptions = {},
  ) {
    this.index = new NearDupIndex(options);
  }

  /**
   * The ids of a batch just stored, about to be linked one by one in order ([] when done): an
   * earlier one's refresh must not index the later ones before their own turn, or a copy could be
   * linked to a document that arrived after it.
   */
  expect(ids: readonly number[]): void {
    this.unlinked = new Set(ids);
  }

  /** Load documents not yet indexed: the recent window at first, then whatever is new. */
  async refresh(exceptId?: number): Promise<void> {
    if (this.since === null) {
      const now = (this.options.now ?? (() => new Date()))();
      this.since = addDays(now.toISOString().slice(0, 10), -(this.options.windowDays ?? 14));
    }
    const since = this.since;
    // The document being linked is the very next id: nothing else was stored in between (ids only
    // grow), so there is nothing to read; anything stored after it comes with the next refresh.
    // Reading it back would parse its whole row (raw bytes, analysis) only to skip it.
    if (exceptId !== undefined && this.lastId > 0 && exceptId === this.lastId + 1) {
      this.lastId = exceptId;
      return;
    }
    for (;;) {
      const page = await this.store.listDocuments({ afterId: this.lastId, limit: 500, since });
      if (page.length === 0) break;
      for (const d of page) if (d.id !== exceptId && !this.unlinked.has(d.id)) this.index.add(String(d.id), d.text, d.published ?? d.firstSeenAt);
      this.lastId = page[page.length - 1].id;
    }
  }

  /** Near-duplicate and incident links for a document that was just inserted. */
  async link(documentId: number, text: string, analysis: Analysis | null, when: string): Promise<LinkOutcome> {
    await this.refresh(documentId);
    const outcome: LinkOutcome = { nearDuplicateOf: null, similarity: null, incidents: [] };
    for (const change of this.index.add(String(documentId), text, when)) {
      await this.store.setNearDuplicate(Number(change.id), Number(change.of), change.similarity);
      if (Number(change.id) === documentId) {
        outcome.nearDuplicateOf = Number(change.of);
        outcome.similarity = change.similarity;
      }
    }
    if (analysis) outcome.incidents = await linkIncidents(this.store, documentId, analysis);
    return outcome;
  }
}
