import { addDays, format, parseISO } from 'date-fns';
import type { Aim } from '../../domain/aim.js';
import type { ChangeIdea } from '../../domain/change-idea.js';
import { emptyDo, emptyStudy, type Cycle, type CycleAct } from '../../domain/cycle.js';
import type { Driver } from '../../domain/driver-diagram.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { reviewStartsAt, type Review } from '../../domain/review.js';

/**
 * The demo's improvement work, dated relative to the day the demo is seeded so that it always
 * looks current: a ramp of three cycles at Palokka (adapt → adapt → adopt, now embedding), cycles
 * in Do, Study and planning, an abandoned test at Vimpeli, and at Nova a study review that was due
 * three days ago and has no outcome (the coach's agenda shows it as overdue). The aims name only
 * measures the units track (demo-measurements.ts), so an aim shows its measure's own target.
 * Palokka's and Uurainen's aims have small driver diagrams, each with a change idea under a driver.
 */
export type DemoCycles = { aims: Aim[]; drivers: Driver[]; ideas: ChangeIdea[]; cycles: Cycle[]; reviews: Review[] };

export function demoCycles(now: Date): DemoCycles {
  const today = helsinkiDate(now);
  const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');
  const at = (offset: number) => addDays(now, offset).toISOString();

  const aims: Aim[] = [
    {
      id: 'palokka-t3',
      unitId: 'palokka',
      statement: 'Hoitajien T3 on enintään 7 vuorokautta kesäkuuhun 2027 mennessä.',
      targetDate: '2027-06-30',
      measures: [
        { measureKey: 't3', role: 'outcome' },
        { measureKey: 'access7d', role: 'process' },
        { measureKey: 'staffWellbeing', role: 'balancing' },
      ],
      createdAt: at(-200),
      version: 1,
    },
    {
      id: 'nova-first-contact',
      unitId: 'nova',
      statement: 'Neljä viidestä asiakkaasta pääsee hoitoon viikon sisällä vuoden 2027 loppuun mennessä.',
      targetDate: '2027-12-31',
      measures: [
        { measureKey: 'access7d', role: 'outcome' },
        { measureKey: 'satisfaction', role: 'balancing' },
      ],
      createdAt: at(-120),
      version: 1,
    },
    {
      id: 'alajarvi-care-plans',
      unitId: 'alajarvi',
      statement: 'Paljon palveluja tarvitsevat asiakkaat saavat omatyöntekijän, ja hoitajien T3 on enintään 7 vuorokautta syyskuuhun 2027 mennessä.',
      targetDate: '2027-09-30',
      measures: [
        { measureKey: 't3', role: 'outcome' },
        { measureKey: 'satisfaction', role: 'balancing' },
      ],
      createdAt: at(-160),
      version: 1,
    },
    {
      id: 'uurainen-t3',
      unitId: 'uurainen',
      statement: 'Hoitajien T3 on enintään 10 vuorokautta maaliskuuhun 2027 mennessä.',
      targetDate: '2027-03-31',
      measures: [{ measureKey: 't3', role: 'outcome' }],
      createdAt: at(-60),
      version: 1,
    },
  ];

  const driver = (aim: Aim, id: string, parentId: string | null, order: number, text: string): Driver =>
    ({ id, unitId: aim.unitId, aimId: aim.id, parentId, text, order, createdAt: aim.createdAt, version: 1 });
  const [palokkaAim, , , uurainenAim] = aims as [Aim, Aim, Aim, Aim];
  const drivers: Driver[] = [
    driver(palokkaAim, 'palokka-access', null, 0, 'Kiireettömiä vastaanottoaikoja on riittävästi'),
    driver(palokkaAim, 'palokka-first-contact', 'palokka-access', 0, 'Hoitaja hoitaa asian jo ensimmäisellä yhteydenotolla'),
    driver(palokkaAim, 'palokka-no-repeat-calls', 'palokka-access', 1, 'Asiakkaan ei tarvitse soittaa uudelleen'),
    driver(palokkaAim, 'palokka-staff', null, 1, 'Koko henkilöstö tuntee uuden toimintatavan'),
    driver(uurainenAim, 'uurainen-phone', null, 0, 'Kiireettömät asiat hoituvat jo puhelimessa'),
  ];
  // Each idea that sits under a driver of its aim's driver diagram.
  const ideaDrivers: Record<string, string> = { 'palokka-callback': 'palokka-first-contact', 'uurainen-morning-phone': 'uurainen-phone' };

  const ideas: ChangeIdea[] = [
    idea('palokka-callback', 'palokka', 'palokka-t3', 'Takaisinsoitto samana päivänä', 'Hoitaja soittaa kiireettömän yhteydenoton takaisin saman päivän aikana ja hoitaa asian heti, jos se on mahdollista.', at(-190)),
    idea('sampoharju-omaolo', 'sampoharju', null, 'Omaolo-ohjaus tekstiviestillä', 'Ajanvarauspuhelun jonossa odottavalle lähetetään linkki Omaolo-oirearvioon.', at(-40)),
    idea('nova-one-contact', 'nova', 'nova-first-contact', 'Moniammatillinen vastaanotto yhdellä käynnillä', 'Hoitaja, lääkäri ja fysioterapeutti katsovat asiakkaan tarpeen yhdessä jo ensimmäisellä käynnillä.', at(-100)),
    idea('alajarvi-own-worker', 'alajarvi', 'alajarvi-care-plans', 'Omatyöntekijä ensimmäisestä yhteydestä', 'Paljon palveluja tarvitsevalle nimetään omatyöntekijä jo ensimmäisessä yhteydenotossa.', at(-150)),
    idea('uurainen-morning-phone', 'uurainen', 'uurainen-t3', 'Hoitajan puhelinaika aamuisin', 'Hoitaja vastaa puhelimeen aamuisin, jotta kiireettömät asiat hoituvat heti ja ajat riittävät.', at(-50)),
    idea('vimpeli-group-visits', 'vimpeli', null, 'Ryhmävastaanotto diabeetikoille', 'Vuosikontrollit pidetään pienryhmissä yksilökäyntien sijaan.', at(-90)),
  ];

  // Palokka's ramp: each adapted cycle hands its learning to the next one.
  const ramp1 = cycle({
    id: 'palokka-ramp-1', unitId: 'palokka', ideaId: 'palokka-callback', aimId: 'palokka-t3',
    title: 'Takaisinsoitto samana päivänä – aamupäivät',
    objective: 'Kokeillaan, ehtiikö kaksi hoitajaa soittaa aamupäivän yhteydenotot takaisin samana päivänä.',
    questions: [{ question: 'Lyheneekö T3, kun aamupäivän yhteydenotot soitetaan takaisin samana päivänä?', prediction: 'T3 lyhenee noin 14 vuorokaudesta 12 vuorokauteen.', measureKey: 't3', expectedValue: 12, expectedDirection: 'decrease' }],
    plan: { who: 'Kaksi vastaanoton hoitajaa', what: 'Aamupäivän takaisinsoitot samana päivänä', where: 'Palokan vastaanotto', doStart: day(-160), doEnd: day(-146), dataCollection: 'Päivittäinen tukkimiehen kirjanpito takaisinsoitoista' },
    doNotes: { whatHappened: 'Takaisinsoitot onnistuivat 9 päivänä 10:stä.', observations: 'Iltapäivällä soittoja jäi seuraavaan päivään.', problems: 'Yksi sairauspoissaolo.' },
    study: { results: 'Samana päivänä hoidettuja 86 % (ennuste 80 %).', learning: 'Aamupäivät toimivat; iltapäivään tarvitaan kolmas hoitaja.' },
    act: { decision: 'adapt', reason: 'Toimii aamupäivisin; laajennetaan koko päivään.', nextSteps: 'Kolmas hoitaja iltapäiviin.' },
    phase: 'adapted', createdAt: at(-165), nextCycleId: 'palokka-ramp-2',
  });
  const ramp2 = cycle({
    id: 'palokka-ramp-2', unitId: 'palokka', ideaId: 'palokka-callback', aimId: 'palokka-t3',
    title: 'Takaisinsoitto samana päivänä – koko päivä',
    objective: 'Laajennetaan takaisinsoitot koko päivään kolmella hoitajalla. Edellisestä syklistä: aamupäivät toimivat.',
    questions: [{ question: 'Lyheneekö T3 lisää, kun takaisinsoitot kattavat koko päivän?', prediction: 'T3 lyhenee 10 vuorokauteen.', measureKey: 't3', expectedValue: 10, expectedDirection: 'decrease' }],
    plan: { who: 'Kolme vastaanoton hoitajaa', what: 'Kaikki kiireettömät takaisinsoitot samana päivänä', where: 'Palokan vastaanotto', doStart: day(-140), doEnd: day(-112), dataCollection: 'Päivittäinen kirjanpito ja T3 viikoittain' },
    doNotes: { whatHappened: 'Takaisinsoitot onnistuivat useimpina päivinä.', observations: 'Maanantait ruuhkautuivat.', problems: 'Maanantaisin soittoja jäi yli.' },
    study: { results: 'Samana päivänä hoidettuja 78 %; maanantaisin 55 %.', learning: 'Maanantaihin tarvitaan oma järjestely.' },
    act: { decision: 'adapt', reason: 'Muut päivät toimivat, maanantai ei.', nextSteps: 'Maanantaihin lisähoitaja ja kaikki hoitajat mukaan.' },
    phase: 'adapted', createdAt: at(-142), previousCycleId: 'palokka-ramp-1', nextCycleId: 'palokka-ramp-3',
  });
  const ramp3 = cycle({
    id: 'palokka-ramp-3', unitId: 'palokka', ideaId: 'palokka-callback', aimId: 'palokka-t3',
    title: 'Takaisinsoitto samana päivänä – kaikki hoitajat',
    objective: 'Kaikki hoitajat mukana, maanantaisin lisähoitaja. Edellisestä syklistä: maanantai vaatii oman järjestelyn.',
    questions: [{ question: 'Saadaanko T3 alle tavoitteen, kun kaikki hoitajat ovat mukana ja maanantai on resursoitu?', prediction: 'T3 laskee alle 7 vuorokauden.', measureKey: 't3', expectedValue: 6, expectedDirection: 'decrease' }],
    plan: { who: 'Kaikki vastaanoton hoitajat', what: 'Takaisinsoitot samana päivänä, maanantaisin lisähoitaja', where: 'Palokan vastaanotto', doStart: day(-105), doEnd: day(-77), dataCollection: 'T3 viikoittain, takaisinsoitot päivittäin' },
    doNotes: { whatHappened: 'Malli oli käytössä koko jakson.', observations: 'T3 laski selvästi.', problems: 'Ei merkittäviä.' },
    study: { results: 'Samana päivänä hoidettuja 91 %; T3 laski 14 vuorokaudesta 6 vuorokauteen.', learning: 'Malli kantaa, kun maanantai on resursoitu.' },
    act: { decision: 'adopt', reason: 'Tavoitesuunta selvä ja malli toimii arjessa.', nextSteps: 'Juurrutetaan: seurataan T3:a viikoittain puoli vuotta.' },
    phase: 'embedding', createdAt: at(-108), previousCycleId: 'palokka-ramp-2',
  });

  const cycles: Cycle[] = [
    ramp1,
    ramp2,
    ramp3,
    cycle({
      id: 'sampoharju-omaolo-1', unitId: 'sampoharju', ideaId: 'sampoharju-omaolo', aimId: null,
      title: 'Omaolo-linkki jonottajille',
      objective: 'Ohjataan puhelinjonossa odottavia tekemään Omaolo-oirearvio.',
    questions: [{ question: 'Lyheneekö T3, kun jonottajat ohjataan tekemään Omaolo-oirearvio?', prediction: 'T3 lyhenee, kun osa asioista hoituu Omaolon kautta.', measureKey: 't3', expectedDirection: 'decrease' }],
      plan: { who: 'Ajanvarauksen hoitajat', what: 'Tekstiviesti, jossa linkki Omaoloon', where: 'Sampoharjun terveysasema', doStart: day(-7), doEnd: day(10), dataCollection: 'Omaolo-arvioiden määrä viikoittain' },
      phase: 'doing', createdAt: at(-20),
    }),
    cycle({
      id: 'sampoharju-omaolo-2', unitId: 'sampoharju', ideaId: 'sampoharju-omaolo', aimId: null,
      title: 'Omaolo-ohjaus verkkosivuille',
      objective: 'Lisätään terveysaseman verkkosivuille selkeä ohje Omaolon käytöstä.',
    questions: [{ question: 'Pääseekö useampi hoitoon viikon sisällä, kun Omaolon ohje on verkkosivuilla?', prediction: 'Viikon sisällä hoitoon päässeiden osuus nousee.', measureKey: 'access7d', expectedDirection: 'increase' }],
      plan: { who: 'Osastonhoitaja ja viestintä', what: 'Ohje ja linkki etusivulle', where: 'Verkkosivut', doStart: day(14), doEnd: day(42), dataCollection: 'Omaolo-arviot ja puhelujen määrä' },
      phase: 'planning', createdAt: at(-5),
    }),
    cycle({
      id: 'nova-one-contact-1', unitId: 'nova', ideaId: 'nova-one-contact', aimId: 'nova-first-contact',
      title: 'Yhteinen vastaanotto tiistaisin',
      objective: 'Kokeillaan moniammatillista vastaanottoa tiistaisin.',
    questions: [{ question: 'Pääseekö useampi hoitoon viikon sisällä yhteisen vastaanoton ansiosta?', prediction: 'Osuus nousee 80 %:iin.', measureKey: 'access7d', expectedValue: 80, expectedDirection: 'increase' }],
      plan: { who: 'Hoitaja, lääkäri ja fysioterapeutti', what: 'Yhteinen vastaanotto tiistaisin', where: 'Novan vastaanotto', doStart: day(-40), doEnd: day(-12), dataCollection: 'Ensimmäisellä yhteydellä ratkenneet' },
      doNotes: { whatHappened: 'Neljä tiistaita pidettiin.', observations: 'Asiakkaat kiittivät.', problems: 'Fysioterapeutin aika ei aina riittänyt.' },
      study: { results: 'Viikon sisällä hoitoon päässeitä tiistaisin enemmän kuin ennen; koko viikon osuus vielä tarkistettava kuvaajasta.', learning: 'Yhteinen vastaanotto vaatii fysioterapeutille pidemmän ajan.' },
      phase: 'studying', createdAt: at(-45), notified: ['study-request'],
    }),
    cycle({
      id: 'alajarvi-own-worker-1', unitId: 'alajarvi', ideaId: 'alajarvi-own-worker', aimId: 'alajarvi-care-plans',
      title: 'Omatyöntekijä nimetään ensikäynnillä',
      objective: 'Nimetään omatyöntekijä paljon palveluja tarvitseville jo ensimmäisessä yhteydessä.',
    questions: [{ question: 'Lyheneekö T3, kun toistuvat yhteydenotot vähenevät?', prediction: 'T3 lyhenee muutamalla vuorokaudella.', measureKey: 't3', expectedDirection: 'decrease' }],
      plan: { who: 'Sote-keskuksen hoitajat', what: 'Omatyöntekijän nimeäminen ja kirjaus', where: 'Alajärven sote-keskus', doStart: day(-120), doEnd: day(-92), dataCollection: 'Hoitosuunnitelmien osuus kuukausittain' },
      doNotes: { whatHappened: 'Nimeäminen tehtiin 41 asiakkaalle.', observations: 'Toistuvat yhteydenotot vähenivät.', problems: 'Kirjausohje oli aluksi epäselvä.' },
      study: { results: 'Hoitosuunnitelma 38 %:sta 71 %:iin.', learning: 'Selkeä kirjausohje on tärkeä.' },
      act: { decision: 'adopt', reason: 'Selvä parannus ja henkilöstö sitoutunut.', nextSteps: 'Malli pysyväksi; seurataan kuukausittain.' },
      phase: 'adopted', createdAt: at(-125),
    }),
    cycle({
      id: 'vimpeli-group-visits-1', unitId: 'vimpeli', ideaId: 'vimpeli-group-visits', aimId: null,
      title: 'Diabeetikoiden ryhmäkontrolli',
      objective: 'Kokeillaan neljän hengen ryhmäkontrollia.',
    questions: [{ question: 'Ovatko asiakkaat tyytyväisiä ryhmäkontrolliin?', prediction: 'Tyytyväisyys pysyy ennallaan.', measureKey: 'satisfaction', expectedDirection: 'noChange' }],
      plan: { who: 'Diabeteshoitaja', what: 'Kaksi ryhmäkontrollia', where: 'Vimpelin sivutoimipiste', doStart: day(-80), doEnd: day(-60), dataCollection: 'Osallistujat ja palaute' },
      doNotes: { whatHappened: 'Ryhmiin ilmoittautui vain kolme asiakasta.', observations: 'Asiakkaat halusivat henkilökohtaisen ajan.', problems: 'Pitkät välimatkat.' },
      study: { results: 'Osallistujia 3 (ennuste 8).', learning: 'Ryhmämalli ei sovi tähän asiakaskuntaan.' },
      act: { decision: 'abandon', reason: 'Asiakkaat eivät halunneet ryhmää.', nextSteps: 'Kokeillaan etävastaanottoa.' },
      phase: 'abandoned', createdAt: at(-85),
    }),
  ];

  const reviews: Review[] = [
    review({ id: 'palokka-ramp-3-study', cycle: ramp3, kind: 'study', date: day(-74), coachId: 'aino-virtanen', participantIds: ['minna-hakala'], status: 'held', notes: 'Käytiin läpi T3-kuvaaja ja takaisinsoittojen kirjanpito.', act: ramp3.act }),
    review({ id: 'nova-one-contact-1-study', cycle: cycles.find((c) => c.id === 'nova-one-contact-1')!, kind: 'study', date: day(-3), coachId: 'aino-virtanen', participantIds: ['eero-salminen'], status: 'scheduled' }),
    review({ id: 'sampoharju-omaolo-2-plan', cycle: cycles.find((c) => c.id === 'sampoharju-omaolo-2')!, kind: 'plan', date: day(5), coachId: 'aino-virtanen', participantIds: ['minna-hakala'], status: 'scheduled' }),
  ];

  return { aims, drivers, ideas, cycles, reviews };

  function idea(id: string, unitId: string, aimId: string | null, title: string, description: string, createdAt: string): ChangeIdea {
    return { id, unitId, aimId, driverId: ideaDrivers[id] ?? null, title, description, createdAt, version: 1 };
  }

  function cycle(c: {
    id: string; unitId: string; ideaId: string; aimId: string | null; title: string; objective: string;
    questions?: Cycle['questions']; plan: Cycle['plan']; doNotes?: Cycle['do']; study?: Cycle['study']; act?: CycleAct;
    phase: Cycle['phase']; createdAt: string; previousCycleId?: string; nextCycleId?: string; notified?: string[];
  }): Cycle {
    return {
      id: c.id, unitId: c.unitId, changeIdeaId: c.ideaId, aimId: c.aimId, title: c.title, objective: c.objective,
      questions: c.questions ?? [], plan: c.plan, do: c.doNotes ?? emptyDo(), study: c.study ?? emptyStudy(), act: c.act ?? null,
      previousCycleId: c.previousCycleId ?? null, nextCycleId: c.nextCycleId ?? null, phase: c.phase, flags: [],
      workflow: { attempt: 0, notified: c.notified ?? [] }, createdAt: c.createdAt, updatedAt: c.createdAt, version: 1,
    };
  }

  function review(r: {
    id: string; cycle: Cycle; kind: Review['kind']; date: string; coachId: string; participantIds: string[];
    status: Review['status']; notes?: string; act?: CycleAct | null;
  }): Review {
    const slot = { date: r.date, startTime: '13:00' };
    return {
      id: r.id, unitId: r.cycle.unitId, cycleId: r.cycle.id, kind: r.kind, ...slot, durationMinutes: 60,
      place: 'Neuvotteluhuone', meetingUrl: null, startsAt: reviewStartsAt(slot), participantIds: r.participantIds,
      coachId: r.coachId, status: r.status, sequence: 0,
      outcome: r.status === 'held' ? { notes: r.notes ?? '', ...(r.act ? { act: r.act } : {}) } : null,
      createdAt: r.cycle.createdAt, updatedAt: r.cycle.createdAt, version: 1,
    };
  }
}
