import type { ChartResult, PartResult, Run } from './types.js';

export type PeriodKind = 'week' | 'month';
export type SignalKind = 'aboveUpperLimit' | 'belowLowerLimit' | 'longRun' | 'fewCrossings';

export interface ExplainOptions {
  /** Label of each point's period, e.g. "12" for week 12 or "3/2024"; shown as given in every language. */
  readonly labels: readonly string[];
  readonly period: PeriodKind;
}

export interface SignalExplanation {
  readonly kind: SignalKind;
  /** The points the signal concerns (0-based, inclusive). */
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly text: { readonly fi: string; readonly sv: string; readonly en: string };
}

/**
 * One sentence per signal, oldest first: each point outside the limits, each unusually long
 * run of a signalling phase, and too few crossings in a phase.
 */
export function explainSignals(result: ChartResult, options: ExplainOptions): SignalExplanation[] {
  if (options.labels.length !== result.y.length) {
    throw new RangeError(`${options.labels.length} labels for ${result.y.length} points`);
  }
  const words = new Words(options, result.chart === 'run');
  const explanations: SignalExplanation[] = [];
  result.sigmaSignal.forEach((signal, i) => {
    const y = result.y[i];
    const ucl = result.ucl[i];
    if (signal && y != null) {
      explanations.push(words.outsideLimit(i, ucl != null && y > ucl ? 'aboveUpperLimit' : 'belowLowerLimit'));
    }
  });
  for (const part of result.parts.filter((p) => p.signal)) {
    explanations.push(...part.longRuns.map((run) => words.longRun(run)));
    if (part.nCrossings !== null && part.nCrossingsMin !== null && part.nCrossings < part.nCrossingsMin) {
      explanations.push(words.fewCrossings(part));
    }
  }
  return explanations.sort((a, b) => a.firstIndex - b.firstIndex);
}

/** The wording of each language; Finnish needs the period and the line in several cases. */
class Words {
  private readonly week: boolean;

  constructor(
    private readonly options: ExplainOptions,
    private readonly median: boolean,
  ) {
    this.week = options.period === 'week';
  }

  outsideLimit(index: number, kind: 'aboveUpperLimit' | 'belowLowerLimit'): SignalExplanation {
    const label = this.label(index);
    const above = kind === 'aboveUpperLimit';
    const fiLimit = above ? 'ylemmän valvontarajan yläpuolella' : 'alemman valvontarajan alapuolella';
    const svLimit = above ? 'över den övre' : 'under den nedre';
    const enLimit = above ? 'above the upper' : 'below the lower';
    return {
      kind,
      firstIndex: index,
      lastIndex: index,
      text: {
        fi: `${this.week ? 'Viikon' : 'Kuukauden'} ${label} arvo on ${fiLimit}.`,
        sv: `Värdet för ${this.week ? 'vecka' : 'månad'} ${label} ligger ${svLimit} styrgränsen.`,
        en: `The value for ${this.options.period} ${label} is ${enLimit} control limit.`,
      },
    };
  }

  longRun(run: Run): SignalExplanation {
    const label = this.label(run.firstIndex);
    const above = run.side === 'above';
    return {
      kind: 'longRun',
      firstIndex: run.firstIndex,
      lastIndex: run.lastIndex,
      text: {
        fi:
          `${run.length} peräkkäistä ${this.week ? 'viikkoa' : 'kuukautta'} ` +
          `${this.median ? 'mediaanin' : 'keskiviivan'} ${above ? 'yläpuolella' : 'alapuolella'} ` +
          `${this.week ? 'viikosta' : 'kuukaudesta'} ${label} alkaen.`,
        sv:
          `${run.length} ${this.week ? 'veckor' : 'månader'} i följd ${above ? 'över' : 'under'} ` +
          `${this.median ? 'medianen' : 'mittlinjen'} från och med ${this.week ? 'vecka' : 'månad'} ${label}.`,
        en:
          `${run.length} consecutive ${this.options.period}s ${above ? 'above' : 'below'} ` +
          `the ${this.median ? 'median' : 'centre line'} since ${this.options.period} ${label}.`,
      },
    };
  }

  fewCrossings(part: PartResult): SignalExplanation {
    const crossings = part.nCrossings ?? 0;
    const expected = part.nCrossingsMin ?? 0;
    const range = this.range(part.firstIndex, part.lastIndex);
    const fiLine = this.median ? 'mediaani' : 'keskiviiva';
    const fiPeriods = `${this.week ? 'viikoilla' : 'kuukausina'} ${range}`;
    const fiCrossing =
      crossings === 0
        ? `Käyrä ei leikkaa ${fiLine}a kertaakaan ${fiPeriods}`
        : `Käyrä leikkaa ${fiLine}n ${fiPeriods} vain ${crossings === 1 ? 'kerran' : `${crossings} kertaa`}`;
    const svLine = this.median ? 'medianen' : 'mittlinjen';
    const svPeriods = `under ${this.week ? 'veckorna' : 'månaderna'} ${range}`;
    const svCrossing =
      crossings === 0
        ? `Kurvan korsar aldrig ${svLine} ${svPeriods}`
        : `Kurvan korsar ${svLine} bara ${crossings === 1 ? 'en gång' : `${crossings} gånger`} ${svPeriods}`;
    const enLine = this.median ? 'the median' : 'the centre line';
    const enPeriods = `in ${this.options.period}s ${range}`;
    const enCrossing =
      crossings === 0
        ? `The line never crosses ${enLine} ${enPeriods}`
        : `The line crosses ${enLine} only ${crossings === 1 ? 'once' : `${crossings} times`} ${enPeriods}`;
    const one = expected === 1;
    return {
      kind: 'fewCrossings',
      firstIndex: part.firstIndex,
      lastIndex: part.lastIndex,
      text: {
        fi: `${fiCrossing}, vaikka satunnaisvaihtelussa kertoja olisi tavallisesti vähintään ${one ? 'yksi' : expected}.`,
        sv: `${svCrossing}, men slumpmässig variation ger normalt minst ${one ? 'en korsning' : `${expected} korsningar`}.`,
        en: `${enCrossing}, whereas random variation would usually give at least ${one ? 'one crossing' : `${expected} crossings`}.`,
      },
    };
  }

  private label(index: number): string {
    return this.options.labels[index] ?? String(index + 1);
  }

  /** "1–24", or "1/2024 – 6/2025" with spaces when the labels are more than one word or number. */
  private range(firstIndex: number, lastIndex: number): string {
    const first = this.label(firstIndex);
    const last = this.label(lastIndex);
    const simple = /^[\p{L}\p{N}]+$/u;
    return simple.test(first) && simple.test(last) ? `${first}–${last}` : `${first} – ${last}`;
  }
}
