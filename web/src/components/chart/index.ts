/**
 * Charts of a measure's series. Each takes what GET /api/units/{u}/measures/{key}/series returns
 * (a SeriesView, or its `analysis`), typed from the API in api/measurements.ts.
 */
export { AssuranceIcon, VariationIcon } from './Icons.js';
export { Sparkline, type SparklineProps } from './Sparkline.js';
export { SeriesChart, type SeriesChartProps } from './SeriesChart.js';
export { ChartSummary, ChartTable } from './ChartText.js';
export { withUnit } from './units.js';
export type { Assurance, SeriesAnalysis, SeriesView, Variation } from '../../api/measurements.js';
