import type { Bar } from '../bar.js';
import { INDICATORS, type IndicatorDefinition } from './registry.js';
import { validateIndicatorSpec } from './spec.js';
import type { IndicatorName, IndicatorOutput, IndicatorSpec, IndicatorStream } from './types.js';

/**
 * Creates the streaming form of an indicator. Throws RangeError on an invalid spec (a programming
 * error: user input goes through `parseIndicatorSpec` or `validateIndicatorSpec` first).
 */
export function createIndicator<N extends IndicatorName>(spec: IndicatorSpec<N>): IndicatorStream<IndicatorOutput<N>> {
  const checked = validateIndicatorSpec(spec.name, spec.params as Readonly<Record<string, number>>);
  if (!checked.ok) throw new RangeError(checked.error.message);
  const definition = INDICATORS[spec.name] as IndicatorDefinition<N>;
  return definition.create(checked.spec.params as IndicatorSpec<N>['params']);
}

/**
 * Batch form: one output per input bar (oldest first), same length as `bars`; warm-up entries are
 * null, never 0. Equal to feeding the bars one by one to `createIndicator(spec).update`.
 */
export function computeIndicator<N extends IndicatorName>(
  spec: IndicatorSpec<N>,
  bars: readonly Bar[],
): Array<IndicatorOutput<N> | null> {
  const stream = createIndicator(spec);
  return bars.map((bar) => stream.update(bar));
}
