// Claims, incitement, threats, warnings, arrests and foiled plots, on sentences written for the tests.
import { describe, expect, it } from 'vitest';
import { E, eventsOf, reportedAttacks } from './test-fixtures.js';

describe('claims', () => {
  it('takes the group, the channel and the delay, and points at the attack', () => {
    const evs = eventsOf({
      text:
        'هجوم بسكين في ليون\n\nطعن رجل شرطيين في ليون يوم الجمعة في هجوم وصفته السلطات بالإرهابي.\n\n' +
        'وبعد نحو 12 ساعة من الحادث، أعلن تنظيم داعش مسؤوليته عن الهجوم عبر وكالة أعماق.',
      published: '2019-10-06',
      entities: [E.lyon, E.isis],
      dates: [{ surface: 'يوم الجمعة', start: '2019-10-04' }],
    });
    const [attack] = reportedAttacks(evs);
    const claim = evs.find((e) => e.type === 'claim')!;
    expect(claim.organization).toBe('org:isis');
    expect(claim.about).toBe(attack.id);
    expect(claim.claim).toEqual({ status: 'claimed', delayHours: 12, channel: 'amaq' });
    expect(claim.date).toEqual({ start: '2019-10-05', end: '2019-10-05' });
    expect(attack.organizationRole).toBe('claimed');
  });

  it('gives the claim the country of an attack in a town the gazetteer does not place', () => {
    const village = { id: 'loc:al-hamra', type: 'location' as const, name: 'al-Hamra', nameAr: 'الحمراء', kind: 'city', surfaces: ['الحمراء'] };
    const evs = eventsOf({
      text:
        'مقتل ثلاثة جنود بعبوة ناسفة في الحمراء\n\nقتل ثلاثة جنود يوم الأحد بانفجار عبوة ناسفة استهدفت دوريتهم في قرية الحمراء شمال بغداد.\n\n' +
        'وأعلن تنظيم داعش مسؤوليته عن التفجير في بيان.',
      published: '2024-02-12',
      entities: [village, E.baghdad, E.isis],
      dates: [{ surface: 'يوم الأحد', start: '2024-02-11' }],
    });
    const [attack] = reportedAttacks(evs);
    const claim = evs.find((e) => e.type === 'claim')!;
    expect(attack.location).toMatchObject({ nameAr: 'الحمراء', country: 'IQ' });
    expect(claim.location).toMatchObject({ nameAr: 'الحمراء', country: 'IQ' });
  });

  it('English: "claimed responsibility in a statement" with days of delay', () => {
    const evs = eventsOf({
      text: 'A bomb blast killed 7 people at a market in Mogadishu on Monday. Two days later al-Shabaab claimed responsibility for the attack in a statement.',
      published: '2023-04-12',
      lang: 'en',
      entities: [E.mogadishu, E.shabaab],
      dates: [{ surface: 'on Monday', start: '2023-04-10' }],
    });
    const claim = evs.find((e) => e.type === 'claim')!;
    expect(claim.organization).toBe('org:al-shabaab');
    expect(claim.claim?.channel).toBe('statement');
    expect(reportedAttacks(evs)[0].killed).toBe(7);
  });

  it('"which could not be verified" negates the checking, not the claim', () => {
    const evs = eventsOf({
      text:
        'انفجار سيارة مفخخة في مقديشو\n\nقتل سبعة أشخاص يوم الأحد في انفجار سيارة مفخخة قرب سوق في مقديشو.\n\n' +
        'وكانت حركة الشباب قد نشرت بيانا لا يمكن التحقق منه تبنت فيه الهجوم.',
      published: '2023-05-09',
      entities: [E.mogadishu, E.shabaab],
      dates: [{ surface: 'يوم الأحد', start: '2023-05-07' }],
      numbers: [{ surface: 'سبعة', value: 7 }],
    });
    const [attack] = reportedAttacks(evs);
    expect(evs.find((e) => e.type === 'claim')?.claim?.status).toBe('claimed');
    expect(attack.organization).toBe('org:al-shabaab');
  });

  it('a claim by people who are not a named group is not a claim event', () => {
    const evs = eventsOf({
      text: 'انفجرت عبوة ناسفة في سوق ببغداد أمس ما أدى إلى مقتل 4 أشخاص، في هجوم يشبه هجمات أخرى أعلن متشددون مسؤوليتهم عنها.',
      published: '2021-01-02',
      entities: [E.baghdad],
      dates: [{ surface: 'أمس', start: '2021-01-01' }],
    });
    expect(evs.filter((e) => e.type === 'claim')).toEqual([]);
    expect(reportedAttacks(evs)).toHaveLength(1);
  });
});

describe('incitement, warnings, threats, arrests, foiled plots', () => {
  const ramadan = { surface: 'شهر رمضان', start: '2021-04-13', end: '2021-05-12', precision: 'range' as const };

  it('incitement aimed at a country in Ramadan, and the observatory warning dated by the weekday', () => {
    const evs = eventsOf({
      text:
        'تحذيرات من دعوات داعش\n\nنشر تنظيم داعش رسائل تحريضية يدعو فيها أنصاره في مصر إلى شن هجمات خلال شهر رمضان.\n\n' +
        'وحذر مرصد الأزهر من هذه الرسائل، ودعا الدول إلى اتخاذ التدابير اللازمة لتفادي وقوع هجمات.\n\n' +
        'وأوضح المرصد في تقرير نشره أمس الثلاثاء أن الجماعة تفقد مقاتليها تباعا.',
      published: '2021-04-14',
      entities: [E.isis, E.observatory, E.egypt],
      dates: [ramadan, { surface: 'أمس الثلاثاء', start: '2021-04-13' }],
    });
    expect(reportedAttacks(evs)).toEqual([]);
    const inc = evs.filter((e) => e.type === 'incitement');
    expect(inc).toHaveLength(1);
    expect(inc[0]).toMatchObject({ organization: 'org:isis', targetCountry: 'EG', date: { start: '2021-04-13', end: '2021-05-12' }, reported: true });
    expect(inc[0].audience).toBe('أنصاره');
    const warn = evs.filter((e) => e.type === 'warning');
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ actor: 'org:al-azhar-observatory', organization: 'org:isis', date: { start: '2021-04-13', end: '2021-04-13' } });
    // the headline, the warning and the report that dates it
    expect(warn[0].evidence.map((e) => e.text.slice(0, 10))).toEqual(['تحذيرات من', 'وحذر مرصد ', 'وأوضح المرصد'].map((t) => t.slice(0, 10)));
  });

  it('an old call to attack is background incitement', () => {
    const evs = eventsOf({
      text: 'وكان المتحدث باسم داعش قد دعا أنصاره إلى تنفيذ هجمات في أوروبا في أواخر عام 2014.',
      published: '2017-03-24',
      entities: [E.isis],
      dates: [{ surface: 'أواخر عام 2014', start: '2014-09-01', end: '2014-12-31', precision: 'range' }],
    });
    const [inc] = evs.filter((e) => e.type === 'incitement');
    expect(inc.reported).toBe(false);
    expect(inc.date?.start).toBe('2014-09-01');
  });

  const cases: [string, string, string][] = [
    ['threat', 'هدد تنظيم داعش بشن هجمات جديدة في مصر، في تسجيل مصور نشره أمس.', 'threat'],
    ['arrest', 'ألقت الشرطة القبض على خمسة أشخاص يشتبه في انتمائهم إلى تنظيم داعش في مصر.', 'arrest'],
    ['foiled plot', 'أحبطت الشرطة مخططا إرهابيا لتنظيم داعش كان يستهدف كنيسة في مصر.', 'foiled-plot'],
    ['foiled attack, no word of terror', 'وقال مسؤول إن سرعة تدخل الحراس أسهمت في إبطال عملية اغتيال الوزير في مصر.', 'foiled-plot'],
    ['english arrest', 'Police arrested three men suspected of links to the Islamic State group in Paris on Tuesday.', 'arrest'],
  ];
  it.each(cases)('%s', (_n, text, kind) => {
    const evs = eventsOf({ text, published: '2022-01-01', entities: [E.isis, E.police, E.egypt, E.paris] });
    expect(evs.map((e) => e.type)).toContain(kind);
    expect(reportedAttacks(evs)).toEqual([]);
  });
});

describe('foiling words in other senses are no foiled plots', () => {
  const cases: [string, string, 'ar' | 'en'][] = [
    ['football', 'The goalkeeper thwarted an attack by the visiting striker in the final minute of the match.', 'en'],
    ['cyber', 'The company said it had thwarted a ransomware attack on the servers of a hospital last week.', 'en'],
    ['a bomb made safe', 'نفذ خبراء المتفجرات أمس عملية إبطال مفعول قنبلة قديمة عثر عليها عمال بناء.', 'ar'],
  ];
  it.each(cases)('%s', (_n, text, lang) => {
    expect(eventsOf({ text, lang, published: '2022-01-01' }).map((e) => e.type)).not.toContain('foiled-plot');
  });
});

describe('arrests that stop plots, and threats in messages', () => {
  const kinds = (evs: ReturnType<typeof eventsOf>) => evs.map((e) => e.type).sort();

  it('English: an arrest on suspicion of planning to kill is an arrest and a foiled plot', () => {
    const evs = eventsOf({
      text: 'Police in Lyon have arrested four men suspected of planning to kill the mayor during a parade.',
      published: '2024-05-02',
      lang: 'en',
      entities: [E.lyon],
    });
    expect(kinds(evs)).toEqual(['arrest', 'foiled-plot']);
    expect(reportedAttacks(evs)).toHaveLength(0);
  });

  it('Arabic: a cell dismantled while it intended to carry out attacks is an arrest and a foiled plot', () => {
    const evs = eventsOf({
      text: 'أعلنت الداخلية أمس تفكيك خلية من ستة أشخاص في بغداد كانت تخطط لشن هجمات على مراكز تسوق.',
      published: '2024-05-02',
      entities: [E.baghdad],
      dates: [{ surface: 'أمس', start: '2024-05-01' }],
    });
    expect(kinds(evs)).toEqual(['arrest', 'foiled-plot']);
  });

  it('Arabic: threatening messages posted in a group\'s name are its threat', () => {
    const evs = eventsOf({
      text: 'اعتقلت الشرطة رجلا نشر على الإنترنت رسائل تهديد باسم تنظيم داعش تظهر فيها معالم في ليون.',
      published: '2024-05-02',
      entities: [E.lyon, E.isis],
    });
    expect(evs.find((e) => e.type === 'threat')?.organization).toBe('org:isis');
  });
});
