// Stage: date expressions resolved to Gregorian day ranges against doc.published.
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { findDates } from '../lang/dates.js';

export function datesStage(doc: Document, _ctx: Context): void {
  doc.dates = findDates(doc.text, doc.tokens, doc.published, doc.language);
}
