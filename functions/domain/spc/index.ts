export { computeChart } from './compute-chart.js';
export { longestRunMax, nCrossingsMin } from './runs-analysis.js';
export { classifyChart } from './classify.js';
export type { Assurance, Better, Classification, Variation } from './classify.js';
export { explainSignals } from './explain.js';
export type { ExplainOptions, PeriodKind, SignalExplanation, SignalKind } from './explain.js';
export { CHART_KINDS } from './types.js';
export type { ChartInput, ChartKind, ChartResult, PartResult, Run, RunsAnalysis, Side } from './types.js';
