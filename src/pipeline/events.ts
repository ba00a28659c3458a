// Events stage: attacks, claims, incitement, threats, warnings, arrests and foiled plots, from
// the text layer and the entities (see src/events/extract.ts for the chain).
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { extractEvents } from '../events/extract.js';

export function eventsStage(doc: Document, ctx: Context): void {
  doc.events = extractEvents(doc, ctx);
}
