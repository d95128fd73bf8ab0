import { describe, expect, it } from 'vitest';
import { UnknownSymbolError } from '../../../src/errors.js';
import { DemoMarket } from '../../../src/providers/demo/market.js';
import { DEFAULT_DEMO_SEED } from '../../../src/providers/demo/provider.js';
import { T, bars, dayStart, demoAt } from './helpers.js';

const DAY = 86_400_000;

describe('demo quotes', () => {
  // Instants around the calendar's edges; 2026-03-04 is a Wednesday, 2026-03-07 a Saturday.
  it.each([
    ['ACME', '2026-03-04T16:07:31.250Z', 'regular'],
    ['ACME', '2026-03-04T14:30:00.000Z', 'regular'],
    ['ACME', '2026-03-04T10:00:00.000Z', 'pre'],
    ['ACME', '2026-03-04T21:30:00.000Z', 'post'],
    ['ACME', '2026-03-07T12:00:00.000Z', 'closed'],
    ['TKPT', '2026-03-09T00:30:00.000Z', 'closed'],
    ['^DEMO', '2026-03-05T00:59:00.000Z', 'post'],
    ['ZORK-USD', '2026-03-08T00:00:00.000Z', 'regular'],
    ['NBL-USD', '2026-03-07T23:59:59.999Z', 'regular'],
    ['EURUSD=X', '2026-03-07T12:00:00.000Z', 'closed'],
    ['USDJPY=X', '2026-03-09T00:00:30.000Z', 'regular'],
  ] as const)('%s at %s: state %s, and numbers that agree with the bars', async (symbol, iso, state) => {
    const nowMs = Date.parse(iso);
    const demo = demoAt(nowMs);
    const { quotes, failures } = await demo.getQuotes([symbol]);
    expect(failures).toEqual([]);
    const quote = quotes[0];
    expect(quote?.marketState).toBe(state);
    const minutes = await bars(demo, symbol, '1m', dayStart(nowMs) - 4 * DAY, nowMs + 1);
    const days = await bars(demo, symbol, '1d', dayStart(nowMs) - 10 * DAY, nowMs + 1);
    const lastMinute = minutes.at(-1);
    const today = days.at(-1);
    const yesterday = days.at(-2);
    expect(quote?.last.toString()).toBe(lastMinute?.close.toString());
    expect(quote?.open.toString()).toBe(today?.open.toString());
    expect(quote?.high.toString()).toBe(today?.high.toString());
    expect(quote?.low.toString()).toBe(today?.low.toString());
    expect(quote?.volume.toString()).toBe(today?.volume.toString());
    expect(quote?.previousClose.toString()).toBe(yesterday?.close.toString());
    expect(quote?.tsMs).toBe(state === 'regular' ? nowMs : (lastMinute?.tsMs ?? 0) + 60_000);
    expect(quote).toMatchObject({ symbol, source: 'demo', demo: true });
  });

  it('carries the name and the currency of the listing, minor units included', async () => {
    const { quotes } = await demoAt(T).getQuotes(['TKPT', 'BRZL', 'USDJPY=X']);
    expect(quotes.map((q) => [q.symbol, q.name, q.currency])).toEqual([
      ['TKPT', 'Teakpot & Sons plc', 'GBp'],
      ['BRZL', 'Brezelwerk Maschinenbau AG', 'EUR'],
      ['USDJPY=X', 'US Dollar / Japanese Yen (demo rate)', 'JPY'],
    ]);
  });

  // Golden: see history.test.ts. These are the numbers `stockato quote --demo` shows at T.
  it('matches the recorded golden quotes for the default seed', async () => {
    const { quotes } = await demoAt(T, DEFAULT_DEMO_SEED).getQuotes(['ACME', 'TKPT', 'EURUSD=X', 'NBL-USD']);
    expect(
      quotes.map((q) => `${q.symbol} ${q.last} ${q.open} ${q.high} ${q.low} ${q.previousClose} ${q.volume}`),
    ).toEqual([
      'ACME 168.63 166.57 168.85 166.17 167.35 2271887',
      'TKPT 784.9 790.4 791.4 780.4 787.3 1265487',
      'EURUSD=X 0.9146 0.91051 0.91487 0.90801 0.91051 0',
      'NBL-USD 27.9315 27.8467 27.9736 27.486 27.8467 42183173.56',
    ]);
  });

  it('reports unknown symbols as failures, next to the known ones (any case, trimmed, once each)', async () => {
    const { quotes, failures } = await demoAt(T).getQuotes(['acme', ' zork-usd ', 'AAPL', 'ACME', '']);
    expect(quotes.map((q) => q.symbol)).toEqual(['ACME', 'ZORK-USD']);
    expect(failures.map((f) => f.symbol)).toEqual(['AAPL', '']);
    const failure = failures[0]?.error;
    expect(failure).toBeInstanceOf(UnknownSymbolError);
    expect(failure).toMatchObject({ code: 'unknown-symbol', retryable: false, provider: 'demo' });
    expect(failure?.hint).toContain('stockato search');
  });

  it('has no price before the demo epoch', async () => {
    const { quotes, failures } = await demoAt(Date.UTC(2015, 5, 1)).getQuotes(['ACME']);
    expect(quotes).toEqual([]);
    expect(failures[0]?.error).toMatchObject({ code: 'range-unavailable', retryable: false });
  });

  it.each([
    ['ZORK-USD', '2026-03-04T10:00:00.000Z'],
    ['ACME', '2026-03-04T15:00:00.000Z'],
    ['ACME', '2026-03-04T20:59:00.000Z'],
  ])(
    'prices any instant of %s after %s on the path the quotes show (the seam for a live stream)',
    async (symbol, iso) => {
      const simulation = new DemoMarket(DEFAULT_DEMO_SEED).simulation(symbol);
      for (const offsetMs of [0, 1, 19_999, 20_000, 33_333, 59_999, 60_000, 3_600_000 + 45_000]) {
        const nowMs = Date.parse(iso) + offsetMs;
        const { quotes } = await demoAt(nowMs, DEFAULT_DEMO_SEED).getQuotes([symbol]);
        const ticks = simulation?.priceAt(nowMs) ?? 0;
        expect(simulation?.prices.toDecimal(ticks).toString(), `${symbol} at ${offsetMs} ms`).toBe(
          quotes[0]?.last.toString(),
        );
      }
    },
  );
});
