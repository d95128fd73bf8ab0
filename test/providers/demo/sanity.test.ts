import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateBars, type Bar } from '../../../src/engine/bar.js';
import type { Decimal } from '../../../src/engine/decimal.js';
import { bucketStart } from '../../../src/engine/interval.js';
import { DEMO_EPOCH_DAY, sessionOf } from '../../../src/providers/demo/calendar.js';
import { DEMO_INSTRUMENTS, type DemoInstrument } from '../../../src/providers/demo/instruments.js';
import { T, bars, demoAt, texts } from './helpers.js';

const DAY = 86_400_000;
const TODAY = Math.floor(T / DAY);
const demo = demoAt(T);

/** Why a bar is not sane for this instrument, or undefined when it is. */
function insanity(bar: Bar, instrument: DemoInstrument): string | undefined {
  const { open, high, low, close, volume } = bar;
  const decimals = instrument.simulation.priceDecimals;
  // The tick is 10^-decimals, so a price is on it when its canonical text has no more decimals.
  const onTick = (price: Decimal) => (price.toString().split('.')[1] ?? '').length <= decimals;
  if (!low.gt(0)) return `low ${low} is not positive`;
  if (low.gt(open) || low.gt(close) || high.lt(open) || high.lt(close)) return `OHLC out of order: ${texts([bar])}`;
  if (volume.isNegative()) return `negative volume ${volume}`;
  if (![open, high, low, close].every(onTick)) return `price off the tick of ${decimals} decimals: ${texts([bar])}`;
  return undefined;
}

const anyInstrument = fc.constantFrom(...DEMO_INSTRUMENTS);

describe('every demo bar is sane', () => {
  it('daily bars over the whole history: positive, ordered, on the tick', async () => {
    await fc.assert(
      fc.asyncProperty(anyInstrument, fc.integer({ min: DEMO_EPOCH_DAY, max: TODAY }), async (instrument, day) => {
        const week = await bars(demo, instrument.symbol, '1d', day * DAY, (day + 7) * DAY);
        for (const bar of week) expect(insanity(bar, instrument)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it("minute bars of a day within the intraday window: sane, and they make that day's bar", async () => {
    await fc.assert(
      fc.asyncProperty(anyInstrument, fc.integer({ min: TODAY - 31, max: TODAY }), async (instrument, day) => {
        const minutes = await bars(demo, instrument.symbol, '1m', day * DAY, (day + 1) * DAY);
        const daily = await bars(demo, instrument.symbol, '1d', day * DAY, (day + 1) * DAY);
        if (!sessionOf(instrument.assetClass, day)) {
          expect(minutes).toEqual([]);
          expect(daily).toEqual([]);
          return;
        }
        for (const bar of minutes) expect(insanity(bar, instrument)).toBeUndefined();
        expect(texts(aggregateBars(minutes, (tsMs) => bucketStart('1d', tsMs)))).toEqual(texts(daily));
      }),
      { numRuns: 10 },
    );
  });
});
