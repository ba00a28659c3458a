// Stage: numbers (digits and number words) with approximation flags; numbers inside a date
// mention are marked unit 'date' so that "22 مارس" is never read as 22 casualties.
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { findNumbers } from '../lang/numbers.js';

export function numbersStage(doc: Document, _ctx: Context): void {
  const numbers = findNumbers(doc.text, doc.tokens, doc.language);
  let d = 0;
  for (const n of numbers) {
    while (d < doc.dates.length && doc.dates[d].end <= n.start) d++;
    const date = doc.dates[d];
    if (date && date.start <= n.start && n.end <= date.end) n.unit = date.precision === 'year' && n.unit === 'year' ? 'year' : 'date';
  }
  doc.numbers = numbers;
}
