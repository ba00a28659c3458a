// Context cues placed on the token grid, with the questions the extractor asks of them:
// is there a cue of this family in the unit, and how many words before or after a token is it?
import type { Hit } from './matcher.js';
import type { Cue, Lexicon } from './lexicon.js';
import type { TextView } from './text-view.js';

/** The cues of one unit: all in text order, and by family (each list in text order too). */
interface UnitCues {
  all: Hit<Cue>[];
  byCue: Map<Cue, Hit<Cue>[]>;
}

const NONE: readonly Hit<Cue>[] = Object.freeze([]) as readonly Hit<Cue>[];

export class CueIndex {
  private byUnit: (UnitCues | undefined)[] = [];
  private byFirst = new Map<number, Hit<Cue>[]>();

  /** `hits`: the lexicon's cue hits over the view when already found (lexiconHits) */
  constructor(private view: TextView, lex: Lexicon, hits: Hit<Cue>[] = lex.cues.findAll(view)) {
    const tokens = view.tokens;
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k];
      const u = tokens[h.first].unit;
      let uc = this.byUnit[u];
      if (uc === undefined) this.byUnit[u] = uc = { all: [], byCue: new Map() };
      uc.all.push(h);
      const fam = uc.byCue.get(h.value);
      if (fam === undefined) uc.byCue.set(h.value, [h]);
      else fam.push(h);
      const at = this.byFirst.get(h.first);
      if (at === undefined) this.byFirst.set(h.first, [h]);
      else at.push(h);
    }
  }

  /** The cues of the family in the unit, in text order (a shared list: do not modify it). */
  inUnit(unit: number, cue: Cue): readonly Hit<Cue>[] {
    return this.byUnit[unit]?.byCue.get(cue) ?? NONE;
  }

  hasInUnit(unit: number, cue: Cue): boolean {
    const uc = this.byUnit[unit];
    return uc !== undefined && uc.byCue.has(cue);
  }

  /** Cues of any of the families in the unit, in text order. */
  familiesInUnit(unit: number, cues: Cue[]): Hit<Cue>[] {
    const uc = this.byUnit[unit];
    return uc === undefined ? [] : uc.all.filter((h) => cues.includes(h.value));
  }

  /** Hits starting at token i (a shared list: do not modify it). */
  startingAt(i: number): readonly Hit<Cue>[] {
    return this.byFirst.get(i) ?? NONE;
  }

  /** Words between two token indices (0 when adjacent or overlapping). */
  gap(a: number, b: number): number {
    const t = this.view.tokens;
    const g = a <= b ? t[b].pos - t[a].pos - 1 : t[a].pos - t[b].pos - 1;
    return g > 0 ? g : 0;
  }

  /**
   * The nearest cue of the family within `before` words before token `first` or `after` words
   * after token `last`, in the same unit; null when there is none.
   */
  near(first: number, last: number, cue: Cue, before: number, after: number): Hit<Cue> | null {
    const hs = this.inUnit(this.view.tokens[first].unit, cue);
    let best: Hit<Cue> | null = null;
    let bestGap = Infinity;
    for (let k = 0; k < hs.length; k++) {
      const h = hs[k];
      let g = Infinity;
      if (h.last < first) {
        const d = this.gap(h.last, first);
        if (d <= before) g = d;
      } else if (h.first > last) {
        const d = this.gap(last, h.first);
        if (d <= after) g = d;
      } else g = 0; // overlapping
      if (g < bestGap) {
        best = h;
        bestGap = g;
      }
    }
    return best;
  }

  /** True when a cue of the family covers token i. */
  covers(i: number, cue: Cue): boolean {
    const hs = this.inUnit(this.view.tokens[i].unit, cue);
    for (let k = 0; k < hs.length; k++) if (hs[k].first <= i && i <= hs[k].last) return true;
    return false;
  }
}
