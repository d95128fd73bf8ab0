export { columnValue, indicatorColumns } from './columns.js';
export type { IndicatorColumn } from './columns.js';
export { computeIndicator, createIndicator } from './compute.js';
export { INDICATORS, INDICATOR_NAMES, isIndicatorName } from './registry.js';
export type { IndicatorDefinition, ParamDefinition, ParamKind } from './registry.js';
export { formatIndicatorSpec, parseIndicatorSpec, validateIndicatorSpec } from './spec.js';
export type { IndicatorSpecError, IndicatorSpecErrorCode, IndicatorSpecResult } from './spec.js';
export type * from './types.js';
