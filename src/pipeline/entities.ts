// Entities stage: tagger mentions + the knowledge base → canonical people, organisations and places
// with exact spans and sanctions hits (see src/kb/link.ts).
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { linkDocument } from '../kb/link.js';
import { gazetteer } from '../kb/gazetteer.js';
import { registry } from '../kb/organizations.js';
import { sanctionsIndex } from '../kb/sanctions.js';

export function entitiesStage(doc: Document, ctx: Context): void {
  // the artefacts are module-level memos of immutable data; registering them in the context makes
  // the one-time load visible to whoever times or preloads resources
  ctx.resource('kb.gazetteer', gazetteer);
  ctx.resource('kb.registry', registry);
  ctx.resource('kb.sanctions', sanctionsIndex);
  doc.entities = linkDocument(doc);
}
