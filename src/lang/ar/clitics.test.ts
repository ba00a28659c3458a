import { describe, expect, it } from 'vitest';
import { splitClitics } from './clitics.js';
import { normalizeWord } from './normalize.js';

// [surface, expected prefixes, expected base]; surfaces are normalised first, as tokenize does
const cases: Array<[string, string[], string]> = [
  ['والتنظيم', ['و', 'ال'], 'تنظيم'],
  ['بالسيارة', ['ب', 'ال'], 'سياره'],
  ['وبالسكين', ['و', 'ب', 'ال'], 'سكين'],
  ['للتنظيم', ['ل', 'ال'], 'تنظيم'],
  ['وللمرة', ['و', 'ل', 'ال'], 'مره'],
  ['فالهجوم', ['ف', 'ال'], 'هجوم'],
  ['كالعادة', ['ك', 'ال'], 'عاده'],
  ['الشرطة', ['ال'], 'شرطه'],
  ['وقال', ['و'], 'قال'],
  ['ودهس', ['و'], 'دهس'],
  ['فقد', ['ف'], 'قد'],
  ['وفي', ['و'], 'في'],
  ['ولم', ['و'], 'لم'],
  ['لمهاجمة', ['ل'], 'مهاجمه'],
  ['بسيارة', ['ب'], 'سياره'],
  ['و25', ['و'], '25'],
  ['لداعش', ['ل'], 'داعش'],
  // words that only begin with clitic letters
  ['الله', [], 'الله'],
  ['والله', ['و'], 'الله'],
  ['لله', [], 'لله'],
  ['الذي', [], 'الذي'],
  ['الى', [], 'الي'],
  ['الف', [], 'الف'],
  ['آلاف', [], 'الاف'],
  ['وزير', [], 'وزير'],
  ['ولاية', [], 'ولايه'],
  ['وولاية', ['و'], 'ولايه'],
  ['بريطانيا', [], 'بريطانيا'],
  ['وبريطانيا', ['و'], 'بريطانيا'],
  ['بينهم', [], 'بينهم'],
  ['لندن', [], 'لندن'],
  ['فرنسا', [], 'فرنسا'],
  ['كبيرة', [], 'كبيره'],
  ['بصمات', [], 'بصمات'],
  ['في', [], 'في'],
  ['بعد', [], 'بعد'],
  ['وبعد', ['و'], 'بعد'],
  ['لجنة', [], 'لجنه'],
  ['ولد', [], 'ولد'],
];

describe('splitClitics', () => {
  it.each(cases)('%s → %j + %s', (surface, prefixes, base) => {
    expect(splitClitics(normalizeWord(surface))).toEqual({ prefixes, base });
  });

  it('does not take a hamza-alef for the article when the mask says so', () => {
    // إلا / ألمانيا folded look like ال + …; bit 0 marks the hamza
    expect(splitClitics('المانيه', 1)).toEqual({ prefixes: [], base: 'المانيه' });
    expect(splitClitics('الواح', 1)).toEqual({ prefixes: [], base: 'الواح' });
    expect(splitClitics('الواح', 0)).toEqual({ prefixes: ['ال'], base: 'واح' });
  });
});
