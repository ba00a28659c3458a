// Context cues placed on the token grid, with the questions the extractor asks of them:
// is there a cue of this family in the unit, and how many words before or after a token is it?
import type { Hit } from './matcher.js';
import type { Cue, Lexicon } from './lexicon.js';
import type { TextView } from './text-view.js';

export class CueIndex {
  private byUnit = new Map<number, Hit<Cue>[]>();
  private byFirst = new Map<number, Hit<Cue>[]>();

  constructor(private view: TextView, lex: Lexicon) {
    for (const h of lex.cues.findAll(view)) {
      const u = view.tokens[h.first].unit;
      (this.byUnit.get(u) ?? this.byUnit.set(u, []).get(u)!).push(h);
      (this.byFirst.get(h.first) ?? this.byFirst.set(h.first, []).get(h.first)!).push(h);
    }
  }

  inUnit(unit: number, cue: Cue): Hit<Cue>[] {
    return (this.byUnit.get(unit) ?? []).filter((h) => h.value === cue);
  }

  hasInUnit(unit: number, cue: Cue): boolean {
    return (this.byUnit.get(unit) ?? []).some((h) => h.value === cue);
  }

  /** Cues of any of the families in the unit, in text order. */
  familiesInUnit(unit: number, cues: Cue[]): Hit<Cue>[] {
    return (this.byUnit.get(unit) ?? []).filter((h) => cues.includes(h.value));
  }

  /** Hits starting at token i. */
  startingAt(i: number): Hit<Cue>[] {
    return this.byFirst.get(i) ?? [];
  }

  /** Words between two token indices (0 when adjacent or overlapping). */
  gap(a: number, b: number): number {
    const t = this.view.tokens;
    const [x, y] = a <= b ? [a, b] : [b, a];
    return Math.max(0, t[y].pos - t[x].pos - 1);
  }

  /**
   * The nearest cue of the family within `before` words before token `first` or `after` words
   * after token `last`, in the same unit; null when there is none.
   */
  near(first: number, last: number, cue: Cue, before: number, after: number): Hit<Cue> | null {
    const unit = this.view.tokens[first].unit;
    let best: Hit<Cue> | null = null;
    let bestGap = Infinity;
    for (const h of this.byUnit.get(unit) ?? []) {
      if (h.value !== cue) continue;
      let g = Infinity;
      if (h.last < first) g = this.gap(h.last, first) <= before ? this.gap(h.last, first) : Infinity;
      else if (h.first > last) g = this.gap(last, h.first) <= after ? this.gap(last, h.first) : Infinity;
      else g = 0; // overlapping
      if (g < bestGap) [best, bestGap] = [h, g];
    }
    return best;
  }

  /** True when a cue of the family covers token i. */
  covers(i: number, cue: Cue): boolean {
    const unit = this.view.tokens[i].unit;
    return (this.byUnit.get(unit) ?? []).some((h) => h.value === cue && h.first <= i && i <= h.last);
  }
}
