import * as z from 'zod';
import type { ChartPhase } from './chart-phase.js';
import type { Cycle, Prediction } from './cycle.js';
import { helsinkiInstant } from './helsinki-time.js';
import type { Locale, LocalizedText } from './localized-text.js';
import { LocalizedTextSchema } from './localized-text.js';
import { MeasureKeySchema } from './measure.js';
import type { Measurement } from './measurement.js';
import { PeriodSchema, addPeriods, comparePeriods, periodLabel, periodOf, periodRange } from './period.js';
import { computeChart, type ChartResult } from './spc/index.js';
import { currentVersion, type UnitMeasure } from './unit-measure.js';

/**
 * Study meets the data: for each prediction that names a measure, the measured result since the
 * Do start set against the baseline before it, judged with the same SPC engine as the charts.
 *
 * The baseline is the figures of the chart's current phase before the Do start (at most
 * BASELINE_SPAN periods). Its centre line is frozen and carried over the Do window, as qicharts2's
 * `freeze` does, so that a run-chart rule (an unusually long run) or a control-chart limit crossed
 * by the new figures shows a change against the old process. A signal counts only when it began
 * at or after the Do start: a run that was already long before the change is not the change's.
 * The fewest-crossings rule is left out here: it belongs to a whole phase, not to a moment.
 */

/** Fewer baseline figures than this give no centre line worth comparing against. */
export const MIN_BASELINE = 6;
/** Without a signal, a prediction is judged only once the window has this many figures. */
export const MIN_WINDOW = 4;
/** The baseline reaches back at most this many periods from the Do start. */
export const BASELINE_SPAN = 20;

export const VerdictOutcomeSchema = z.enum(['met', 'notMet', 'tooEarly']);
export type VerdictOutcome = z.infer<typeof VerdictOutcomeSchema>;

export const VerdictReasonSchema = z.enum([
  /** A signal in the predicted direction, and the predicted level reached (or none was predicted). */
  'signalAndLevel',
  /** A signal in the predicted direction, but the centre line during did not reach the predicted value. */
  'signalNotLevel',
  'noSignal',
  'oppositeSignal',
  /** "No change" predicted, and none came. */
  'stable',
  /** "No change" predicted, but a signal came. */
  'changed',
  'noBaseline',
  'noFigures',
  'fewFigures',
]);
export type VerdictReason = z.infer<typeof VerdictReasonSchema>;

const DirectionSchema = z.enum(['increase', 'decrease', 'noChange']);
type Direction = z.infer<typeof DirectionSchema>;

export const StudyVerdictSchema = z
  .object({
    /** Which of the cycle's questions (0-based) this verdict answers. */
    questionIndex: z.number().int().min(0),
    measureKey: MeasureKeySchema,
    outcome: VerdictOutcomeSchema,
    reason: VerdictReasonSchema,
    direction: DirectionSchema,
    expectedValue: z.number().nullable(),
    doStartPeriod: PeriodSchema,
    doEndPeriod: PeriodSchema.nullable(),
    baseline: z.object({ figures: z.number().int(), centre: z.number().nullable() }),
    window: z.object({ figures: z.number().int(), centre: z.number().nullable(), lastPeriod: PeriodSchema.nullable() }),
    signal: z
      .object({ kind: z.enum(['run', 'limit']), period: PeriodSchema, direction: z.enum(['increase', 'decrease']) })
      .nullable(),
    /** The baseline's last periods and the window, for the Study section's small chart. */
    points: z.array(z.object({ period: PeriodSchema, y: z.number().nullable(), inWindow: z.boolean(), signal: z.boolean() })),
    /** The measure's short name ("T3") and its unit, for the sentence and the chart. */
    measureName: LocalizedTextSchema,
    unitLabel: LocalizedTextSchema,
    text: LocalizedTextSchema,
  })
  .meta({ id: 'StudyVerdict' });
export type StudyVerdict = z.infer<typeof StudyVerdictSchema>;

/** What the verdicts need of one predicted measure's series. */
export type PredictedSeries = { measure: UnitMeasure; figures: readonly Measurement[]; phases: readonly ChartPhase[] };

/** Every prediction of the cycle that names a tracked measure, judged; none before the Do start is known. */
export function studyVerdicts(cycle: Pick<Cycle, 'questions' | 'plan'>, series: ReadonlyMap<string, PredictedSeries>): StudyVerdict[] {
  if (!cycle.plan.doStart) return [];
  const doStart = helsinkiInstant(cycle.plan.doStart);
  const doEnd = cycle.plan.doEnd ? helsinkiInstant(cycle.plan.doEnd) : null;
  return cycle.questions.flatMap((question, questionIndex) => {
    const found = question.measureKey ? series.get(question.measureKey) : undefined;
    if (!found) return [];
    const frequency = found.measure.frequency;
    return [judgePrediction({ ...found, question, questionIndex, doStartPeriod: periodOf(frequency, doStart), doEndPeriod: doEnd && periodOf(frequency, doEnd) })];
  });
}

export function judgePrediction(input: PredictedSeries & { question: Prediction; questionIndex: number; doStartPeriod: string; doEndPeriod: string | null }): StudyVerdict {
  const { measure, question, doStartPeriod } = input;
  const fields = currentVersion(measure).fields;
  const weekly = measure.frequency === 'weekly';
  // Figures the unit has left out of the chart are left out of its verdicts too.
  const excluded = new Set((measure.chartSettings?.excluded ?? []).map((e) => e.period));
  const figures = input.figures.filter((m) => m.period.includes('W') === weekly && !excluded.has(m.period));
  // The baseline starts at the current phase of the chart (a decided phase before the Do start), at most BASELINE_SPAN back.
  const phaseStart = input.phases
    .map((p) => p.startPeriod)
    .filter((p) => p.includes('W') === weekly && comparePeriods(p, doStartPeriod) < 0)
    .sort(comparePeriods)
    .at(-1);
  const spanStart = addPeriods(doStartPeriod, -BASELINE_SPAN);
  const baselineFrom = phaseStart && comparePeriods(phaseStart, spanStart) > 0 ? phaseStart : spanStart;
  const byPeriod = new Map(figures.map((m) => [m.period, m]));
  const baselineFigures = figures.filter((m) => comparePeriods(m.period, baselineFrom) >= 0 && comparePeriods(m.period, doStartPeriod) < 0);
  const windowFigures = figures.filter((m) => comparePeriods(m.period, doStartPeriod) >= 0);
  const firstBaseline = baselineFigures[0]?.period ?? doStartPeriod;
  const lastPeriod = windowFigures.at(-1)?.period ?? null;
  const lastShown = lastPeriod ?? baselineFigures.at(-1)?.period;
  const periods = lastShown ? periodRange(firstBaseline, lastShown) : [];
  const doIndex = periods.indexOf(doStartPeriod);
  const baselineLength = doIndex === -1 ? periods.length : doIndex;

  const ratio = fields.chart === 'p' || fields.chart === 'u';
  const rows = periods.map((p) => byPeriod.get(p));
  const y = rows.map((m) => (m ? (ratio ? m.numerator : m.value) : null));
  const n = ratio ? rows.map((m) => m?.denominator ?? null) : null;
  const chart = fields.chart === 'mr' ? 'i' : fields.chart;
  // Frozen baseline for the signals; two phases (split at the Do start) for the centre line during.
  const frozen: ChartResult | null = periods.length > 0 ? computeChart({ chart, y, n, freeze: baselineLength > 0 ? baselineLength : null, multiply: fields.multiply }) : null;
  const split: ChartResult | null =
    baselineLength > 0 && doIndex > 0 ? computeChart({ chart, y, n, part: [baselineLength], multiply: fields.multiply }) : null;
  const baselineCentre = baselineLength > 0 ? (frozen?.cl[0] ?? null) : null;
  const windowCentre = split && doIndex >= 0 ? (split.cl[doIndex] ?? null) : null;

  const signals = frozen && baselineLength > 0 && doIndex >= 0 ? signalsSince(frozen, doIndex) : [];
  const direction: Direction =
    question.expectedDirection ??
    (question.expectedValue !== undefined && baselineCentre !== null && question.expectedValue !== baselineCentre
      ? question.expectedValue < baselineCentre
        ? 'decrease'
        : 'increase'
      : fields.better === 'lower'
        ? 'decrease'
        : 'increase');
  const expectedValue = question.expectedValue ?? null;
  const predicted = signals.find((s) => s.direction === direction) ?? null;
  const signalAt = predicted ?? signals[0] ?? null;
  const signal = signalAt && { kind: signalAt.kind, period: periods[signalAt.index]!, direction: signalAt.direction };

  const judged = ((): { outcome: VerdictOutcome; reason: VerdictReason } => {
    if (baselineFigures.length < MIN_BASELINE) return { outcome: 'tooEarly', reason: 'noBaseline' };
    if (windowFigures.length === 0) return { outcome: 'tooEarly', reason: 'noFigures' };
    if (direction === 'noChange') {
      if (signal) return { outcome: 'notMet', reason: 'changed' };
      return windowFigures.length < MIN_WINDOW ? { outcome: 'tooEarly', reason: 'fewFigures' } : { outcome: 'met', reason: 'stable' };
    }
    if (predicted) {
      const reached =
        expectedValue === null || (windowCentre !== null && (direction === 'decrease' ? windowCentre <= expectedValue : windowCentre >= expectedValue));
      return reached ? { outcome: 'met', reason: 'signalAndLevel' } : { outcome: 'notMet', reason: 'signalNotLevel' };
    }
    if (signal) return { outcome: 'notMet', reason: 'oppositeSignal' };
    return windowFigures.length < MIN_WINDOW ? { outcome: 'tooEarly', reason: 'fewFigures' } : { outcome: 'notMet', reason: 'noSignal' };
  })();

  const verdict = {
    questionIndex: input.questionIndex,
    measureKey: measure.key,
    ...judged,
    direction,
    expectedValue,
    doStartPeriod,
    doEndPeriod: input.doEndPeriod,
    baseline: { figures: baselineFigures.length, centre: round(baselineCentre) },
    window: { figures: windowFigures.length, centre: round(windowCentre), lastPeriod },
    signal,
    points: periods.map((period, i) => ({
      period,
      y: frozen?.y[i] ?? null,
      inWindow: i >= baselineLength,
      signal: signals.some((s) => s.points.includes(i)),
    })),
    measureName: { fi: shortName(fields.name.fi), sv: shortName(fields.name.sv), en: shortName(fields.name.en) },
    unitLabel: fields.unitLabel,
  };
  return { ...verdict, text: verdictText(verdict) };
}

type FoundSignal = { kind: 'run' | 'limit'; index: number; direction: 'increase' | 'decrease'; points: number[] };

/** Signals of the frozen chart that began at or after `doIndex`, earliest first. */
function signalsSince(chart: ChartResult, doIndex: number): FoundSignal[] {
  const found: FoundSignal[] = [];
  chart.y.forEach((value, i) => {
    if (i < doIndex || !chart.sigmaSignal[i] || value === null) return;
    const upper = chart.ucl[i];
    found.push({ kind: 'limit', index: i, direction: upper !== null && upper !== undefined && value > upper ? 'increase' : 'decrease', points: [i] });
  });
  for (const part of chart.parts) {
    for (const run of part.longRuns) {
      // The run became unusual at its (longestRunMax + 1)th point; before the Do start it is the old process's.
      const becameSignal = run.firstIndex + (part.longestRunMax ?? 0);
      if (becameSignal < doIndex) continue;
      const first = Math.max(run.firstIndex, doIndex);
      const points = Array.from({ length: run.lastIndex - first + 1 }, (_, k) => first + k);
      found.push({ kind: 'run', index: first, direction: run.side === 'above' ? 'increase' : 'decrease', points });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

const format = (value: number | null, locale: Locale) =>
  value === null ? '–' : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale === 'sv' ? 'sv-FI' : 'fi-FI', { maximumFractionDigits: 1 }).format(value);

/** The measure's short name: the catalogue's names read "T3 – third next available …". */
const shortName = (name: string) => name.split(' – ')[0]!.trim();

type TextInput = Omit<StudyVerdict, 'text'>;

/** The verdict as one plain sentence: "Ennuste toteutui: T3 laski 12,6 → 6 vrk; signaali alkoi vk 38." */
export function verdictText(v: TextInput): LocalizedText {
  const text = (locale: Locale): string => {
    const w = WORDS[locale];
    const name = v.measureName[locale];
    const unit = v.unitLabel[locale];
    const change = `${format(v.baseline.centre, locale)} → ${format(v.window.centre, locale)} ${unit}`;
    const moved = (dir: 'increase' | 'decrease' | null) => (dir === 'increase' ? w.rose : dir === 'decrease' ? w.fell : w.moved);
    const actual =
      v.baseline.centre !== null && v.window.centre !== null && v.window.centre !== v.baseline.centre
        ? v.window.centre < v.baseline.centre
          ? 'decrease'
          : 'increase'
        : null;
    const began = v.signal ? w.signalBegan(periodLabel(v.signal.period, locale)) : '';
    switch (v.reason) {
      case 'signalAndLevel':
        return `${w.met}: ${name} ${moved(v.signal!.direction)} ${change}; ${began}.`;
      case 'signalNotLevel':
        return `${w.notMet}: ${name} ${moved(v.signal!.direction)} ${change}; ${began}, ${w.notToLevel(`${format(v.expectedValue, locale)} ${unit}`)}.`;
      case 'oppositeSignal':
        return `${w.notMet}: ${name} ${moved(v.signal!.direction)} ${change}; ${began}, ${w.opposite}.`;
      case 'noSignal':
        return `${w.notMet}: ${name} ${actual ? moved(actual) : w.stayed} ${change}; ${w.noSignal}.`;
      case 'stable':
        return `${w.met}: ${name} ${w.stayed} ${change}; ${w.noSignal}.`;
      case 'changed':
        return `${w.notMet}: ${name} ${moved(v.signal!.direction)} ${change}; ${began}.`;
      case 'noBaseline':
        return `${w.tooEarly}: ${w.fewBaseline(name, v.baseline.figures)}.`;
      case 'noFigures':
        return `${w.tooEarly}: ${w.noWindowFigures(name)}.`;
      case 'fewFigures':
        return `${w.tooEarly}: ${w.fewWindowFigures(name, v.window.figures)}.`;
    }
  };
  return { fi: text('fi'), sv: text('sv'), en: text('en') };
}

const WORDS = {
  fi: {
    met: 'Ennuste toteutui',
    notMet: 'Ennuste ei toteutunut',
    tooEarly: 'Tiedot eivät vielä riitä',
    rose: 'nousi',
    fell: 'laski',
    moved: 'muuttui',
    stayed: 'pysyi ennallaan',
    signalBegan: (period: string) => `signaali alkoi ${period}`,
    noSignal: 'ei signaalia Toteuta-vaiheen alun jälkeen',
    notToLevel: (level: string) => `mutta ei ennustettuun tasoon ${level}`,
    opposite: 'vastakkaiseen suuntaan kuin ennustettiin',
    fewBaseline: (name: string, n: number) => `mittarilla ${name} on ennen Toteuta-vaiheen alkua ${n} ${n === 1 ? 'luku' : 'lukua'}, vertailuun tarvitaan ${MIN_BASELINE}`,
    noWindowFigures: (name: string) => `mittarille ${name} ei ole vielä kirjattu lukuja Toteuta-vaiheen alun jälkeen`,
    fewWindowFigures: (name: string, n: number) => `mittarilla ${name} on Toteuta-vaiheen alusta vasta ${n} ${n === 1 ? 'luku' : 'lukua'} eikä vielä signaalia, arvioon tarvitaan ${MIN_WINDOW}`,
  },
  sv: {
    met: 'Förutsägelsen infriades',
    notMet: 'Förutsägelsen infriades inte',
    tooEarly: 'Uppgifterna räcker inte ännu',
    rose: 'steg',
    fell: 'sjönk',
    moved: 'ändrades',
    stayed: 'förblev oförändrad',
    signalBegan: (period: string) => `signalen började ${period}`,
    noSignal: 'ingen signal efter att Gör-fasen började',
    notToLevel: (level: string) => `men inte till den förutsagda nivån ${level}`,
    opposite: 'i motsatt riktning mot förutsägelsen',
    fewBaseline: (name: string, n: number) => `måttet ${name} har ${n} ${n === 1 ? 'värde' : 'värden'} före Gör-fasen, jämförelsen kräver ${MIN_BASELINE}`,
    noWindowFigures: (name: string) => `måttet ${name} har ännu inga värden efter att Gör-fasen började`,
    fewWindowFigures: (name: string, n: number) => `måttet ${name} har bara ${n} ${n === 1 ? 'värde' : 'värden'} sedan Gör-fasen började och ännu ingen signal, bedömningen kräver ${MIN_WINDOW}`,
  },
  en: {
    met: 'Prediction met',
    notMet: 'Prediction not met',
    tooEarly: 'Too early to tell',
    rose: 'rose',
    fell: 'fell',
    moved: 'changed',
    stayed: 'stayed level',
    signalBegan: (period: string) => `signal began ${period}`,
    noSignal: 'no signal since Do started',
    notToLevel: (level: string) => `but not to the predicted ${level}`,
    opposite: 'in the opposite direction to the prediction',
    fewBaseline: (name: string, n: number) => `${name} has ${n} ${n === 1 ? 'figure' : 'figures'} before Do started; the comparison needs ${MIN_BASELINE}`,
    noWindowFigures: (name: string) => `${name} has no figures since Do started yet`,
    fewWindowFigures: (name: string, n: number) => `${name} has only ${n} ${n === 1 ? 'figure' : 'figures'} since Do started and no signal yet; a verdict needs ${MIN_WINDOW}`,
  },
} satisfies Record<Locale, unknown>;

/** Whether the data speak against an Act decision: adopting with no change in the predicted direction, or abandoning with one. */
export function decisionContradiction(decision: 'adopt' | 'adapt' | 'abandon', verdicts: readonly StudyVerdict[]): 'adoptWithoutImprovement' | 'abandonDespiteImprovement' | null {
  const judged = verdicts.filter((v) => v.outcome !== 'tooEarly' && v.direction !== 'noChange');
  const improved = judged.some((v) => v.reason === 'signalAndLevel' || v.reason === 'signalNotLevel');
  if (decision === 'adopt' && judged.length > 0 && !improved) return 'adoptWithoutImprovement';
  if (decision === 'abandon' && improved) return 'abandonDespiteImprovement';
  return null;
}
