// TEMPORARY placeholder until the stage lands; replaced by its owner.
import type { Context } from '../core/context.js';
import type { Document } from '../core/types.js';

export function datesStage(_doc: Document, _ctx: Context): void {}
