// Attacks: detection, type, date, place, casualties, actors, reported vs background, coreference.
// Every sentence here was written for these tests (synthetic news, fictional people).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../commands/analyze.js';
import { E, eventsOf, reportedAttacks, type EntitySpec } from './test-fixtures.js';

describe('attack detection and arguments (Arabic)', () => {
  it('reads a suicide bombing with its day, city and toll', () => {
    const evs = eventsOf({
      text: 'تفجير انتحاري في سوق ببغداد\n\nقتل 12 شخصا وأصيب 30 آخرون في تفجير انتحاري استهدف سوقا شعبيا في بغداد أمس الثلاثاء، وفق مصادر أمنية.',
      published: '2021-03-10',
      entities: [E.baghdad],
      dates: [{ surface: 'أمس الثلاثاء', start: '2021-03-09' }],
    });
    const [a] = reportedAttacks(evs);
    expect(reportedAttacks(evs)).toHaveLength(1);
    expect(a.attackTypes).toContain('suicide-bombing');
    expect(a.date).toEqual({ start: '2021-03-09', end: '2021-03-09' });
    expect(a.location?.country).toBe('IQ');
    expect([a.killed, a.injured]).toEqual([12, 30]);
  });

  it('a ramming then a stabbing is both, by one lone attacker named twice', () => {
    const evs = eventsOf({
      text:
        'هجوم دهس وطعن في ليون\n\nودهس سامي فارس مجموعة من المارة بسيارة ثم طعن شرطيا في ليون يوم الأحد، ما أدى إلى مقتل ثلاثة أشخاص.\n\n' +
        'وقالت الشرطة إن فارس نفذ الهجوم بمفرده.',
      published: '2022-05-10',
      entities: [E.lyon, E.police, { id: 'per:sami-fares', type: 'person', name: 'Sami Fares', surfaces: ['سامي فارس', 'فارس'] }],
      dates: [{ surface: 'يوم الأحد', start: '2022-05-08' }],
      numbers: [{ surface: 'ثلاثة', value: 3 }],
    });
    const attacks = reportedAttacks(evs);
    expect(attacks).toHaveLength(1);
    const [a] = attacks;
    expect(a.attackTypes).toEqual(expect.arrayContaining(['vehicle-ramming', 'stabbing']));
    expect(a.perpetrators).toEqual(['per:sami-fares']);
    expect(a.lone).toBe(true);
    expect(a.killed).toBe(3);
    expect(a.date?.start).toBe('2022-05-08');
  });

  it('"الحادث" and "الهجوم" refer back to the incident instead of opening new ones', () => {
    const evs = eventsOf({
      text:
        'انفجار سيارة مفخخة في مقديشو\n\nقتل خمسة أشخاص في انفجار سيارة مفخخة قرب فندق في مقديشو صباح اليوم.\n\n' +
        'وأعلنت حركة الشباب مسؤوليتها عن الهجوم.\n\nوفتحت السلطات تحقيقا في الحادث.',
      published: '2023-01-15',
      entities: [E.mogadishu, E.shabaab],
      dates: [{ surface: 'صباح اليوم', start: '2023-01-15' }],
      numbers: [{ surface: 'خمسة', value: 5 }],
    });
    const attacks = reportedAttacks(evs);
    expect(attacks).toHaveLength(1);
    expect(attacks[0].organization).toBe('org:al-shabaab');
    expect(attacks[0].organizationRole).toBe('claimed');
    const claim = evs.find((e) => e.type === 'claim');
    expect(claim?.about).toBe(attacks[0].id);
  });

  it('a place the gazetteer locates or a head noun introduces outranks a bare name nobody can place', () => {
    // the tagger's "place" داميا is the adjective "bloody"; سيفان and تل الورد are invented names
    const bloody = { id: 'loc:damia', type: 'location', name: 'Damia', nameAr: 'داميا', surfaces: ['داميا'] } satisfies EntitySpec;
    const town = { id: 'loc:sivan', type: 'location', name: 'Sivan', nameAr: 'سيفان', country: 'TR', kind: 'city', surfaces: ['سيفان'] } satisfies EntitySpec;
    const [located] = reportedAttacks(eventsOf({
      text: 'تفجير انتحاري في تركيا\n\nشهدت تركيا أمس هجوما انتحاريا داميا أوقع 12 قتيلا في مدينة سيفان الحدودية.',
      published: '2021-06-02',
      entities: [bloody, town],
      numbers: [{ surface: '12', value: 12 }],
    }));
    expect(located.location?.name).toBe('Sivan');
    const village = { id: 'loc:tal-al-ward', type: 'location', name: 'Tal al-Ward', nameAr: 'الورد', surfaces: ['الورد'] } satisfies EntitySpec;
    const [headed] = reportedAttacks(eventsOf({
      text: 'انفجار في قرية\n\nأوقع انفجار عنيف أمس خمسة قتلى في قرية الورد قرب مدينة سيفان.',
      published: '2021-06-02',
      entities: [village, town],
      numbers: [{ surface: 'خمسة', value: 5 }],
    }));
    expect(headed.location?.name).toBe('Tal al-Ward');
  });

  it('a town named inside a province that bears another town\'s name is where it happened', () => {
    // GeoNames' Ağrı is a town; «ولاية اغري» is its province, and Doğubayazıt lies in it
    const agri = { id: 'loc:309647', type: 'location', name: 'Ağrı', nameAr: 'أغري', country: 'TR', kind: 'city', surfaces: ['اغري'] } satisfies EntitySpec;
    const dogu = { id: 'loc:316411', type: 'location', name: 'Doğubayazıt', nameAr: 'دوغوبيازيد', country: 'TR', kind: 'city', surfaces: ['دوغوبيازيد'] } satisfies EntitySpec;
    const at = (head: string) => reportedAttacks(eventsOf({
      text: `هجوم على مخفر شرق تركيا\n\nقتل ثلاثة جنود أمس في هجوم انتحاري على مخفر في ${head} اغري، حين فجر انتحاري شاحنة مفخخة قرب مخفر في بلدة دوغوبيازيد.`,
      published: '2022-03-02',
      entities: [agri, dogu],
      dates: [{ surface: 'أمس', start: '2022-03-01' }],
      numbers: [{ surface: 'ثلاثة', value: 3 }],
    }))[0]?.location?.name;
    expect(at('ولاية')).toBe('Doğubayazıt');
    // a town named as a town stays the first place the lead gives
    expect(at('مدينة')).toBe('Ağrı');
  });

  it('a country across the border or that the place is near is not where it happened', () => {
    const village = { id: 'loc:dar-salam', type: 'location', name: 'Dar Salam', surfaces: ['دار سلام'] } satisfies EntitySpec;
    const mauritania = { id: 'loc:mr', type: 'location', name: 'Mauritania', country: 'MR', kind: 'country', surfaces: ['موريتانيا'] } satisfies EntitySpec;
    const mali = { id: 'loc:ml', type: 'location', name: 'Mali', country: 'ML', kind: 'country', surfaces: ['مالي'] } satisfies EntitySpec;
    const [a] = reportedAttacks(eventsOf({
      text: 'مقتل ثلاثة جنود في كمين\n\nقتل ثلاثة جنود أمس في كمين مسلح قرب دار سلام قرب الحدود مع موريتانيا وفق بيان لجيش مالي.',
      published: '2022-05-02', entities: [village, mauritania, mali],
      dates: [{ surface: 'أمس', start: '2022-05-01' }],
      numbers: [{ surface: 'ثلاثة', value: 3 }],
    }));
    expect([a?.location?.name, a?.location?.country]).toEqual(['Dar Salam', 'ML']);
  });

  it('a district named with منطقة inside its city is the place, not the city', () => {
    const istanbul = { id: 'loc:745044', type: 'location', name: 'Istanbul', nameAr: 'إسطنبول', country: 'TR', kind: 'city', surfaces: ['إسطنبول'] } satisfies EntitySpec;
    const bagcilar = { id: 'loc:751324', type: 'location', name: 'Bağcılar', country: 'TR', kind: 'city', surfaces: ['باغجيلار'] } satisfies EntitySpec;
    const [a] = reportedAttacks(eventsOf({
      text: 'تفجير في إسطنبول\n\nقتل شخصان أمس في تفجير انتحاري استهدف سوقا في منطقة باغجيلار بمدينة إسطنبول.',
      published: '2022-05-02', entities: [istanbul, bagcilar],
      dates: [{ surface: 'أمس', start: '2022-05-01' }],
    }));
    expect(a?.location?.name).toBe('Bağcılar');
  });

  it('a country-wide lead takes the town a later sentence of the incident introduces by a head noun', () => {
    const van = { id: 'loc:298117', type: 'location', name: 'Van', nameAr: 'فان', country: 'TR', kind: 'city', surfaces: ['فان'] } satisfies EntitySpec;
    const turkey = { id: 'loc:tr', type: 'location', name: 'Turkey', nameAr: 'تركيا', country: 'TR', kind: 'country', surfaces: ['تركيا'] } satisfies EntitySpec;
    const text = (head: string) => `مقتل شرطي شرق تركيا\n\nقتل شرطي اليوم الأحد في هجوم مسلح شنه متمردون في شرق تركيا على دورية كانت تمر مساء على الطريق الرئيسي ${head} فان.`;
    const at = (head: string) => reportedAttacks(eventsOf({
      text: text(head), published: '2022-05-01', entities: [van, turkey],
      dates: [{ surface: 'اليوم الأحد', start: '2022-05-01' }],
    }))[0]?.location?.name;
    expect(at('قرب مدينة')).toBe('Van');
    expect(at('بالقرب من مدينة')).toBe('Van');
    // without a head noun the name may be a speaker's city or a namesake: the lead's place stands
    expect(at('قرب')).toBe('Turkey');
    // so does it for a town help came from
    expect(at('الذي سلكته تعزيزات قادمة من مدينة')).toBe('Turkey');
  });

  it('an ambush is an attack (كمين نصبه مسلحون), a checkpoint the army sets up is not', () => {
    const [a] = reportedAttacks(eventsOf({
      text: 'مقتل سبعة جنود في كمين\n\nقتل سبعة جنود يوم الأحد في كمين نصبه مسلحون لدورية في مقديشو.',
      published: '2023-05-09',
      entities: [E.mogadishu],
      dates: [{ surface: 'يوم الأحد', start: '2023-05-07' }],
      numbers: [{ surface: 'سبعة', value: 7 }],
    }));
    expect([a?.killed, a?.location?.country]).toEqual([7, 'SO']);
    expect(reportedAttacks(eventsOf({
      text: 'إجراءات أمنية جديدة\n\nأقام الجيش ثلاثة كمائن أمنية ثابتة على الطريق الدولي في مقديشو.',
      published: '2023-05-09',
      entities: [E.mogadishu],
      numbers: [{ surface: 'ثلاثة', value: 3 }],
    }))).toEqual([]);
  });

  it('earlier attacks named for comparison are background with their own dates and places', () => {
    const evs = eventsOf({
      text:
        'هجوم بسكين في ليون\n\nطعن مهاجم ثلاثة أشخاص في ليون أمس، في هجوم وصفته الشرطة بالإرهابي.\n\n' +
        'ويذكر الهجوم بهجمات نوفمبر 2015 في باريس التي نفذتها خلايا تابعة لتنظيم داعش.',
      published: '2020-02-02',
      entities: [E.lyon, E.paris, E.isis, E.police],
      dates: [
        { surface: 'أمس', start: '2020-02-01' },
        { surface: 'نوفمبر 2015', start: '2015-11-01', end: '2015-11-30', precision: 'month' },
      ],
    });
    const attacks = evs.filter((e) => e.type === 'attack');
    const news = attacks.filter((e) => e.reported);
    const history = attacks.filter((e) => !e.reported);
    expect(news).toHaveLength(1);
    expect(news[0].location?.name).toBe('Lyon');
    expect(history).toHaveLength(1);
    expect(history[0].location?.name).toBe('Paris');
    expect(history[0].date).toEqual({ start: '2015-11-01', end: '2015-11-30' });
    expect(history[0].lone).toBe(false);
  });
});

describe('attack detection (English)', () => {
  it('reads a knife attack with killed and injured', () => {
    const evs = eventsOf({
      text: 'Knife attack in Manchester\n\nOne man was killed and four people were injured in a knife attack in Manchester on Saturday, police said. Counter-terrorism officers are investigating.',
      published: '2024-06-02',
      lang: 'en',
      entities: [E.manchester, E.police],
      dates: [{ surface: 'on Saturday', start: '2024-06-01' }],
      numbers: [{ surface: 'four', value: 4 }, { surface: 'One', value: 1 }],
    });
    const [a] = reportedAttacks(evs);
    expect(reportedAttacks(evs)).toHaveLength(1);
    expect(a.attackTypes).toContain('stabbing');
    expect([a.killed, a.injured]).toEqual([1, 4]);
    expect(a.location?.country).toBe('GB');
    expect(a.date?.start).toBe('2024-06-01');
  });

  it('a village named "near" a country is not in that country', () => {
    const village = { id: 'loc:kafr-anwar', type: 'location', name: 'Kafr Anwar', surfaces: ['Kafr Anwar'] } satisfies EntitySpec;
    const lebanon = { id: 'loc:lb', type: 'location', name: 'Lebanon', country: 'LB', kind: 'country', surfaces: ['Lebanon'] } satisfies EntitySpec;
    const syria = { id: 'loc:sy', type: 'location', name: 'Syria', country: 'SY', kind: 'country', surfaces: ['Syria'] } satisfies EntitySpec;
    const [a] = reportedAttacks(eventsOf({
      text: 'Soldiers killed at a checkpoint\n\nLebanon\'s army said two soldiers were killed on Monday in a shooting at a checkpoint in Kafr Anwar village near Syria.',
      published: '2024-06-04', lang: 'en', entities: [village, lebanon, syria],
      dates: [{ surface: 'on Monday', start: '2024-06-03' }],
      numbers: [{ surface: 'two', value: 2 }],
    }));
    expect([a?.location?.name, a?.location?.country]).toEqual(['Kafr Anwar', 'LB']);
  });

  it('a group that praises the attack is not its author; one that claims it is', () => {
    const group = { id: 'org:kataib-x', type: 'organization', name: 'Kataib X', kind: 'militant', surfaces: ['Kataib X'] } satisfies EntitySpec;
    const text = (verb: string) => `Gunman kills two at checkpoint\n\nTwo soldiers were killed on Monday when a gunman opened fire at a checkpoint in Tubas. Kataib X ${verb} the operation carried out by one of its fighters.`;
    const org = (verb: string) => reportedAttacks(eventsOf({
      text: text(verb), published: '2024-06-04', lang: 'en',
      entities: [group, E.tubas],
      dates: [{ surface: 'on Monday', start: '2024-06-03' }],
      numbers: [{ surface: 'Two', value: 2 }],
    }))[0]?.organization;
    expect(org('praised')).toBeNull();
    expect(org('claimed')).toBe('org:kataib-x');
  });

  it('a village named as such is the place, in the country of the town beside it', () => {
    // invented names: Kafr Anwar is no gazetteer place; Tubas is a Palestinian town
    const village = { id: 'loc:kafr-anwar', type: 'location', name: 'Kafr Anwar', surfaces: ['Kafr Anwar'] } satisfies EntitySpec;
    const israel = { id: 'loc:il', type: 'location', name: 'Israel', country: 'IL', kind: 'country', surfaces: ['Israel'] } satisfies EntitySpec;
    const [a] = reportedAttacks(eventsOf({
      text: 'Soldiers shot at a checkpoint\n\nThree soldiers were wounded in a shooting at a checkpoint on Monday, Israel\'s army said. The gunman opened fire in Kafr Anwar village, 3km east of Tubas, before he fled.',
      published: '2024-06-04',
      lang: 'en',
      entities: [village, E.tubas, israel],
      dates: [{ surface: 'on Monday', start: '2024-06-03' }],
      numbers: [{ surface: 'Three', value: 3 }],
    }));
    expect([a?.location?.name, a?.location?.country]).toEqual(['Kafr Anwar', 'PS']);
  });
});

describe('words of war in other senses are not attacks', () => {
  const cases: [string, string, 'ar' | 'en'][] = [
    ['football', 'شن الفريق هجوما قويا على مرمى الخصم في الشوط الثاني من المباراة، وسجل المهاجم هدفين.', 'ar'],
    ['politics', 'شن وزير المالية هجوما لاذعا على المعارضة، وانتقد تصريحاتها حول الموازنة.', 'ar'],
    ['cyber', 'تعرضت مواقع حكومية لهجوم إلكتروني واسع أدى إلى تعطلها ساعات، وفق وزارة الاتصالات.', 'ar'],
    ['state military', 'شن الجيش هجوما واسعا على معاقل المسلحين في الجبال، وقال إنه دمر مخازن أسلحة.', 'ar'],
    ['heart attack', 'The former minister died of a heart attack at his home on Sunday, his family said.', 'en'],
    ['air strikes', 'Military air strikes hit positions held by the rebels near the border, the army said.', 'en'],
    ['calls', 'دعا التنظيم أنصاره إلى تنفيذ المزيد من الهجمات خلال الأعياد.', 'ar'],
    ['an animal', 'قضى سباح أمس متأثرا بهجوم سمكة قرش قرب الشاطئ.', 'ar'],
    ['an adjective', 'ضبطت الشرطة أمس مخزنا لخلية إرهابية يضم عبوات شديدة الانفجار في ضواحي المدينة.', 'ar'],
  ];
  it.each(cases)('%s', (_name, text, lang) => {
    expect(reportedAttacks(eventsOf({ text, lang, published: '2022-01-01' }))).toEqual([]);
  });

  it('a phone or a battery beside a real bombing does not make it an accident (whole pipeline)', () => {
    for (const text of [
      'قتل صحفي أمس بينما كان يتحدث عبر هاتفه عندما انفجرت سيارة مفخخة قرب مكتبه في مقديشو.',
      'Militants detonated the bomb using a smartphone, killing five soldiers near Kirkuk on Monday.',
    ]) {
      const attacks = analyzeText({ text, published: '2023-04-04' }).events.filter((e) => e.type === 'attack' && e.reported);
      expect(attacks.length, text).toBe(1);
    }
  });

  it('a court case about an old bombing is background', () => {
    const evs = eventsOf({
      text: 'قضت المحكمة بسجن المتهم عشرين عاما في قضية تفجير انتحاري استهدف كنيسة في عام 2017.',
      published: '2022-01-01',
      dates: [{ surface: 'عام 2017', start: '2017-01-01', end: '2017-12-31', precision: 'year' }],
    });
    expect(reportedAttacks(evs)).toEqual([]);
  });
});

describe('the attacker named by grammar, without a cue word (Arabic)', () => {
  const base = { published: '2023-04-02', entities: [E.shabaab, E.mogadishu], dates: [{ surface: 'أمس', start: '2023-04-01' }] };
  it('the group as the attack noun\'s complement: هجوم مباغت لحركة الشباب', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nقتل سبعة جنود في هجوم مباغت لحركة الشباب على قاعدة عسكرية قرب مقديشو أمس.' }));
    expect([a.organization, a.organizationRole]).toEqual(['org:al-shabaab', 'attributed']);
  });
  it('the group named bare after its group noun: هجوم مرجح لجماعة بوكو حرام', () => {
    const boko = { id: 'org:boko-haram', type: 'organization', name: 'Boko Haram', kind: 'militant', surfaces: ['بوكو حرام'] } satisfies EntitySpec;
    const maroua = { id: 'loc:2228373', type: 'location', name: 'Maroua', country: 'CM', kind: 'city', surfaces: ['ماروا'] } satisfies EntitySpec;
    const [a] = reportedAttacks(eventsOf({
      published: '2023-04-02', entities: [boko, maroua], dates: [{ surface: 'أمس', start: '2023-04-01' }],
      text: 'تفجيران في ماروا\n\nقتل تسعة أشخاص أمس في هجوم مرجح لجماعة بوكو حرام على سوق بمدينة ماروا.',
    }));
    expect(a.organization).toBe('org:boko-haram');
  });
  it('a group that praises the attack is not its author (أشادت), one named behind it is', () => {
    const org = (second: string) => reportedAttacks(eventsOf({ ...base, text: `هجوم قرب مقديشو\n\nقتل سبعة جنود أمس في هجوم استهدف حاجزا عسكريا قرب مقديشو. ${second}` }))[0]?.organization ?? null;
    expect(org('وأشادت حركة الشباب بالهجوم الذي نفذه مسلحون مجهولون.')).toBeNull();
    // هنا (here) is no praise verb, though هنأ folds to it
    expect(org('وقال مسؤول هنا إن حركة الشباب تقف وراء الهجوم.')).toBe('org:al-shabaab');
  });
  it('its fighters as the subject: هاجم مسلحو حركة الشباب', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nهاجم مسلحو حركة الشباب قاعدة عسكرية قرب مقديشو أمس وقتلوا سبعة جنود.' }));
    expect([a.organization, a.organizationRole]).toEqual(['org:al-shabaab', 'attributed']);
  });
  it('the group as the subject of the verb that launches the attack: شنت حركة الشباب أمس هجوما', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nشنت حركة الشباب أمس هجوما على قاعدة عسكرية قرب مقديشو وقتلت سبعة جنود.' }));
    expect([a.organization, a.organizationRole]).toEqual(['org:al-shabaab', 'attributed']);
  });
  it('the verb written with its shadda: شنّت حركة الشباب', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nشنّت حركة الشباب أمس هجوما على قاعدة عسكرية قرب مقديشو وقتلت سبعة جنود.' }));
    expect(a.organization).toBe('org:al-shabaab');
  });
  it('fighters "من" the group: مسلحون من حركة الشباب', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nقتل سبعة جنود أمس حين هاجم مسلحون من حركة الشباب قاعدة عسكرية قرب مقديشو.' }));
    expect([a.organization, a.organizationRole]).toEqual(['org:al-shabaab', 'attributed']);
  });
  it('not a group that launched something far before the attack word', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nشنت حركة الشباب حملة دعائية على مواقع التواصل بعد أسبوع من هجوم على قاعدة عسكرية قرب مقديشو أمس قتل فيه سبعة جنود.' }));
    expect(a.organization).toBeNull();
  });
  it('not a group named with لـ far from the attack word', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هجوم قرب مقديشو\n\nقتل سبعة جنود في هجوم على قاعدة عسكرية قرب مقديشو أمس، قبل أيام من مؤتمر دعت إليه الحكومة للتصدي لحركة الشباب.' }));
    expect(a.organization).toBeNull();
  });
});

describe('the headline\'s attack place (whole pipeline)', () => {
  it('keeps another country\'s attacker, told in passing, out of a lead that names no place of its own', () => {
    const text = [
      'هجوم مدريد يحمل بصمات متطرفين', '',
      'قتل ثلاثة أشخاص وأصيب خمسة آخرون في هجوم إرهابي بسكين نفذه رجل قرب محطة القطارات أمس.', '',
      'وقالت الشرطة إن الرجل تصرف بمفرده على ما يبدو، فيما يبحث المحققون في صلاته بجماعات متطرفة.', '',
      'وكان شاب هاجم جنودا بسلاح أبيض قرب متحف اللوفر في باريس قد قال للمحققين إنه يؤيد التنظيم.', '',
      'وتشهد مدريد إجراءات أمنية مشددة منذ الهجوم.',
    ].join('\n');
    const attacks = analyzeText({ text, published: '2022-05-02' }).events.filter((e) => e.type === 'attack');
    const lead = attacks.find((e) => e.reported);
    expect([lead?.location?.name, lead?.killed, lead?.injured]).toEqual(['Madrid', 3, 5]);
    expect(attacks.find((e) => e.location?.country === 'FR')?.reported).toBe(false);
  });
});

describe('hostages held or freed are no new hostage-taking', () => {
  const en = { published: '2025-02-09', lang: 'en' as const, entities: [E.baghdad, E.isis], dates: [{ surface: 'Saturday', start: '2025-02-08' }] };
  const ar = { published: '2025-02-09', entities: [E.baghdad, E.isis], dates: [{ surface: 'أمس', start: '2025-02-08' }] };
  it('English: the release of hostages under a deal is no attack, taking them is', () => {
    expect(reportedAttacks(eventsOf({ ...en, text: 'Islamic State militants freed three hostages in Baghdad on Saturday under the deal, and the families of the remaining hostages urged the government to keep negotiating.' }))).toEqual([]);
    const [a] = reportedAttacks(eventsOf({ ...en, text: 'Gunmen stormed a hotel in Baghdad on Saturday and took hostages, police said.' }));
    expect(a.attackTypes).toContain('hostage-taking');
  });
  it('as the tokenizer splits them: "a hostage-taking" is one, "people taken hostage" in 2023 and freed now is none (whole pipeline)', () => {
    const types = (text: string) => analyzeText({ text, published: '2025-02-09', language: 'en' } as never).events.filter((e) => e.type === 'attack' && e.reported).map((e) => e.attackTypes);
    expect(types('Gunmen carried out a hostage-taking at a hotel in Baghdad on Saturday, police said.')).toEqual([expect.arrayContaining(['hostage-taking'])]);
    expect(types('Hamas freed three of the 251 people taken hostage in the 2023 attack under the ceasefire deal on Saturday.').flat()).not.toContain('hostage-taking');
  });
  it('the verb of taking a few words before the hostages: took 20 people hostage, احتجز مسلحون من داعش عشرات الرهائن; not with freeing between', () => {
    const types = (text: string, language: string) => analyzeText({ text, published: '2025-02-09', language } as never).events.filter((e) => e.type === 'attack' && e.reported).flatMap((e) => e.attackTypes);
    expect(types('Gunmen took 20 people hostage at a hotel in Baghdad on Saturday, police said.', 'en')).toContain('hostage-taking');
    expect(types('احتجز مسلحون من داعش عشرات الرهائن في فندق ببغداد أمس.', 'ar')).toContain('hostage-taking');
    expect(types('Militants took part in freeing the hostages in Baghdad on Saturday.', 'en')).not.toContain('hostage-taking');
  });
  it('Arabic: رهائن أفرج عنهم is no attack, احتجز مسلحون رهائن is', () => {
    expect(reportedAttacks(eventsOf({ ...ar, text: 'أفرج تنظيم داعش أمس عن ثلاث رهائن في بغداد بموجب الاتفاق، وطالبت عائلات الرهائن الباقين بمواصلة التفاوض.' }))).toEqual([]);
    const [a] = reportedAttacks(eventsOf({ ...ar, text: 'اقتحم مسلحون فندقا في بغداد أمس واحتجزوا رهائن داخله.' }));
    expect(a.attackTypes).toContain('hostage-taking');
  });
});

describe('a weak attack verb with militants as its subject and a toll', () => {
  const base = { published: '2023-04-02', entities: [E.baghdad], dates: [{ surface: 'أمس', start: '2023-04-01' }] };
  it('opens the article\'s incident: هاجم مسلحون … ما أسفر عن مقتل 3 أشخاص', () => {
    const [a] = reportedAttacks(eventsOf({ ...base, text: 'هاجم مسلحون محطة حافلات في بغداد أمس، ما أسفر عن مقتل 3 أشخاص.' }));
    expect(a.killed).toBe(3);
  });
  it('later in the story, in the same city, it joins the article\'s incident', () => {
    const evs = eventsOf({ ...base, text: 'انفجرت سيارة مفخخة في بغداد أمس وقتلت 7 أشخاص.\n\nوفي وقت لاحق هاجم مسلحون موقعا قريبا في بغداد وقتلوا 2 من الجنود.' });
    expect(reportedAttacks(evs)).toHaveLength(1);
  });
  it('not terrorism as the object, nor militants who are not its subject', () => {
    expect(reportedAttacks(eventsOf({ ...base, text: 'هاجم الوزير الإرهاب في كلمة ألقاها في بغداد أمس بعد مقتل 3 أشخاص.' }))).toEqual([]);
  });
  it('not without militants beside it, nor without a toll', () => {
    expect(reportedAttacks(eventsOf({ ...base, text: 'هاجم الوزير خصومه في بغداد أمس، ما أسفر عن مقتل 3 أشخاص في الشجار الذي تلاه.' }))).toEqual([]);
    expect(reportedAttacks(eventsOf({ ...base, text: 'هاجم مسلحون محطة حافلات في بغداد أمس.' }))).toEqual([]);
  });
});
