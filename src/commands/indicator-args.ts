import { isPatternName, PATTERN_NAMES, type PatternName } from '../engine/candles/patterns.js';
import { INDICATORS, parseIndicatorSpec, type IndicatorSpec } from '../engine/indicators/index.js';
import { UsageError } from '../errors.js';

function takes(name: string, definition: (typeof INDICATORS)[IndicatorSpec['name']]): string {
  if (definition.params.length === 0) return `${name} takes no parameters`;
  const keys = [name, ...definition.params.map((param) => param.key)].join(':');
  return `${name} takes ${keys}, e.g. ${[name, ...definition.params.map((param) => param.default)].join(':')}`;
}

/** `--ind` values (each a comma list) to specs, de-duplicated in order; a bad one is a usage error naming what it takes. */
export function parseSpecs(values: readonly string[]): IndicatorSpec[] {
  const texts = values.flatMap((value) => value.split(',')).map((text) => text.trim());
  const specs = new Map<string, IndicatorSpec>();
  for (const text of texts) {
    const parsed = parseIndicatorSpec(text);
    if (!parsed.ok) {
      const name = text.split(':')[0]?.trim().toLowerCase() ?? '';
      const definition = Object.hasOwn(INDICATORS, name) ? INDICATORS[name as IndicatorSpec['name']] : undefined;
      throw new UsageError(
        `--ind ${text}: ${parsed.error.message}`,
        definition ? { hint: takes(name, definition) } : {},
      );
    }
    specs.set(JSON.stringify(parsed.spec), parsed.spec);
  }
  return [...specs.values()];
}

/** `--patterns` (no value or `all`: every pattern) to names, de-duplicated; an unknown one is a usage error. */
export function parsePatterns(value: string | true): PatternName[] {
  if (value === true || value.trim().toLowerCase() === 'all') return [...PATTERN_NAMES];
  const names = value.split(',').map((name) => name.trim().toLowerCase().replaceAll('-', '_'));
  const unknown = names.find((name) => !isPatternName(name));
  if (unknown !== undefined) {
    throw new UsageError(`--patterns: unknown pattern "${unknown}"; known patterns: all, ${PATTERN_NAMES.join(', ')}`);
  }
  return [...new Set(names as PatternName[])];
}
