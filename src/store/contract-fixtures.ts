// Hand-written fixtures for the store contract suite: short invented reports in Arabic and
// English, and the minimal analysis objects that go with them.
import type { Analysis, Entity, MarsadEvent } from '../core/types.js';
import type { DocumentInput } from './store.js';

export const AR_ATTACK =
  'أعلنت الشرطة أنّ هجوماً انتحارياً استهدف سوقاً شعبية في مدينة الموصل صباح الأحد، ' +
  'وأسفر الهجوم عن مقتل أربعة أشخاص وإصابة عشرة آخرين. وقال مسؤول محلي إن الإسعاف نقل الجرحى إلى المستشفى.';
// the same report with diacritics, tatweel and a different alef: an exact duplicate once normalised
export const AR_ATTACK_DIACRITICS =
  'أَعْلَنَتِ الشُّرْطَةُ أنّ هجوماً انتحارياً استهدف سوقاً شعبية في مدينة الموصل صباح الأحد، ' +
  'وأسفر الهجــوم عن مقتل أربعة أشخاص وإصابة عشرة آخرين.  وقال مسؤول محلي إن الإسعاف نقل الجرحى إلى المستشفى';
export const AR_ARREST =
  'ألقت قوات الأمن القبض على ثلاثة مشتبه بهم في إعداد عبوات ناسفة بضواحي إربد، ' +
  'وضبطت بحوزتهم مواد متفجرة وأجهزة اتصال، بحسب بيان رسمي صدر مساء الثلاثاء.';
export const AR_WARNING =
  'حذّر مرصد الفتاوى من دعوات تحريضية تنشرها حسابات متطرفة على الإنترنت وتستهدف الشباب في المنطقة.';
export const EN_ATTACK =
  'A suicide bomber struck a crowded market in Mosul on Sunday morning, killing four people and wounding ten, ' +
  'police said. Local officials said ambulances took the wounded to hospital.';
export const EN_OTHER =
  'The city council approved a new budget for road repairs and public parks on Tuesday evening.';

export const ISIS: Entity = {
  id: 'org:isis',
  type: 'organization',
  name: 'Islamic State (ISIS)',
  nameAr: 'تنظيم الدولة الإسلامية',
  aliases: ['داعش'],
  kind: 'militant',
  mentions: [{ start: 0, end: 4, text: 'داعش' }],
};
export const MOSUL: Entity = {
  id: 'loc:mosul',
  type: 'location',
  name: 'Mosul',
  nameAr: 'الموصل',
  country: 'IQ',
  lat: 36.34,
  lon: 43.13,
  kind: 'city',
  mentions: [{ start: 60, end: 66, text: 'الموصل' }],
};

export function attackEvent(killed: number | null, opts: Partial<MarsadEvent> = {}): MarsadEvent {
  return {
    id: 'ev1',
    type: 'attack',
    reported: true,
    attackTypes: ['suicide-bombing'],
    date: { start: '2024-03-10', end: '2024-03-10' },
    location: { name: 'Mosul', nameAr: 'الموصل', country: 'IQ', lat: 36.34, lon: 43.13 },
    killed,
    killedApprox: false,
    injured: 10,
    injuredApprox: false,
    perpetrators: [],
    organization: 'org:isis',
    actor: null,
    targetCountry: null,
    about: null,
    claim: null,
    lone: null,
    evidence: [{ start: 0, end: 10, text: 'x' }],
    confidence: 0.9,
    ...opts,
  };
}

export function analysisOf(text: string, language: string, entities: Entity[] = [], events: MarsadEvent[] = [], model = 'test-1'): Analysis {
  return {
    schema: 'marsad.analysis/v1',
    language,
    published: '2024-03-10',
    title: null,
    author: null,
    text,
    removed: [],
    entities,
    events,
    model,
  };
}

export function doc(sourceId: number, externalId: string, text: string, extra: Partial<DocumentInput> = {}): DocumentInput {
  return {
    sourceId,
    externalId,
    url: `https://example.test/${encodeURIComponent(externalId)}`,
    fetchedAt: '2024-03-10T08:00:00.000Z',
    raw: `<html><body><p>${text}</p></body></html>`,
    contentType: 'text/html; charset=utf-8',
    extracted: text,
    language: /[\u0600-\u06ff]/.test(text) ? 'ar' : 'en',
    published: '2024-03-10',
    ...extra,
  };
}
