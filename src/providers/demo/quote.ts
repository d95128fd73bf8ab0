import type { Quote } from '../../engine/quote.js';
import { latestSessionAt, marketStateAt } from './calendar.js';
import type { SymbolSimulation } from './symbol-simulation.js';

/**
 * The quote at `nowMs`, consistent with the bars: last is the close of the latest 1m bar at or
 * before now (the session's close when the market is shut), open/high/low/volume are those of
 * the latest daily bar (partial while the session runs), previousClose is the close of the
 * trading day before it, and tsMs is the time of the last price (now during a session, the
 * session's end after it). Undefined before the demo epoch.
 */
export function demoQuote(simulation: SymbolSimulation, nowMs: number): Quote | undefined {
  const { instrument, prices, volumes } = simulation;
  const session = latestSessionAt(instrument.assetClass, nowMs);
  const bar = session && simulation.dayBar(session.day, nowMs);
  if (!session || !bar) return undefined;
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    currency: instrument.currency,
    last: prices.toDecimal(bar.close),
    open: prices.toDecimal(bar.open),
    high: prices.toDecimal(bar.high),
    low: prices.toDecimal(bar.low),
    previousClose: prices.toDecimal(simulation.previousClose(session.day)),
    volume: volumes.toDecimal(bar.volume),
    tsMs: Math.min(nowMs, session.endMs),
    marketState: marketStateAt(instrument.assetClass, nowMs),
    source: 'demo',
    demo: true,
  };
}
