import type { Bar } from '../bar.js';
import type { IndicatorStream } from './types.js';

/** The part of a trading-signals indicator the engine uses (v6+: `update(input, replace)`). */
export interface LibraryIndicator<Result, Input> {
  update(input: Input, replace: boolean): Result | null;
  readonly isStable: boolean;
}

export interface HighLowClose {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}
export interface Candle extends HighLowClose {
  readonly open: number;
  readonly volume: number;
}

/** The close as a number (indicators work in binary floating point, never in money). */
export function closeOf(bar: Bar): number {
  return bar.close.toNumber();
}

/** High, low and close as numbers. */
export function highLowCloseOf(bar: Bar): HighLowClose {
  return { high: bar.high.toNumber(), low: bar.low.toNumber(), close: bar.close.toNumber() };
}

/** Open, high, low, close and volume as numbers. */
export function candleOf(bar: Bar): Candle {
  return { ...highLowCloseOf(bar), open: bar.open.toNumber(), volume: bar.volume.toNumber() };
}

/**
 * Wraps a trading-signals indicator as a stream. Output is null until the library reports the
 * indicator stable (its EMA-based classes return provisional numbers before that). A `replace`
 * before any bar acts as `update`.
 */
export function fromLibrary<Result, Input, Output>(
  indicator: LibraryIndicator<Result, Input>,
  toInput: (bar: Bar) => Input,
  toOutput: (result: Result) => Output,
): IndicatorStream<Output> {
  let seen = 0;
  const step = (bar: Bar, replace: boolean): Output | null => {
    const isReplace = replace && seen > 0;
    if (!isReplace) seen += 1;
    const result = indicator.update(toInput(bar), isReplace);
    return result !== null && indicator.isStable ? toOutput(result) : null;
  };
  return { update: (bar) => step(bar, false), replace: (bar) => step(bar, true) };
}

/**
 * Builds a stream from a pure step over an immutable state. It keeps the state from before the
 * latest bar, so `replace` recomputes that bar from it in O(1). A `replace` before any bar acts
 * as `update`.
 */
export function fromRecurrence<State, Output>(
  initial: State,
  step: (state: State, bar: Bar) => State,
  output: (state: State) => Output | null,
): IndicatorStream<Output> {
  let before: State | undefined;
  let current = initial;
  return {
    update(bar) {
      before = current;
      current = step(current, bar);
      return output(current);
    },
    replace(bar) {
      if (before === undefined) return this.update(bar);
      current = step(before, bar);
      return output(current);
    },
  };
}

/**
 * Builds a stream from a step that is told whether the bar revises the latest one. A `replace`
 * before any bar reaches the step as an update, so the step never has to handle that case.
 */
export function fromStep<Output>(step: (bar: Bar, replace: boolean) => Output | null): IndicatorStream<Output> {
  let seen = false;
  const run = (bar: Bar, replace: boolean): Output | null => {
    const revise = replace && seen;
    seen = true;
    return step(bar, revise);
  };
  return { update: (bar) => run(bar, false), replace: (bar) => run(bar, true) };
}

/** Feeds a bar to an inner stream as an update or, when revising, as a replace. */
export function feed<Output>(stream: IndicatorStream<Output>, bar: Bar, replace: boolean): Output | null {
  return replace ? stream.replace(bar) : stream.update(bar);
}

/**
 * A pure recurrence over any input whose latest input may be revised: the state from before the
 * latest input is kept, and a revising call recomputes from it. Returns the new state.
 */
export function revisable<State, Input>(
  initial: State,
  step: (state: State, input: Input) => State,
): (input: Input, replace: boolean) => State {
  let before = initial;
  let current = initial;
  let started = false;
  return (input, replace) => {
    if (!replace || !started) before = current;
    started = true;
    current = step(before, input);
    return current;
  };
}
