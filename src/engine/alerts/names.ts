import { INDICATORS, INDICATOR_NAMES, isIndicatorName, validateIndicatorSpec } from '../indicators/index.js';
import { FIELDS, type Argument, type FieldName, type Operand, type RuleError, type Span } from './ast.js';

export type NameResult =
  | { readonly ok: true; readonly operand: Operand; readonly type: 'number' | 'percent' }
  | { readonly ok: false; readonly error: RuleError };

const BUILT_INS = ['change', 'avg_volume', 'news'] as const;

const fail = (code: RuleError['code'], message: string, span: Span, hint?: string): NameResult => ({
  ok: false,
  error: { code, message, column: span.column, length: span.length, ...(hint === undefined ? {} : { hint }) },
});

/**
 * Resolves a name in a rule to what it reads: a bar or quote field, `change(duration)`,
 * `avg_volume(period)`, or any indicator of the registry. Multi-output indicators are named with
 * their output as a suffix (`bb_upper`, `macd_signal`, `stoch_k`); `macd` alone is its macd line.
 */
export function resolveName(name: string, args: readonly Argument[] | undefined, span: Span): NameResult {
  if ((FIELDS as readonly string[]).includes(name)) {
    if (args !== undefined) return fail('parameter-count', `${name} takes no parameters; write just ${name}`, span);
    return { ok: true, operand: { kind: 'field', field: name as FieldName }, type: 'number' };
  }
  if (name === 'change') return resolveChange(args, span);
  if (name === 'avg_volume') return resolveAvgVolume(args, span);
  if (name === 'news') {
    return fail('type', 'news can only be used as `news contains "text"`', span);
  }
  const indicator = findIndicator(name);
  if (indicator === undefined) {
    const close = closeNames(name);
    return fail(
      'unknown-name',
      `unknown name "${name}"${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`,
      span,
      `fields: ${FIELDS.join(', ')}; functions: change(1d), avg_volume(20); indicators: ${INDICATOR_NAMES.join(', ')} (multi-output ones with a suffix, e.g. bb_upper, macd_signal)`,
    );
  }
  if ('error' in indicator) return fail('unknown-name', indicator.error, span);
  return resolveIndicator(indicator.name, indicator.field, args, span);
}

function resolveChange(args: readonly Argument[] | undefined, span: Span): NameResult {
  const [first] = args ?? [];
  if (args?.length !== 1 || first?.kind !== 'duration') {
    return fail('parameter-count', 'change takes one duration, e.g. change(1d) or change(4h)', span);
  }
  return { ok: true, operand: { kind: 'change', durationMs: first.ms }, type: 'percent' };
}

function resolveAvgVolume(args: readonly Argument[] | undefined, span: Span): NameResult {
  const list = args ?? [];
  if (list.length > 1)
    return fail('parameter-count', `avg_volume takes 1 parameter (period), got ${list.length}`, span);
  const [first] = list;
  const period = first === undefined ? 20 : first.kind === 'number' ? first.value : Number.NaN;
  if (!(Number.isInteger(period) && period >= 1)) {
    return fail(
      'invalid-parameter',
      'avg_volume period must be a positive whole number of bars, e.g. avg_volume(20)',
      first?.span ?? span,
    );
  }
  return { ok: true, operand: { kind: 'avg-volume', period }, type: 'number' };
}

type Found = { name: keyof typeof INDICATORS; field: string | undefined } | { error: string };

function findIndicator(name: string): Found | undefined {
  if (isIndicatorName(name)) {
    const { fields } = INDICATORS[name];
    if (fields.length === 0) return { name, field: undefined };
    if (fields.includes(name)) return { name, field: name };
    return { error: `${name} has several outputs: name one of ${fields.map((f) => `${name}_${f}`).join(', ')}` };
  }
  for (let at = name.indexOf('_'); at > 0; at = name.indexOf('_', at + 1)) {
    const base = name.slice(0, at);
    const field = name.slice(at + 1);
    if (isIndicatorName(base)) {
      const { fields } = INDICATORS[base];
      if (fields.includes(field)) return { name: base, field };
      const names = fields.length > 0 ? fields.map((f) => `${base}_${f}`).join(', ') : base;
      return { error: `${base} has no output "${field}"; use ${names}` };
    }
  }
  return undefined;
}

function resolveIndicator(
  name: keyof typeof INDICATORS,
  field: string | undefined,
  args: readonly Argument[] | undefined,
  span: Span,
): NameResult {
  const definition = INDICATORS[name];
  const list = args ?? [];
  const written = field === undefined || field === name ? name : `${name}_${field}`;
  const takes = definition.params.map((p) => p.key);
  if (list.length !== 0 && list.length !== takes.length) {
    const count = takes.length;
    return fail(
      'parameter-count',
      `${written} takes ${count} parameter${count === 1 ? '' : 's'}${count > 0 ? ` (${takes.join(', ')})` : ''}, got ${list.length}`,
      span,
      count > 0
        ? `e.g. ${written}(${definition.params.map((p) => p.default).join(', ')}), or ${written}() for those defaults`
        : `write ${written}`,
    );
  }
  const params: Record<string, number> = {};
  for (const [index, arg] of list.entries()) {
    const key = takes[index] as string;
    if (arg.kind !== 'number')
      return fail('invalid-parameter', `${written} ${key} must be a number, got ${arg.text}`, arg.span);
    params[key] = arg.value;
  }
  const checked = validateIndicatorSpec(name, params);
  if (!checked.ok) return fail('invalid-parameter', checked.error.message, span);
  const resolved = checked.spec.params as unknown as Readonly<Record<string, number>>;
  const periods = definition.params
    .filter((p) => p.kind === 'period')
    .reduce((sum, p) => sum + (resolved[p.key] ?? 0), 0);
  return {
    ok: true,
    operand: {
      kind: 'indicator',
      name,
      params: resolved,
      field,
      lookbackBars: indicatorLookback(periods, definition.window === true),
    },
    type: 'number',
  };
}

/**
 * Bars an indicator is computed over: enough for two values after its window (2 x the periods
 * + 2), which is all a window indicator (registry `window`) ever reads; recursive ones (EMA,
 * Wilder's RSI/ATR) also need to forget their seed: 10 x the periods, capped at 250 bars (a year
 * of daily bars), where a seed's weight is below 0.01%.
 */
export function indicatorLookback(periods: number, window: boolean): number {
  const twoValues = Math.max(3, 2 * periods + 2);
  return window ? twoValues : Math.max(twoValues, Math.min(10 * periods, 250));
}

/** Known names within one edit (two for names over four letters) of `name`, or sharing its first three letters. */
function closeNames(name: string): string[] {
  const candidates = [
    ...FIELDS,
    ...BUILT_INS,
    ...INDICATOR_NAMES.flatMap((n) => {
      const { fields } = INDICATORS[n];
      return fields.length === 0 ? [n] : [...(fields.includes(n) ? [n] : []), ...fields.map((f) => `${n}_${f}`)];
    }),
  ];
  return candidates
    .filter(
      (c) =>
        editDistance(c, name) <= (name.length <= 4 ? 1 : 2) || (name.length >= 3 && c.startsWith(name.slice(0, 3))),
    )
    .slice(0, 6);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
