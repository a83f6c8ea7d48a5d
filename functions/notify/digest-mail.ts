import { formatDate, formatDateRange, formatList, formatMeeting, periodName } from '../domain/display-format.js';
import type { Locale } from '../domain/localized-text.js';
import type { Person } from '../domain/person.js';
import type { AreaDigest, CoachDigest, WeeklyDigest } from '../domain/weekly-digest.js';
import type { Notifier } from './notifier.js';

/** One line of the digest, and where in Sykli it leads. */
type Line = { text: string; link?: string };
type Section = { heading: string; lines: Line[] };
type Composed = { subject: string; intro: string; sections: Section[]; outro: string; settingsLine: string; settingsLink: string };

const WORDS = {
  fi: {
    subject: (week: string) => `Sykli: viikkokooste (${week})`,
    hello: 'Hei,',
    intro: (week: string) => `tässä viikkosi ${week} Syklissä.`,
    reviews: 'Katselmoinnit tällä viikolla',
    review: { plan: 'Suunnitelman katselmointi', study: 'Tulosten katselmointi' },
    overdue: 'Katselmoinnin tulos kirjaamatta',
    studies: 'Tulosten katselmointi sopimatta',
    doEnded: (date: string) => `toteutus päättyi ${date}`,
    missing: 'Puuttuvat luvut',
    signals: 'Uudet signaalit viime viikolla',
    improving: 'parantava',
    concerning: 'huolestuttava',
    nothing: 'Valmentamissasi yksiköissä ei ole tällä viikolla avoimia asioita.',
    area: (name: string, range: string) => `${name}: tilannekatsaus ${range}`,
    signalsCount: (improving: number, concerning: number) => `Uusia signaaleja: ${improving} parantavaa, ${concerning} huolestuttavaa`,
    cyclesCount: (started: number, studied: number, decided: number) => `Syklejä: toteutus alkoi ${started}, toteutus päättyi ${studied}, päätös tehty ${decided}`,
    adopted: (titles: string) => `Käyttöön otettu: ${titles}`,
    missingUnits: (units: string) => `Lukuja puuttuu: ${units}`,
    openBriefing: 'Koko tilannekatsaus',
    agenda: 'Agendasi Syklissä',
    openAgenda: 'Avaa agenda',
    outro: 'Sykli',
    settings: 'Et halua näitä viestejä? Voit lopettaa viikkokoosteen omista asetuksistasi:',
  },
  sv: {
    subject: (week: string) => `Sykli: veckosammandrag (${week})`,
    hello: 'Hej,',
    intro: (week: string) => `här är din vecka ${week} i Sykli.`,
    reviews: 'Genomgångar den här veckan',
    review: { plan: 'Genomgång av planen', study: 'Genomgång av resultaten' },
    overdue: 'Utfall av genomgången inte registrerat',
    studies: 'Genomgång av resultaten inte bokad',
    doEnded: (date: string) => `Gör-fasen slutade ${date}`,
    missing: 'Värden som saknas',
    signals: 'Nya signaler förra veckan',
    improving: 'förbättring',
    concerning: 'oroande',
    nothing: 'Inget öppet i enheterna du coachar den här veckan.',
    area: (name: string, range: string) => `${name}: lägesrapport ${range}`,
    signalsCount: (improving: number, concerning: number) => `Nya signaler: ${improving} förbättringar, ${concerning} oroande`,
    cyclesCount: (started: number, studied: number, decided: number) => `Cykler: Gör-fasen började ${started}, Gör-fasen slutade ${studied}, beslut fattat ${decided}`,
    adopted: (titles: string) => `Infört: ${titles}`,
    missingUnits: (units: string) => `Värden saknas: ${units}`,
    openBriefing: 'Hela lägesrapporten',
    agenda: 'Din agenda i Sykli',
    openAgenda: 'Öppna agendan',
    outro: 'Sykli',
    settings: 'Vill du inte få de här meddelandena? Du kan stänga av veckosammandraget i dina inställningar:',
  },
  en: {
    subject: (week: string) => `Sykli: weekly digest (${week})`,
    hello: 'Hello,',
    intro: (week: string) => `here is your ${week} in Sykli.`,
    reviews: 'Reviews this week',
    review: { plan: 'Plan review', study: 'Study review' },
    overdue: 'Review outcome not recorded',
    studies: 'Study review not scheduled',
    doEnded: (date: string) => `Do ended ${date}`,
    missing: 'Figures missing',
    signals: 'New signals last week',
    improving: 'improving',
    concerning: 'concerning',
    nothing: 'Nothing is open in the units you coach this week.',
    area: (name: string, range: string) => `${name}: briefing ${range}`,
    signalsCount: (improving: number, concerning: number) => `New signals: ${improving} improving, ${concerning} concerning`,
    cyclesCount: (started: number, studied: number, decided: number) => `Cycles: Do started ${started}, Do ended ${studied}, decided ${decided}`,
    adopted: (titles: string) => `Adopted: ${titles}`,
    missingUnits: (units: string) => `Figures missing: ${units}`,
    openBriefing: 'The whole briefing',
    agenda: 'Your agenda in Sykli',
    openAgenda: 'Open the agenda',
    outro: 'Sykli',
    settings: "Don't want these messages? You can turn the weekly digest off in your settings:",
  },
} as const;

function coachSections(digest: CoachDigest, locale: Locale, url: (path: string) => string): Section[] {
  const w = WORDS[locale];
  const cycleLink = (unitId: string, cycleId: string) => url(`/units/${unitId}/cycles/${cycleId}`);
  const review = (r: CoachDigest['reviews'][number]): Line => ({
    text: `${formatMeeting(r.startsAt, r.durationMinutes, locale)}: ${w.review[r.kind]}, ${r.cycleTitle} (${r.unitName[locale]})`,
    link: cycleLink(r.unitId, r.cycleId),
  });
  const sections: Section[] = [
    { heading: w.reviews, lines: digest.reviews.map(review) },
    { heading: w.overdue, lines: digest.overdueReviews.map(review) },
    {
      heading: w.studies,
      lines: digest.studiesDue.map((c) => ({ text: `${c.title} (${c.unitName[locale]})${c.doEnd ? `, ${w.doEnded(formatDate(c.doEnd, locale))}` : ''}`, link: cycleLink(c.unitId, c.cycleId) })),
    },
    {
      heading: w.missing,
      lines: digest.figuresMissing.map((f) => ({ text: `${f.unitName[locale]}, ${periodName(f.period, locale)}: ${formatList(f.measures.map((m) => m[locale]), locale)}`, link: url(`/units/${f.unitId}/entry`) })),
    },
    {
      heading: w.signals,
      lines: digest.newSignals.map((s) => ({ text: `${s.unitName[locale]}, ${s.measureName[locale]} (${w[s.variation]}): ${s.text[locale]}` })),
    },
  ].filter((section) => section.lines.length > 0);
  return sections.length > 0 ? sections : [{ heading: w.reviews, lines: [{ text: w.nothing }] }];
}

function areaSection(area: AreaDigest, locale: Locale, url: (path: string) => string): Section {
  const w = WORDS[locale];
  const lines: Line[] = [
    { text: w.signalsCount(area.improvingSignals, area.concerningSignals) },
    { text: w.cyclesCount(area.cyclesStarted, area.cyclesStudied, area.cyclesDecided) },
    ...(area.adopted.length > 0 ? [{ text: w.adopted(formatList(area.adopted, locale)) }] : []),
    ...(area.unitsMissingData.length > 0 ? [{ text: w.missingUnits(formatList(area.unitsMissingData.map((n) => n[locale]), locale)) }] : []),
    { text: w.openBriefing, link: url(`/areas/${area.areaId}/briefing?from=${area.from}&to=${area.to}`) },
  ];
  return { heading: w.area(area.areaName[locale], formatDateRange(area.from, area.to, locale)), lines };
}

/** The digest's words in the person's language, as sections of lines that the text and the HTML both show. */
export function composeDigest(digest: WeeklyDigest, locale: Locale, webUrl: string): Composed {
  const base = webUrl.replace(/\/$/, '');
  const url = (path: string) => `${base}${path}`;
  const w = WORDS[locale];
  const week = periodName(digest.week, locale);
  const sections = [
    ...(digest.coach ? [...coachSections(digest.coach, locale, url), { heading: w.agenda, lines: [{ text: w.openAgenda, link: url('/agenda') }] }] : []),
    ...digest.areas.map((area) => areaSection(area, locale, url)),
  ];
  return { subject: w.subject(week), intro: `${w.hello}\n\n${w.intro(week)}`, sections, outro: w.outro, settingsLine: w.settings, settingsLink: url('/settings') };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function digestText(composed: Composed): string {
  const sections = composed.sections.map((s) => [s.heading, ...s.lines.map((l) => (l.link ? `- ${l.text}\n  ${l.link}` : `- ${l.text}`))].join('\n'));
  return [composed.intro, ...sections, composed.outro, `${composed.settingsLine}\n${composed.settingsLink}`].join('\n\n');
}

export function digestHtml(composed: Composed, locale: Locale): string {
  const line = (l: Line) => `<li>${l.link ? `<a href="${escape(l.link)}">${escape(l.text)}</a>` : escape(l.text)}</li>`;
  const sections = composed.sections.map((s) => `<h2 style="font-size:1.1em">${escape(s.heading)}</h2>\n<ul>${s.lines.map(line).join('')}</ul>`);
  const intro = composed.intro.split('\n\n').map((p) => `<p>${escape(p)}</p>`);
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(composed.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">`,
    ...intro,
    ...sections,
    `<p>${escape(composed.outro)}</p>`,
    `<p style="font-size:0.9em;color:#555">${escape(composed.settingsLine)} <a href="${escape(composed.settingsLink)}">${escape(composed.settingsLink)}</a></p>`,
    '</body></html>',
  ].join('\n');
}

/** The weekly digest e-mail: one message, in the person's language, as text and HTML. */
export function createDigestMail(deps: { notifier: Notifier; webUrl: string }) {
  return {
    async send(person: Person, digest: WeeklyDigest): Promise<void> {
      const composed = composeDigest(digest, person.locale, deps.webUrl);
      await deps.notifier.send({
        to: [person.email],
        subject: composed.subject,
        text: digestText(composed),
        html: digestHtml(composed, person.locale),
        kind: 'weekly-digest',
        about: { personId: person.id, week: digest.week },
      });
    },
  };
}
export type DigestMail = ReturnType<typeof createDigestMail>;
