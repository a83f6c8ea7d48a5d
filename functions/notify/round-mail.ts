import type { Locale, LocalizedText } from '../domain/localized-text.js';
import { formatDateTime, formatList, periodName } from '../domain/display-format.js';
import type { Person } from '../domain/person.js';
import type { Unit } from '../domain/unit.js';
import type { Notifier } from './notifier.js';

export type RoundMailKind = 'round-opened' | 'round-reminder' | 'round-escalation';

/** `missing` are the names of the measures still without a figure. */
type Facts = { unit: Unit; period: string; deadline: Date; missing: LocalizedText[]; link: string };

function compose(kind: RoundMailKind, facts: Facts, locale: Locale): { subject: string; text: string } {
  const unit = facts.unit.name[locale];
  const period = periodName(facts.period, locale);
  const deadline = formatDateTime(facts.deadline, locale, { weekday: true });
  const missing = formatList(facts.missing.map((name) => name[locale]), locale);
  switch (kind) {
    case 'round-opened':
      return {
        fi: { subject: `${unit}: luvut (${period})`, text: `Hei,\n\nyksikön ${unit} luvut (${period}) voi nyt kirjata Sykliin: ${missing}. Kirjaathan ne viimeistään ${deadline}.\n\n${facts.link}\n\nSykli` },
        sv: { subject: `${unit}: värdena för ${period}`, text: `Hej,\n\nNu kan du registrera mätvärdena för ${period} för ${unit} i Sykli Det gäller ${missing}. Registrera dem senast ${deadline}.\n\n${facts.link}\n\nSykli` },
        en: { subject: `${unit}: figures for ${period}`, text: `Hello,\n\nThe figures for ${period} of ${unit} can now be logged in Sykli: ${missing}. Please log them by ${deadline}.\n\n${facts.link}\n\nSykli` },
      }[locale];
    case 'round-reminder':
      return {
        fi: { subject: `Muistutus: ${unit}, luvut puuttuvat (${period})`, text: `Hei,\n\nyksikön ${unit} luvuista (${period}) puuttuu vielä: ${missing}. Kirjaathan ne mahdollisimman pian, viimeistään ${deadline}, niin valmentaja ja johto näkevät tilanteen.\n\n${facts.link}\n\nSykli` },
        sv: { subject: `Påminnelse: värdena för ${period} saknas för ${unit}`, text: `Hej,\n\nFör ${unit} saknas ännu värdena för ${period}: ${missing}. Registrera dem så snart som möjligt, senast ${deadline}, så att coachen och ledningen ser läget.\n\n${facts.link}\n\nSykli` },
        en: { subject: `Reminder: figures for ${period} missing for ${unit}`, text: `Hello,\n\nThe figures for ${period} of ${unit} are still missing: ${missing}. Please log them as soon as you can, by ${deadline} at the latest, so that the coach and leadership see where things stand.\n\n${facts.link}\n\nSykli` },
      }[locale];
    case 'round-escalation':
      return {
        fi: { subject: `${unit}: luvut puuttuvat muistutuksesta huolimatta (${period})`, text: `Hei,\n\nvalmentamasi yksikön ${unit} luvut (${period}) puuttuvat yhä muistutuksen jälkeen: ${missing}. Voisitko olla yhteydessä yksikön esihenkilöön?\n\n${facts.link}\n\nSykli` },
        sv: { subject: `${unit}: värdena för ${period} saknas trots påminnelse`, text: `Hej,\n\nvärdena för ${period} saknas fortfarande efter påminnelsen för ${unit}, som du coachar: ${missing}. Kan du kontakta enhetens chef?\n\n${facts.link}\n\nSykli` },
        en: { subject: `${unit}: figures for ${period} still missing after a reminder`, text: `Hello,\n\nthe figures for ${period} of ${unit}, a unit you coach, are still missing after a reminder: ${missing}. Could you get in touch with the unit's supervisor?\n\n${facts.link}\n\nSykli` },
      }[locale];
  }
}

/** The measurement round's e-mails: one per recipient, in their own language. */
export function createRoundMail(deps: { notifier: Notifier; webUrl: string }) {
  return {
    async send(kind: RoundMailKind, recipients: readonly Person[], facts: Omit<Facts, 'link'>, roundId: string): Promise<void> {
      const link = `${deps.webUrl.replace(/\/$/, '')}/units/${facts.unit.id}/entry`;
      for (const person of new Map(recipients.map((p) => [p.id, p])).values()) {
        const { subject, text } = compose(kind, { ...facts, link }, person.locale);
        await deps.notifier.send({ to: [person.email], subject, text, kind, about: { unitId: facts.unit.id, round: roundId } });
      }
    },
  };
}
export type RoundMail = ReturnType<typeof createRoundMail>;
