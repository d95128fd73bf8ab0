import { INDICATORS, INDICATOR_NAMES, isIndicatorName, type ParamDefinition } from './registry.js';
import type { IndicatorName, IndicatorSpec } from './types.js';

export type IndicatorSpecErrorCode = 'empty' | 'unknown-indicator' | 'parameter-count' | 'invalid-parameter';

export interface IndicatorSpecError {
  readonly code: IndicatorSpecErrorCode;
  /** Whole-word message naming what was received and what would be accepted. */
  readonly message: string;
}

export type IndicatorSpecResult =
  { readonly ok: true; readonly spec: IndicatorSpec } | { readonly ok: false; readonly error: IndicatorSpecError };

const fail = (code: IndicatorSpecErrorCode, message: string): IndicatorSpecResult => ({
  ok: false,
  error: { code, message },
});

function unknownIndicator(name: string): IndicatorSpecResult {
  return fail('unknown-indicator', `unknown indicator "${name}"; known indicators: ${INDICATOR_NAMES.join(', ')}`);
}

function usage(name: IndicatorName): string {
  const keys = INDICATORS[name].params.map((param) => param.key);
  return keys.length === 0 ? name : `${name}:${keys.join(':')}`;
}

/** Why `value` is not acceptable for `param`, or undefined when it is. */
function paramProblem(name: string, param: ParamDefinition, value: number): string | undefined {
  if (param.kind === 'period' && !(Number.isInteger(value) && value >= 1)) {
    return `${name} ${param.key} must be a positive whole number of bars, got ${value}`;
  }
  if (param.kind === 'multiplier' && !(Number.isFinite(value) && value > 0)) {
    return `${name} ${param.key} must be a positive number, got ${value}`;
  }
  return undefined;
}

/**
 * Checks a spec given as an object, e.g. `{ name: 'bb', params: { period: 20, multiplier: 2 } }`
 * (from JSON or config). Missing parameters take their defaults; unknown parameter names are an error.
 */
export function validateIndicatorSpec(
  name: string,
  params: Readonly<Record<string, number>> = {},
): IndicatorSpecResult {
  if (!isIndicatorName(name)) return unknownIndicator(name);
  const definition = INDICATORS[name];
  const known = definition.params.map((param) => param.key as string);
  const extra = Object.keys(params).find((key) => !known.includes(key));
  if (extra !== undefined) {
    return fail('invalid-parameter', `${name} has no parameter "${extra}"; it takes ${known.join(', ') || 'none'}`);
  }
  const values: Record<string, number> = {};
  for (const param of definition.params) {
    const value = params[param.key] ?? param.default;
    const problem = paramProblem(name, param, value);
    if (problem !== undefined) return fail('invalid-parameter', problem);
    values[param.key] = value;
  }
  const spec = { name, params: values } as IndicatorSpec;
  const crossProblem = (definition.check as ((p: unknown) => string | undefined) | undefined)?.(spec.params);
  return crossProblem === undefined ? { ok: true, spec } : fail('invalid-parameter', `${name}: ${crossProblem}`);
}

/**
 * Parses `name[:param...]`, e.g. `rsi:14`, `macd:12:26:9`, `bb:20:2`, `obv`. Names are
 * case-insensitive and surrounding spaces are ignored. With no parameters (`rsi`) every parameter
 * takes its default; otherwise all must be given, in order. Returns an error value, never throws.
 */
export function parseIndicatorSpec(text: string): IndicatorSpecResult {
  const parts = text.trim().split(':');
  const name = (parts[0] ?? '').trim().toLowerCase();
  if (name === '') return fail('empty', `empty indicator spec "${text}"; expected e.g. rsi:14 or macd:12:26:9`);
  if (!isIndicatorName(name)) return unknownIndicator(name);
  const raw = parts.slice(1).map((part) => part.trim());
  const definition = INDICATORS[name];
  if (raw.length === 0) return validateIndicatorSpec(name);
  if (raw.length !== definition.params.length) {
    const count = definition.params.length;
    return fail(
      'parameter-count',
      `${name} takes ${count} parameter${count === 1 ? '' : 's'} (${usage(name)}), got ${raw.length} in "${text}"`,
    );
  }
  const params: Record<string, number> = {};
  for (const [index, param] of definition.params.entries()) {
    const part = raw[index] ?? '';
    const value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(part) ? Number(part) : Number.NaN;
    if (Number.isNaN(value)) return fail('invalid-parameter', `${name} ${param.key} must be a number, got "${part}"`);
    params[param.key] = value;
  }
  return validateIndicatorSpec(name, params);
}

/** Formats a spec back to its text form (`macd:12:26:9`); `parseIndicatorSpec` reads it back unchanged. */
export function formatIndicatorSpec(spec: IndicatorSpec): string {
  const params = spec.params as Readonly<Record<string, number>>;
  const values = INDICATORS[spec.name].params.map((param) => String(params[param.key]));
  return [spec.name, ...values].join(':');
}
