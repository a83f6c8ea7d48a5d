import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, fi, sv } from 'date-fns/locale';
import { HELSINKI } from '../domain/helsinki-time.js';
import type { Locale } from '../domain/localized-text.js';

/**
 * The e-mails of cycles and reviews, in the recipient's language. Finnish is written the way a
 * nurse or a coach would write to a colleague; times are Finnish time.
 */
export type MailText = { subject: string; text: string };

export type ReviewFacts = {
  kind: 'plan' | 'study';
  cycleTitle: string;
  unitName: string;
  startsAt: string;
  durationMinutes: number;
  place: string | null;
  meetingUrl: string | null;
  coachName: string;
  link: string;
};

export type CycleFacts = { cycleTitle: string; unitName: string; doEnd: string; coachNames: string; link: string };

const DATE_LOCALES = { fi, sv, en: enGB };

function when(facts: Pick<ReviewFacts, 'startsAt' | 'durationMinutes'>, locale: Locale): string {
  const start = new TZDate(Date.parse(facts.startsAt), HELSINKI);
  const end = new TZDate(Date.parse(facts.startsAt) + facts.durationMinutes * 60_000, HELSINKI);
  const options = { locale: DATE_LOCALES[locale] };
  switch (locale) {
    case 'fi':
      return `${format(start, 'EEEE d.M.yyyy', options)} klo ${format(start, 'H.mm')}–${format(end, 'H.mm')}`;
    case 'sv':
      return `${format(start, 'EEEE d.M.yyyy', options)} kl. ${format(start, 'H.mm')}–${format(end, 'H.mm')}`;
    case 'en':
      return `${format(start, 'EEEE d MMMM yyyy', options)}, ${format(start, 'HH:mm')}–${format(end, 'HH:mm')} (Finnish time)`;
  }
}

function dateOnly(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? format(new Date(y, m - 1, d), 'd MMMM yyyy', { locale: enGB }) : `${d}.${m}.${y}`;
}

function where(facts: ReviewFacts, locale: Locale): string {
  const label = { fi: ['Paikka', 'Etäyhteys'], sv: ['Plats', 'Möteslänk'], en: ['Place', 'Meeting link'] }[locale];
  return [facts.place && `${label[0]}: ${facts.place}`, facts.meetingUrl && `${label[1]}: ${facts.meetingUrl}`].filter(Boolean).join('\n');
}

const REVIEW_NAME = {
  fi: { plan: 'Suunnitelman katselmointi', study: 'Tulosten katselmointi' },
  sv: { plan: 'Genomgång av planen', study: 'Genomgång av resultaten' },
  en: { plan: 'Plan review', study: 'Study review' },
};

/** The calendar event's title, also used in the .ics. */
export function reviewSummary(facts: Pick<ReviewFacts, 'kind' | 'cycleTitle' | 'unitName'>, locale: Locale): string {
  return `${REVIEW_NAME[locale][facts.kind]}: ${facts.cycleTitle} (${facts.unitName})`;
}

export function reviewDescription(facts: ReviewFacts, locale: Locale): string {
  const lead = {
    fi: `PDSA-syklin "${facts.cycleTitle}" ${facts.kind === 'plan' ? 'suunnitelma' : 'tulokset ja jatko'} käydään läpi yhdessä valmentajan (${facts.coachName}) kanssa.`,
    sv: `Vi går igenom ${facts.kind === 'plan' ? 'planen för' : 'resultaten och fortsättningen av'} PDSA-cykeln "${facts.cycleTitle}" tillsammans med coachen (${facts.coachName}).`,
    en: `Together with the coach (${facts.coachName}) we go through ${facts.kind === 'plan' ? 'the plan of' : 'the results and next steps of'} the PDSA cycle "${facts.cycleTitle}".`,
  }[locale];
  return [lead, where(facts, locale), facts.link].filter(Boolean).join('\n\n');
}

export function invitationMail(facts: ReviewFacts, locale: Locale): MailText {
  const summary = reviewSummary(facts, locale);
  const intro = {
    fi: `Hei,\n\nsinut on kutsuttu katselmointiin ${when(facts, locale)}.`,
    sv: `Hej,\n\ndu är inbjuden till en genomgång ${when(facts, locale)}.`,
    en: `Hello,\n\nyou are invited to a review on ${when(facts, locale)}.`,
  }[locale];
  const outro = {
    fi: 'Kalenterikutsu on liitteenä.',
    sv: 'Kalenderinbjudan finns som bilaga.',
    en: 'The calendar invitation is attached.',
  }[locale];
  return { subject: summary, text: [intro, reviewDescription(facts, locale), outro].join('\n\n') };
}

export function rescheduleMail(facts: ReviewFacts, locale: Locale): MailText {
  const subject = { fi: 'Muuttunut aika', sv: 'Ny tid', en: 'New time' }[locale];
  const intro = {
    fi: `Hei,\n\nkatselmoinnin aika tai paikka on muuttunut. Uusi aika: ${when(facts, locale)}.`,
    sv: `Hej,\n\ngenomgångens tid eller plats har ändrats. Ny tid: ${when(facts, locale)}.`,
    en: `Hello,\n\nthe time or place of the review has changed. New time: ${when(facts, locale)}.`,
  }[locale];
  const outro = {
    fi: 'Päivitetty kalenterikutsu on liitteenä.',
    sv: 'Den uppdaterade kalenderinbjudan finns som bilaga.',
    en: 'The updated calendar invitation is attached.',
  }[locale];
  return { subject: `${subject}: ${reviewSummary(facts, locale)}`, text: [intro, reviewDescription(facts, locale), outro].join('\n\n') };
}

export function cancellationMail(facts: ReviewFacts, locale: Locale): MailText {
  const subject = { fi: 'Peruttu', sv: 'Inställd', en: 'Cancelled' }[locale];
  const text = {
    fi: `Hei,\n\nkatselmointi ${when(facts, locale)} on peruttu. Valmentaja sopii tarvittaessa uuden ajan.\n\n${facts.link}`,
    sv: `Hej,\n\ngenomgången ${when(facts, locale)} är inställd. Coachen bokar vid behov en ny tid.\n\n${facts.link}`,
    en: `Hello,\n\nthe review on ${when(facts, locale)} has been cancelled. The coach will arrange a new time if needed.\n\n${facts.link}`,
  }[locale];
  return { subject: `${subject}: ${reviewSummary(facts, locale)}`, text };
}

export function studyReviewRequestMail(facts: CycleFacts, locale: Locale): MailText {
  return {
    fi: {
      subject: `Sovi tulosten katselmointi: ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hei,\n\nyksikön ${facts.unitName} PDSA-syklin "${facts.cycleTitle}" kokeilujakso päättyi ${dateOnly(facts.doEnd, locale)}, ja tulosten tarkastelu on nyt vuorossa. Sovithan tiimin kanssa tulosten katselmoinnin, jossa päätetään jatkosta: otetaanko muutos käyttöön, muokataanko sitä vai luovutaanko siitä.\n\n${facts.link}`,
    },
    sv: {
      subject: `Boka genomgången av resultaten: ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hej,\n\ntestperioden för PDSA-cykeln "${facts.cycleTitle}" vid ${facts.unitName} slutade ${dateOnly(facts.doEnd, locale)} och det är dags att studera resultaten. Boka en genomgång med teamet där ni beslutar om fortsättningen: att införa, anpassa eller överge förändringen.\n\n${facts.link}`,
    },
    en: {
      subject: `Schedule the study review: ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hello,\n\nthe Do phase of the PDSA cycle "${facts.cycleTitle}" at ${facts.unitName} ended on ${dateOnly(facts.doEnd, locale)}, and it is time to study the results. Please schedule a study review with the team to decide what comes next: adopt, adapt or abandon the change.\n\n${facts.link}`,
    },
  }[locale];
}

export function reminderMail(facts: CycleFacts, locale: Locale): MailText {
  return {
    fi: {
      subject: `Muistutus: tulosten katselmointi puuttuu – ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hei,\n\nPDSA-syklin "${facts.cycleTitle}" (${facts.unitName}) kokeilujakso päättyi ${dateOnly(facts.doEnd, locale)}, mutta jatkopäätöstä ei ole vielä kirjattu. Sovithan tulosten katselmoinnin tiimin kanssa ja kirjaa sen jälkeen päätös Sykliin.\n\n${facts.link}`,
    },
    sv: {
      subject: `Påminnelse: genomgången av resultaten saknas – ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hej,\n\ntestperioden för PDSA-cykeln "${facts.cycleTitle}" (${facts.unitName}) slutade ${dateOnly(facts.doEnd, locale)}, men inget beslut om fortsättningen har registrerats. Boka en genomgång med teamet och registrera sedan beslutet i Sykli.\n\n${facts.link}`,
    },
    en: {
      subject: `Reminder: study review missing – ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hello,\n\nthe Do phase of the PDSA cycle "${facts.cycleTitle}" (${facts.unitName}) ended on ${dateOnly(facts.doEnd, locale)}, but no decision on what comes next has been recorded. Please hold the study review with the team and record the decision in Sykli.\n\n${facts.link}`,
    },
  }[locale];
}

export function escalationMail(facts: CycleFacts, locale: Locale): MailText {
  return {
    fi: {
      subject: `Myöhässä: PDSA-syklin jatkopäätös puuttuu – ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hei,\n\nyksikön ${facts.unitName} PDSA-syklin "${facts.cycleTitle}" kokeilujakso päättyi ${dateOnly(facts.doEnd, locale)}, eikä tulosten katselmointia ole pidetty muistutuksista huolimatta. Sykli on merkitty myöhästyneeksi. Valmentaja: ${facts.coachNames}.\n\nVoisitteko yhdessä sopia, milloin tulokset käydään läpi?\n\n${facts.link}`,
    },
    sv: {
      subject: `Försenad: beslut om PDSA-cykeln saknas – ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hej,\n\ntestperioden för PDSA-cykeln "${facts.cycleTitle}" vid ${facts.unitName} slutade ${dateOnly(facts.doEnd, locale)}, och genomgången av resultaten har trots påminnelser inte hållits. Cykeln är markerad som försenad. Coach: ${facts.coachNames}.\n\nKan ni tillsammans komma överens om när resultaten gås igenom?\n\n${facts.link}`,
    },
    en: {
      subject: `Overdue: no decision on the PDSA cycle – ${facts.cycleTitle} (${facts.unitName})`,
      text: `Hello,\n\nthe Do phase of the PDSA cycle "${facts.cycleTitle}" at ${facts.unitName} ended on ${dateOnly(facts.doEnd, locale)}, and the study review has not been held despite reminders. The cycle is flagged overdue. Coach: ${facts.coachNames}.\n\nCould you agree together when the results will be reviewed?\n\n${facts.link}`,
    },
  }[locale];
}
