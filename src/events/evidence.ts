// Evidence spans: the sentences that state an event, cut from doc.text so that start/end index
// the stored text exactly (trailing spaces and the closing dot kept out of the highlight's edges).
import type { Span } from '../core/types.js';
import type { TextView } from './text-view.js';

const MAX_SPANS = 4;

export function unitSpan(view: TextView, unit: number): Span {
  const u = view.units[unit];
  let { start, end } = u;
  // a unit's last token may be the closing punctuation: keep it, it belongs to the sentence
  while (start < end && /\s/.test(view.text[start])) start++;
  while (end > start && /\s/.test(view.text[end - 1])) end--;
  return { start, end, text: view.text.slice(start, end) };
}

export function evidenceFor(view: TextView, units: number[]): Span[] {
  return [...new Set(units)]
    .sort((a, b) => a - b)
    .slice(0, MAX_SPANS)
    .map((u) => unitSpan(view, u));
}
