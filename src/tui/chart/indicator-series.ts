import type { Bar } from '../../engine/bar.js';
import { computeIndicator } from '../../engine/indicators/index.js';
import type { Candle } from './candles.js';
import type { OverlaySeries, SubPaneSeries } from './chart-model.js';

/** Overlays the chart offers, by the indicator names of src/engine/indicators. */
export const OVERLAY_NAMES = ['sma', 'ema', 'bb'] as const;
export type OverlayName = (typeof OVERLAY_NAMES)[number];
export const SUB_PANE_NAMES = ['none', 'rsi', 'macd'] as const;
export type SubPaneName = (typeof SUB_PANE_NAMES)[number];

export function toCandles(bars: readonly Bar[]): Candle[] {
  return bars.map((bar) => ({
    open: bar.open.toNumber(),
    high: bar.high.toNumber(),
    low: bar.low.toNumber(),
    close: bar.close.toNumber(),
    volume: bar.volume.toNumber(),
  }));
}

const orNaN = (value: number | null | undefined): number => value ?? NaN;

/** The overlay lines for `names`, one value per bar (NaN while an indicator warms up). */
export function overlaySeries(names: readonly OverlayName[], bars: readonly Bar[]): OverlaySeries[] {
  return names.flatMap((name): OverlaySeries[] => {
    switch (name) {
      case 'sma':
        return [
          { label: 'SMA 20', values: computeIndicator({ name: 'sma', params: { period: 20 } }, bars).map(orNaN) },
        ];
      case 'ema':
        return [
          { label: 'EMA 50', values: computeIndicator({ name: 'ema', params: { period: 50 } }, bars).map(orNaN) },
        ];
      case 'bb': {
        const bands = computeIndicator({ name: 'bb', params: { period: 20, multiplier: 2 } }, bars);
        return [
          { label: 'BB 20 upper', values: bands.map((b) => orNaN(b?.upper)) },
          { label: 'BB 20 lower', values: bands.map((b) => orNaN(b?.lower)) },
        ];
      }
    }
  });
}

/** RSI 14 on a fixed 0..100 scale with 30/70 guides, or MACD 12/26/9 (line and signal). */
export function subPaneSeries(name: SubPaneName, bars: readonly Bar[]): SubPaneSeries | undefined {
  if (name === 'rsi') {
    const values = computeIndicator({ name: 'rsi', params: { period: 14 } }, bars).map(orNaN);
    return { label: 'RSI 14', lines: [values], guides: [30, 70], scale: { min: 0, max: 100 } };
  }
  if (name === 'macd') {
    const out = computeIndicator({ name: 'macd', params: { fast: 12, slow: 26, signal: 9 } }, bars);
    return {
      label: 'MACD 12 26 9',
      lines: [out.map((m) => orNaN(m?.macd)), out.map((m) => orNaN(m?.signal))],
      guides: [0],
    };
  }
  return undefined;
}
