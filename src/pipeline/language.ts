// Stage: language identification, only when the caller left the language as 'auto'.
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';
import { detectLanguage } from '../lang/detect.js';

export function languageStage(doc: Document, _ctx: Context): void {
  if (doc.language !== 'auto') return;
  // the body decides; a headline alone is the fallback for empty bodies
  const lang = detectLanguage(doc.text);
  doc.language = lang === 'und' && doc.title ? detectLanguage(doc.title) : lang;
}
