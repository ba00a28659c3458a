// The text layer's public surface, for stages and helpers outside src/lang.
export { detectLanguage } from './detect.js';
export { tokenize } from './tokenize.js';
export { splitSentences } from './segment.js';
export { splitClitics } from './ar/clitics.js';
export { stem } from './ar/stem.js';
export { normalize, normalizeWord, toOriginal } from './ar/normalize.js';
export { foldString } from './fold.js';
export { findNumbers, parseNumberAt } from './numbers.js';
export { findDates } from './dates.js';
export { toHijri, fromHijri, hijriMonthRange, hijriYearRange } from './hijri.js';
export { afterProclitics } from './tokenize.js';
