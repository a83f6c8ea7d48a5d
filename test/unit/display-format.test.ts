import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, periodName } from '../../functions/domain/display-format.js';
import type { OutgoingMessage } from '../../functions/notify/notifier.js';
import { createRoundMail } from '../../functions/notify/round-mail.js';
import type { Person } from '../../functions/domain/person.js';
import type { Unit } from '../../functions/domain/unit.js';

describe('periods and dates as people read them', () => {
  it('names a week with its year and a month in words, never as an ISO week', () => {
    expect(['fi', 'sv', 'en'].map((l) => periodName('2026-W49', l as 'fi'))).toEqual(['vk 49/2026', 'v. 49/2026', 'week 49, 2026']);
    expect(['fi', 'sv', 'en'].map((l) => periodName('2026-11', l as 'fi'))).toEqual(['marraskuu 2026', 'november 2026', 'November 2026']);
  });

  it('writes dates in one numeric style per language, with or without the time (Helsinki)', () => {
    expect(formatDate('2026-11-29', 'en', { weekday: true })).toBe('Sun, 29/11/2026');
    expect(formatDateTime('2026-12-02T05:00:00Z', 'en')).toBe('02/12/2026, 7:00');
    expect(formatDate('2026-11-29', 'fi')).toBe('29.11.2026');
    expect(formatDateTime('2026-12-02T05:00:00Z', 'fi')).toBe('2.12.2026 klo 7.00');
  });
});

describe("the round's e-mails", () => {
  it('name the missing measures and the period in the reader’s language, without keys or ISO weeks', async () => {
    const sent: OutgoingMessage[] = [];
    const mail = createRoundMail({ notifier: { send: async (m) => void sent.push(m) }, webUrl: 'http://sykli.test' });
    const unit = { id: 'kyllo', name: { fi: 'Kyllön terveysasema', sv: 'Kyllö hälsostation', en: 'Kyllö health station' } } as Unit;
    const person = (locale: 'fi' | 'sv' | 'en') => ({ id: locale, email: `${locale}@sykli.test`, locale }) as Person;
    const missing = [
      { fi: 'Hoitoon pääsy 7 vrk', sv: 'Tillgång till vård 7 d', en: 'Access within 7 days' },
      { fi: 'T3-luku', sv: 'T3-talet', en: 'T3 figure' },
    ];
    await mail.send('round-reminder', [person('fi'), person('sv'), person('en')], { unit, period: '2026-W49', deadline: new Date('2026-12-09T10:00:00Z'), missing }, 'weekly/2026-W49');
    const [fi, sv, en] = sent;
    expect(fi!.text).toContain('Hoitoon pääsy 7 vrk ja T3-luku');
    expect(fi!.subject).toContain('vk 49/2026');
    expect(sv!.text).toContain('Tillgång till vård 7 d och T3-talet');
    expect(en!.text).toContain('week 49, 2026');
    for (const message of sent) expect(`${message.subject} ${message.text}`).not.toMatch(/\d{4}-W\d\d|access7d|\bt3\b/);
  });
});
