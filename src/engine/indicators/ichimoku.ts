import { fromStep, highLowCloseOf } from './adapters.js';
import type { IchimokuOutput, IchimokuParams, IndicatorStream } from './types.js';
import { RollingWindow } from './window.js';

/** Midpoint of the highest high and lowest low of the window (O(window) per bar). */
function midpoint(highs: RollingWindow, lows: RollingWindow): number {
  return (highs.max().value + lows.min().value) / 2;
}

/**
 * Ichimoku cloud (price units): `conversion` (tenkan-sen) and `base` (kijun-sen) are the midpoints
 * of the highest high and lowest low over `conversion` and `base` bars; the leading spans are
 * plotted `displacement` bars ahead, so on a bar `span_a` is `(conversion + base) / 2` and `span_b`
 * the `spanB`-bar midpoint as computed `displacement` bars earlier (pandas' `shift(26)`; TradingView
 * draws them `displacement - 1` bars ahead). The lagging span (chikou) is the close drawn
 * `displacement` bars back: on an aligned series it would need future bars, so it is not an output
 * (it is the close). All outputs appear together after `max(conversion, base, spanB) - 1 + displacement` bars
 * (77 for 9/26/52/26). Not in TA-Lib.
 */
export function ichimoku({ conversion, base, spanB, displacement }: IchimokuParams): IndicatorStream<IchimokuOutput> {
  const windows = [conversion, base, spanB].map((size) => ({
    highs: new RollingWindow(size),
    lows: new RollingWindow(size),
  }));
  const [fast, medium, slow] = windows as [(typeof windows)[0], (typeof windows)[0], (typeof windows)[0]];
  const spanAs = new RollingWindow(displacement + 1);
  const spanBs = new RollingWindow(displacement + 1);
  return fromStep((bar, replace) => {
    const { high, low } = highLowCloseOf(bar);
    for (const window of windows) {
      window.highs.push(high, replace);
      window.lows.push(low, replace);
    }
    if (!windows.every((window) => window.highs.full)) return null;
    const tenkan = midpoint(fast.highs, fast.lows);
    const kijun = midpoint(medium.highs, medium.lows);
    spanAs.push((tenkan + kijun) / 2, replace);
    spanBs.push(midpoint(slow.highs, slow.lows), replace);
    if (!spanAs.full) return null;
    return {
      conversion: tenkan,
      base: kijun,
      span_a: spanAs.at(displacement) as number,
      span_b: spanBs.at(displacement) as number,
    };
  });
}
