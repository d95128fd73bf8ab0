import type { Interval } from '../../engine/interval.js';
import type { Range } from '../../engine/range.js';

/** The chart's range buttons and the history each one asks for. */
export const CHART_RANGES = [
  { label: '1D', range: '1d', interval: '5m' },
  { label: '5D', range: '5d', interval: '30m' },
  { label: '1M', range: '1mo', interval: '1d' },
  { label: '3M', range: '3mo', interval: '1d' },
  { label: '6M', range: '6mo', interval: '1d' },
  { label: '1Y', range: '1y', interval: '1d' },
  { label: '5Y', range: '5y', interval: '1wk' },
  { label: 'MAX', range: 'max', interval: '1mo' },
] as const satisfies readonly { label: string; range: Range; interval: Interval }[];

export type ChartRangeLabel = (typeof CHART_RANGES)[number]['label'];
