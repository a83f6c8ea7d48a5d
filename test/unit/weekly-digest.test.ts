import { describe, expect, it } from 'vitest';
import type { AreaBriefing, BriefingCycle, BriefingUnit } from '../../functions/domain/area-briefing.js';
import type { CoachAgenda } from '../../functions/domain/coach-agenda.js';
import { emptyDo, emptyPlan, type Cycle } from '../../functions/domain/cycle.js';
import type { Review } from '../../functions/domain/review.js';
import { areaDigest, coachDigest, coachDigestIsEmpty, digestWeek, digestWindow } from '../../functions/domain/weekly-digest.js';
import { composeDigest, digestHtml, digestText } from '../../functions/notify/digest-mail.js';
import { mimeMessage } from '../../functions/notify/mime-message.js';

const at = '2026-11-01T00:00:00.000Z';
const name = (fi: string, sv: string, en: string) => ({ fi, sv, en });
const uurainen = name('Uuraisten terveysasema', 'Uurainen hälsostation', 'Uurainen Health Station');
const palokka = name('Palokan terveysasema', 'Palokka hälsostation', 'Palokka Health Station');
const t3 = name('T3-aika', 'T3-tid', 'T3 time');
// Monday 7.12.2026 07:00 Helsinki time (05:00 UTC): week 50; the week told of is 30.11.–6.12.
const monday = new Date('2026-12-07T05:00:00Z');

const review = (id: string, startsAt: string, kind: Review['kind'] = 'study'): Review => ({
  id, unitId: 'uurainen', cycleId: 'c1', kind, date: startsAt.slice(0, 10), startTime: '10:00', durationMinutes: 60, place: null, meetingUrl: null,
  startsAt, participantIds: ['eero'], coachId: 'eero', status: 'scheduled', sequence: 0, outcome: null, createdAt: at, updatedAt: at, version: 1,
});
const cycle: Cycle = {
  id: 'c2', unitId: 'palokka', changeIdeaId: null, aimId: null, title: 'Aamun puhelintunti', objective: '', questions: [],
  plan: { ...emptyPlan(), doStart: '2026-11-02', doEnd: '2026-11-29' }, do: emptyDo(), study: { results: '', learning: '' }, act: null,
  previousCycleId: null, nextCycleId: null, phase: 'studying', flags: [], workflow: { attempt: 1, notified: [] }, createdAt: at, updatedAt: at, version: 2,
};
const agenda: CoachAgenda = {
  // One on Wednesday of the digest's week, one three weeks away (not this week's).
  upcoming: [review('r1', '2026-12-09T08:00:00.000Z'), review('r2', '2026-12-30T08:00:00.000Z', 'plan')],
  overdue: [],
  studiesDue: [cycle],
  figuresMissing: [{ unitId: 'palokka', unitName: palokka, measures: [{ measureKey: 't3', name: t3, period: '2026-W49' }] }],
};
const briefCycle = (cycleId: string, title: string): BriefingCycle => ({
  cycleId, title, phase: 'adopted', doStart: null, doEnd: null, decision: 'adopt', decidedAt: null, verdicts: [],
});
const unit = (unitId: string, unitName: BriefingUnit['unitName'], parts: Partial<BriefingUnit> = {}): BriefingUnit => ({
  unitId, unitName, newSignals: [], cyclesStarted: [], cyclesStudied: [], cyclesDecided: [], adopted: [], missingData: [], progress: null, ...parts,
});
const signal = (variation: 'improving' | 'concerning') => ({
  measureKey: 't3', measureName: t3, kind: 'belowLowerLimit' as const, firstPeriod: '2026-W49', lastPeriod: '2026-W49', variation,
  text: name('Piste alarajan alapuolella', 'En punkt under den nedre gränsen', 'A point below the lower limit'),
  trend: { start: '2026-W44', values: [12, 11, 13, 12, 11, 6], centre: [{ from: 0, cl: 11.8 }], signals: [5] },
  unitLabel: name('vrk', 'dygn', 'days'),
  target: 7,
});
const briefing: AreaBriefing = {
  areaId: 'keski-suomi', languages: ['fi'], from: '2026-11-30', to: '2026-12-06',
  units: [
    unit('uurainen', uurainen, { newSignals: [signal('improving')], cyclesDecided: [briefCycle('c1', 'Takaisinsoitto')], adopted: [briefCycle('c1', 'Takaisinsoitto')] }),
    // A unit the coach does not coach: its signal is not theirs to hear of.
    unit('hankasalmi', name('Hankasalmen terveysasema', 'Hankasalmi hälsostation', 'Hankasalmi Health Station'), { newSignals: [signal('concerning')] }),
    unit('palokka', palokka, { missingData: [{ measureKey: 't3', measureName: t3, periods: ['2026-W49'] }] }),
  ],
};

describe('the weekly digest', () => {
  it("belongs to the ISO week of its Monday and tells of the seven days before it", () => {
    expect(digestWeek(monday)).toBe('2026-W50');
    expect(digestWindow(monday)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // Over the change to summer time (Monday 30.3.2026), the days are still Helsinki's.
    expect(digestWindow(new Date('2026-03-30T04:00:00Z'))).toEqual({ from: '2026-03-23', to: '2026-03-29' });
  });

  it("gives a coach this week's reviews, studies due, missing figures and the new signals of the units they coach", () => {
    const digest = coachDigest({
      agenda, briefings: [briefing], coachedUnitIds: ['uurainen', 'palokka'],
      unitNames: new Map([['uurainen', uurainen], ['palokka', palokka]]), cycleTitles: new Map([['c1', 'Takaisinsoitto']]), now: monday,
    });
    expect(digest.reviews).toMatchObject([{ reviewId: 'r1', unitName: uurainen, cycleTitle: 'Takaisinsoitto', kind: 'study' }]);
    expect(digest.studiesDue).toMatchObject([{ cycleId: 'c2', title: 'Aamun puhelintunti', unitName: palokka, doEnd: '2026-11-29' }]);
    expect(digest.figuresMissing).toEqual([{ unitId: 'palokka', unitName: palokka, measures: [t3], period: '2026-W49' }]);
    expect(digest.newSignals).toMatchObject([{ unitId: 'uurainen', variation: 'improving' }]);
    expect(coachDigestIsEmpty(digest)).toBe(false);
  });

  it("gives an area's leader the week's briefing counted, with the changes adopted and the units missing figures", () => {
    expect(areaDigest({ id: 'keski-suomi', name: name('Keski-Suomi', 'Mellersta Finland', 'Central Finland') }, briefing)).toEqual({
      areaId: 'keski-suomi', areaName: name('Keski-Suomi', 'Mellersta Finland', 'Central Finland'), from: '2026-11-30', to: '2026-12-06',
      units: 3, improvingSignals: 1, concerningSignals: 1, cyclesStarted: 0, cyclesStudied: 0, cyclesDecided: 1,
      adopted: ['Takaisinsoitto'], unitsMissingData: [palokka],
    });
  });

  it("is written in the person's language, with links into Sykli and to the settings where it is turned off", () => {
    const coach = coachDigest({ agenda, briefings: [briefing], coachedUnitIds: ['uurainen', 'palokka'], unitNames: new Map([['uurainen', uurainen], ['palokka', palokka]]), cycleTitles: new Map([['c1', 'Takaisinsoitto']]), now: monday });
    const area = areaDigest({ id: 'keski-suomi', name: name('Keski-Suomi', 'Mellersta Finland', 'Central Finland') }, briefing);
    const digest = { week: '2026-W50', coach, areas: [area] };

    const fi = composeDigest(digest, 'fi', 'https://sykli.example/');
    expect(fi.subject).toBe('Sykli: viikkokooste (vk 50/2026)');
    const text = digestText(fi);
    expect(text).toContain('Katselmoinnit tällä viikolla\n- ke 9.12.2026 10.00–11.00: Tulosten katselmointi, Takaisinsoitto (Uuraisten terveysasema)\n  https://sykli.example/units/uurainen/cycles/c1');
    expect(text).toContain('Puuttuvat luvut\n- Palokan terveysasema, vk 49/2026: T3-aika');
    expect(text).toContain('Uudet signaalit viime viikolla\n- Uuraisten terveysasema, T3-aika (parantava): Piste alarajan alapuolella');
    expect(text).not.toContain('Hankasalmen');
    expect(text).toContain('Keski-Suomi: tilannekatsaus 30.11.–6.12.2026');
    expect(text).toContain('https://sykli.example/areas/keski-suomi/briefing?from=2026-11-30&to=2026-12-06');
    expect(text).toContain('Käyttöön otettu: Takaisinsoitto');
    expect(text).toMatch(/omista asetuksistasi:\nhttps:\/\/sykli\.example\/settings$/);

    const sv = digestText(composeDigest(digest, 'sv', 'https://sykli.example'));
    expect(sv).toContain('Genomgångar den här veckan');
    expect(sv).toContain('Mellersta Finland: lägesrapport');
    const en = digestText(composeDigest(digest, 'en', 'https://sykli.example'));
    expect(en).toContain('Figures missing\n- Palokka Health Station, week 49, 2026: T3 time');

    const html = digestHtml(fi, 'fi');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<a href="https://sykli.example/areas/keski-suomi/briefing?from=2026-11-30&amp;to=2026-12-06">Koko tilannekatsaus</a>');
    expect(html).toContain('<a href="https://sykli.example/settings">');
  });

  it('says so when a coach has nothing open, and escapes what people wrote in the HTML', () => {
    const empty = coachDigest({ agenda: { upcoming: [], overdue: [], studiesDue: [], figuresMissing: [] }, briefings: [], coachedUnitIds: ['uurainen'], unitNames: new Map(), cycleTitles: new Map(), now: monday });
    expect(coachDigestIsEmpty(empty)).toBe(true);
    expect(digestText(composeDigest({ week: '2026-W50', coach: empty, areas: [] }, 'fi', 'https://sykli.example'))).toContain(
      'Valmentamissasi yksiköissä ei ole tällä viikolla avoimia asioita.',
    );
    const sneaky = { ...agenda, upcoming: [], studiesDue: [{ ...cycle, title: '<script>alert(1)</script>' }] };
    const coach = coachDigest({ agenda: sneaky, briefings: [], coachedUnitIds: ['palokka'], unitNames: new Map([['palokka', palokka]]), cycleTitles: new Map(), now: monday });
    const html = digestHtml(composeDigest({ week: '2026-W50', coach, areas: [] }, 'fi', 'https://sykli.example'), 'fi');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('is sent as text and HTML alternatives of one MIME body', () => {
    const raw = mimeMessage({ to: ['eero@sykli.example'], subject: 'Sykli: viikkokooste', text: 'Hei', html: '<p>Hei</p>', kind: 'weekly-digest' }, 'sykli@sykli.example');
    expect(raw).toMatch(/Content-Type: multipart\/alternative; boundary="(sykli-alt-[^"]+)"/);
    const parts = raw.split(/--sykli-alt-[0-9a-f-]+/);
    expect(parts[1]).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(parts[2]).toContain('Content-Type: text/html; charset=UTF-8');
    expect(Buffer.from(parts[2]!.split('\r\n\r\n')[1]!.trim(), 'base64').toString('utf8')).toBe('<p>Hei</p>');
  });
});
