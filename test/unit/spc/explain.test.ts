import { describe, expect, it } from 'vitest';
import { computeChart, explainSignals } from '../../../functions/domain/spc/index.js';

const weeks = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

describe('explainSignals', () => {
  it('describes an unusually long run below the median of a run chart', () => {
    // 22 points, 11 high and 11 low; weeks 12–19 are low: 8 > round(log2 22) + 3 = 7.
    const high = (i: number) => 20 + i;
    const low = (i: number) => 1 + i;
    const y = [
      high(1), high(2), low(1), high(3), high(4), low(2), high(5), high(6), high(7), low(3), high(8),
      low(4), low(5), low(6), low(7), low(8), low(9), low(10), low(11),
      high(9), high(10), high(11),
    ];
    const result = computeChart({ chart: 'run', y });
    const explanations = explainSignals(result, { labels: weeks(22), period: 'week' });
    expect(explanations).toEqual([
      {
        kind: 'longRun',
        firstIndex: 11,
        lastIndex: 18,
        text: {
          fi: '8 peräkkäistä viikkoa mediaanin alapuolella viikosta 12 alkaen.',
          sv: '8 veckor i följd under medianen från och med vecka 12.',
          en: '8 consecutive weeks below the median since week 12.',
        },
      },
    ]);
  });

  it('describes points outside the limits and a long run about the centre line of a control chart', () => {
    const y = [10, 11, 9, 10, 12, 9, 11, 10, 9, 11, 10, 12, 9, 10, 11, 9, 30];
    const labels = y.map((_, i) => `${(i % 12) + 1}/${2024 + Math.floor(i / 12)}`);
    const result = computeChart({ chart: 'i', y: [...y, 2], exclude: [] });
    const texts = explainSignals(result, { labels: [...labels, '6/2025'], period: 'month' }).map((e) => e.text);
    expect(texts).toEqual([
      {
        fi: 'Kuukauden 5/2025 arvo on ylemmän valvontarajan yläpuolella.',
        sv: 'Värdet för månad 5/2025 ligger över den övre styrgränsen.',
        en: 'The value for month 5/2025 is above the upper control limit.',
      },
      {
        fi: 'Kuukauden 6/2025 arvo on alemman valvontarajan alapuolella.',
        sv: 'Värdet för månad 6/2025 ligger under den nedre styrgränsen.',
        en: 'The value for month 6/2025 is below the lower control limit.',
      },
    ]);

    const shifted = computeChart({ chart: 'c', y: [5, 7, 6, 5, 7, 6, 12, 13, 12, 14, 13, 12, 13, 14, 12, 13] });
    const long = explainSignals(shifted, { labels: weeks(16), period: 'week' }).filter((e) => e.kind === 'longRun');
    expect(long.map((e) => e.text)).toEqual([
      {
        fi: '10 peräkkäistä viikkoa keskiviivan yläpuolella viikosta 7 alkaen.',
        sv: '10 veckor i följd över mittlinjen från och med vecka 7.',
        en: '10 consecutive weeks above the centre line since week 7.',
      },
    ]);
  });

  it('describes too few crossings over the phase', () => {
    // Median 5.5: one crossing among 10 points, at least 2 expected.
    const result = computeChart({ chart: 'run', y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(explainSignals(result, { labels: weeks(10), period: 'week' })).toEqual([
      {
        kind: 'fewCrossings',
        firstIndex: 0,
        lastIndex: 9,
        text: {
          fi: 'Käyrä leikkaa mediaanin viikoilla 1–10 vain kerran, vaikka satunnaisvaihtelussa kertoja olisi tavallisesti vähintään 2.',
          sv: 'Kurvan korsar medianen bara en gång under veckorna 1–10, men slumpmässig variation ger normalt minst 2 korsningar.',
          en: 'The line crosses the median only once in weeks 1–10, whereas random variation would usually give at least 2 crossings.',
        },
      },
    ]);
  });

  it('words zero and several crossings, and spaces a range of composite labels', () => {
    // Median 5: the nine 5s drop out, leaving six points below and no crossing.
    const flat = [1, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    const [none] = explainSignals(computeChart({ chart: 'run', y: flat }), { labels: weeks(15), period: 'week' });
    expect(none?.text).toEqual({
      fi: 'Käyrä ei leikkaa mediaania kertaakaan viikoilla 1–15, vaikka satunnaisvaihtelussa kertoja olisi tavallisesti vähintään yksi.',
      sv: 'Kurvan korsar aldrig medianen under veckorna 1–15, men slumpmässig variation ger normalt minst en korsning.',
      en: 'The line never crosses the median in weeks 1–15, whereas random variation would usually give at least one crossing.',
    });

    // Centre line 6 (mean): ten points below, then ten above.
    const y = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
    const labels = y.map((_, i) => `${i + 1}/2024`);
    const [once] = explainSignals(computeChart({ chart: 'c', y }), { labels, period: 'month' }).filter(
      (e) => e.kind === 'fewCrossings',
    );
    expect(once?.text).toEqual({
      fi: 'Käyrä leikkaa keskiviivan kuukausina 1/2024 – 20/2024 vain kerran, vaikka satunnaisvaihtelussa kertoja olisi tavallisesti vähintään 6.',
      sv: 'Kurvan korsar mittlinjen bara en gång under månaderna 1/2024 – 20/2024, men slumpmässig variation ger normalt minst 6 korsningar.',
      en: 'The line crosses the centre line only once in months 1/2024 – 20/2024, whereas random variation would usually give at least 6 crossings.',
    });

    // Three crossings among 24 points, at least 8 expected; the median is 12.5.
    const few = [...Array(6).fill(1), ...Array(6).fill(20), ...Array(6).fill(2), ...Array(6).fill(21)];
    const [several] = explainSignals(computeChart({ chart: 'run', y: few }), { labels: weeks(24), period: 'week' }).filter(
      (e) => e.kind === 'fewCrossings',
    );
    expect(several?.text.fi).toBe(
      'Käyrä leikkaa mediaanin viikoilla 1–24 vain 3 kertaa, vaikka satunnaisvaihtelussa kertoja olisi tavallisesti vähintään 8.',
    );
    expect(several?.text.sv).toContain('bara 3 gånger under veckorna 1–24');
    expect(several?.text.en).toContain('only 3 times in weeks 1–24');
  });

  it('says nothing about runs of moving ranges, which never signal', () => {
    const result = computeChart({ chart: 'mr', y: [1, 2, 4, 7, 11, 16, 22, 29, 37, 46, 56, 67] });
    expect(explainSignals(result, { labels: weeks(12), period: 'week' })).toEqual([]);
  });

  it('needs a label for every point', () => {
    const result = computeChart({ chart: 'run', y: [1, 2, 3] });
    expect(() => explainSignals(result, { labels: weeks(2), period: 'week' })).toThrow(RangeError);
  });
});
