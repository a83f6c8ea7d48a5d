/** Chart kinds, as qicharts2 names them. */
export const CHART_KINDS = ['run', 'i', 'mr', 'p', 'u', 'c'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * One series to chart. Point indices in `part`, `freeze` and `exclude` are 1-based, as in
 * qicharts2's `qic()`.
 */
export interface ChartInput {
  readonly chart: ChartKind;
  /** Values, counts or numerators; null where missing. */
  readonly y: readonly (number | null)[];
  /** Denominators (required for p and u charts); null where missing. */
  readonly n?: readonly (number | null)[] | null;
  /** Last point of each phase but the last: [a, b] makes phases 1..a, a+1..b, b+1..N. */
  readonly part?: readonly number[] | null;
  /** Last point of the baseline; ignored when `part` is given. */
  readonly freeze?: number | null;
  /** Points left out of the centre line, limits and runs analysis. */
  readonly exclude?: readonly number[] | null;
  /** Factor applied to y, centre line and limits at the end, e.g. 100 for percent. */
  readonly multiply?: number | null;
}

/** The runs analysis of one phase (Anhøj rules). Statistics are null without useful points. */
export interface RunsAnalysis {
  readonly longestRun: number | null;
  readonly longestRunMax: number | null;
  readonly nCrossings: number | null;
  readonly nCrossingsMin: number | null;
  /** Points of the phase that are not excluded, missing ones included. */
  readonly nObs: number;
  /** Points neither missing nor on the centre line. */
  readonly nUseful: number;
  readonly signal: boolean;
  /** Runs longer than `longestRunMax`, oldest first. */
  readonly longRuns: readonly Run[];
  /** The latest run, which tells on which side of the centre line the phase ends. */
  readonly lastRun: Run | null;
}

/** A run of useful points on one side of the centre line; indices are 0-based. */
export interface Run {
  readonly side: Side;
  readonly length: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
}

export type Side = 'above' | 'below';

/** A phase of the chart; indices are 0-based and inclusive. */
export interface PartResult extends RunsAnalysis {
  readonly firstIndex: number;
  readonly lastIndex: number;
}

/** Per-point arrays (one entry per input point) plus one entry per phase. */
export interface ChartResult {
  readonly chart: ChartKind;
  readonly y: readonly (number | null)[];
  readonly cl: readonly (number | null)[];
  readonly lcl: readonly (number | null)[];
  readonly ucl: readonly (number | null)[];
  readonly sigmaSignal: readonly boolean[];
  readonly runsSignal: readonly boolean[];
  /** 1-based phase number of each point. */
  readonly partOfPoint: readonly number[];
  readonly parts: readonly PartResult[];
}
