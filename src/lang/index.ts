// The text layer's public surface, for stages and helpers outside src/lang.
export { detectLanguage } from './detect.js';
export { tokenize } from './tokenize.js';
export { splitSentences } from './segment.js';
export { splitClitics } from './ar/clitics.js';
export { stem } from './ar/stem.js';
export { normalize, normalizeWord, toOriginal } from './ar/normalize.js';
export { foldString } from './fold.js';
