/** A vertical value range mapped onto `rows` terminal rows (row 0 at the top). */
export interface ValueScale {
  readonly min: number;
  readonly max: number;
}

/**
 * The smallest range holding every finite value, padded so that a flat series still has height.
 * Non-finite values (indicator warm-up as NaN) are ignored; with none at all the range is [0, 1].
 */
export function valueRange(values: Iterable<number>): ValueScale {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  if (min === max) {
    const pad = Math.abs(min) * 0.01 || 1;
    return { min: min - pad, max: max + pad };
  }
  return { min, max };
}

/**
 * Position of `value` on a scale of `steps` units (0 = bottom, steps - 1 = top), clamped, as a
 * whole number. Used with steps = rows * 4 for braille dots and rows * 2 for half blocks.
 */
export function toStep(value: number, scale: ValueScale, steps: number): number {
  const span = scale.max - scale.min;
  const ratio = span === 0 ? 0.5 : (value - scale.min) / span;
  return Math.min(steps - 1, Math.max(0, Math.round(ratio * (steps - 1))));
}
