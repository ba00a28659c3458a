import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect.js';

const cases: Array<[string, string]> = [
  ['مقتل أربعة في هجوم انتحاري شمال بغداد', 'ar'],
  ['Suicide bomber kills four near Baghdad', 'en'],
  ['ISIS claims Kabul attack', 'en'],
  ['Quatre morts dans une attaque contre la police', 'fr'],
  ['Cuatro muertos en un atentado en el mercado', 'es'],
  ['Vier Tote bei Anschlag auf Polizeistation', 'de'],
  ['چهار نفر در حمله انتحاری کشته شدند', 'fa'],
  ['Четыре человека погибли при взрыве', 'ru'],
  ['', 'und'],
  ['12345 !!!', 'und'],
  ['قتل 4 أشخاص في هجوم تبناه ISIS', 'ar'],
];

describe('detectLanguage', () => {
  it.each(cases)('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
