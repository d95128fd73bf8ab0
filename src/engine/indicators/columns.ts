import { INDICATORS } from './registry.js';
import type { IndicatorSpec } from './types.js';

/** One output number of an indicator, under a stable name. */
export interface IndicatorColumn {
  /** e.g. `rsi_14`, `macd_signal_12_26_9`, `bb_upper_20_2`, `obv`, `psar_0.02_0.2`. */
  readonly name: string;
  /** The output field it reads (`signal`), or undefined for a one-number indicator. */
  readonly field: string | undefined;
}

const snakeCase = (text: string): string => text.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The stable column names of a spec's outputs: the name and every parameter value joined by `_`
 * (`rsi_14`); a multi-output indicator puts the field in snake case after the name
 * (`macd_signal_12_26_9`, `ichimoku_span_a_9_26_52_26`), except the field named like the
 * indicator itself (`macd_12_26_9`). Parameters are always spelled out, defaults included.
 */
export function indicatorColumns(spec: IndicatorSpec): IndicatorColumn[] {
  const definition = INDICATORS[spec.name];
  const params = spec.params as Readonly<Record<string, number>>;
  const values = definition.params.map((param) => String(params[param.key]));
  const nameOf = (field?: string): string =>
    [spec.name, ...(field === undefined || field === spec.name ? [] : [snakeCase(field)]), ...values].join('_');
  if (definition.fields.length === 0) return [{ name: nameOf(), field: undefined }];
  return definition.fields.map((field) => ({ name: nameOf(field), field }));
}

/** The value of one column in an indicator's output (null during warm-up). */
export function columnValue(column: IndicatorColumn, output: unknown): number | null {
  if (output === null || output === undefined) return null;
  if (column.field === undefined) return output as number;
  return (output as Readonly<Record<string, number>>)[column.field] ?? null;
}
