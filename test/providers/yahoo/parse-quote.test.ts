import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/engine/quote.js';
import { ProviderError, UnknownSymbolError } from '../../../src/errors.js';
import type { QuoteBatch } from '../../../src/providers/provider.js';
import { marketStateOf, parseQuote, parseQuotes } from '../../../src/providers/yahoo/parse.js';
import type { WireQuote } from '../../../src/providers/yahoo/wire.js';
import { readFixture } from '../../helpers/replay-server.js';

function quotes(file: string, symbols: string[]): QuoteBatch {
  return parseQuotes(JSON.parse(readFixture('yahoo', file)), symbols);
}

function only(file: string, symbol: string): Quote {
  const batch = quotes(file, [symbol]);
  expect(batch.failures).toEqual([]);
  return batch.quotes[0] as Quote;
}

/** The money fields as text, for exact comparison. */
function prices(quote: Quote): Record<string, string> {
  const { last, open, high, low, previousClose, volume } = quote;
  return Object.fromEntries(
    Object.entries({ last, open, high, low, previousClose, volume }).map(([k, v]) => [k, v.toString()]),
  );
}

describe('parseQuotes on recorded v7 quote payloads', () => {
  it('AAPL: closed, prices as given, and the newer post-market price with an exact change', () => {
    const quote = only('quote-AAPL.json', 'AAPL');
    expect(quote).toMatchObject({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      currency: 'USD',
      tsMs: 1739566800_000,
      marketState: 'closed',
      source: 'yahoo',
      demo: false,
    });
    expect(prices(quote)).toEqual({
      last: '244.6',
      open: '241.07',
      high: '245.41',
      low: '241',
      previousClose: '241.53',
      volume: '40896227',
    });
    expect(quote.extended?.session).toBe('post');
    expect(quote.extended?.last.toString()).toBe('244.64');
    expect(quote.extended?.change.toString()).toBe('0.04');
    expect(quote.extended?.tsMs).toBe(1739581198_000);
  });

  it('AAPL and BABA in one response, in the order asked', () => {
    const batch = quotes('quote-AAPL-BABA-multi-symbol.json', ['BABA', 'AAPL']);
    expect(batch.failures).toEqual([]);
    expect(batch.quotes.map((q) => [q.symbol, q.last.toString(), q.previousClose.toString()])).toEqual([
      ['BABA', '124.73', '119.54'],
      ['AAPL', '244.6', '241.53'],
    ]);
    expect(batch.quotes[0]?.extended?.change.toString()).toBe('0.08');
  });

  it('OCDO.L: GBp stays GBp, prices stay in pence', () => {
    const quote = only('quote-OCDO.L-LSE-GBp.json', 'OCDO.L');
    expect(quote).toMatchObject({ currency: 'GBp', name: 'Ocado Group plc', marketState: 'regular' });
    expect(prices(quote)).toEqual({
      last: '308.8',
      open: '308.2',
      high: '315.4158',
      low: '308.2',
      previousClose: '315.2',
      volume: '113925',
    });
    expect(quote.extended).toBeUndefined();
  });

  it('BTC-USD: crypto trades around the clock (REGULAR), big volume exact', () => {
    const quote = only('quote-BTC-USD-crypto.json', 'BTC-USD');
    expect(quote.marketState).toBe('regular');
    expect(prices(quote)).toMatchObject({ last: '96077.45', previousClose: '96137.88', volume: '21228961792' });
  });

  it('EURUSD=X: FX quoted in USD with volume 0', () => {
    const quote = only('quote-EURUSD_X-currency.json', 'EURUSD=X');
    expect(quote).toMatchObject({ name: 'EUR/USD', currency: 'USD', marketState: 'regular' });
    expect(prices(quote)).toMatchObject({ last: '1.0489877', previousClose: '1.0495383', volume: '0' });
  });

  it('GC=F: a future without longName takes the short name', () => {
    const quote = only('quote-GC_F-future.json', 'GC=F');
    expect(quote.name).toBe('Gold Apr 25');
    expect(prices(quote)).toMatchObject({ last: '2910.3', high: '2919', volume: '54706' });
  });

  it('QQQ: an ETF with a post-market price below the close', () => {
    const quote = only('quote-QQQ-etf.json', 'QQQ');
    expect(quote.last.toString()).toBe('538.15');
    expect(quote.extended?.last.toString()).toBe('538.13');
    expect(quote.extended?.change.toString()).toBe('-0.02');
  });

  it('^VXAPL: an index whose day range Yahoo reports as 0 falls back to the last price', () => {
    const quote = only('quote-VXAPL-index.json', '^VXAPL');
    expect(prices(quote)).toEqual({
      last: '23.77',
      open: '23.77',
      high: '23.77',
      low: '23.77',
      previousClose: '24.28',
      volume: '0',
    });
  });

  it('0P000071W8.TO: a fund with only a NAV (no open, high, low or volume)', () => {
    const quote = only('quote-0P000071W8.TO-mutualfund.json', '0P000071W8.TO');
    expect(quote).toMatchObject({ currency: 'CAD', name: 'TD US Index e', marketState: 'closed' });
    expect(prices(quote)).toEqual({
      last: '152.63',
      open: '152.63',
      high: '152.63',
      low: '152.63',
      previousClose: '152.74',
      volume: '0',
    });
  });

  it.each([
    ['quote-SIX-unknown-symbol-empty-result.json', 'SIX'],
    ['quote-expired-option-empty-result.json', 'AAPL220121C00025000'],
  ])('%s: an empty result is an unknown-symbol failure', (file, symbol) => {
    const batch = quotes(file, [symbol]);
    expect(batch.quotes).toEqual([]);
    expect(batch.failures).toHaveLength(1);
    expect(batch.failures[0]?.symbol).toBe(symbol);
    expect(batch.failures[0]?.error).toBeInstanceOf(UnknownSymbolError);
  });

  it('BRKS: delisted (quoteType NONE, no prices) is a failure, never a zero quote', () => {
    const batch = quotes('quote-BRKS-delisted-quoteType-NONE.json', ['BRKS']);
    expect(batch.quotes).toEqual([]);
    const error = batch.failures[0]?.error;
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error?.hint).toContain('delisted');
  });

  it('TSLA with `fields=`: no previous close or currency is a retryable failure, not a 0% change', () => {
    const batch = quotes('quote-TSLA-fields-symbol-shortName.json', ['TSLA']);
    expect(batch.quotes).toEqual([]);
    expect(batch.failures[0]?.error).toMatchObject({ code: 'malformed', retryable: true });
    expect(batch.failures[0]?.error.message).toContain('previous close');
  });

  it('a symbol missing from a partly answered batch fails alone', () => {
    const batch = quotes('quote-AAPL-BABA-multi-symbol.json', ['AAPL', 'NOPE', 'BABA']);
    expect(batch.quotes.map((q) => q.symbol)).toEqual(['AAPL', 'BABA']);
    expect(batch.failures.map((f) => f.symbol)).toEqual(['NOPE']);
  });

  it('the 401 Invalid Crumb envelope is not a quote response', () => {
    expect(() => parseQuotes(JSON.parse(readFixture('yahoo', 'error-401-invalid-crumb.json')), ['AAPL'])).toThrow(
      ProviderError,
    );
  });
});

describe('quotes inside the recorded day_gainers screener (real PRE-market data)', () => {
  const screener = JSON.parse(readFixture('yahoo', 'screener-predefined-day_gainers.json'));
  const wires: WireQuote[] = screener.finance.result[0].quotes;

  it('every entry parses, in the PRE state, with the pre-market price newer than the close', () => {
    const parsed = wires.map((wire) => parseQuote(wire, wire.symbol ?? ''));
    expect(parsed.every((q) => !(q instanceof ProviderError))).toBe(true);
    const all = parsed as Quote[];
    expect(all.map((q) => q.symbol)).toEqual(['U', 'FTAI', 'DBRG', 'HAS', 'GDS']);
    expect(all.map((q) => q.marketState)).toEqual(['pre', 'pre', 'pre', 'pre', 'pre']);
    expect(all.map((q) => [q.extended?.session, q.extended?.last.toString(), q.extended?.change.toString()])).toEqual([
      ['pre', '28.2', '0.2'],
      ['pre', '144', '0.18'],
      ['pre', '12.24', '0'],
      ['pre', '69.5', '0.44'],
      ['pre', '50.88', '2.38'],
    ]);
    expect(all[0]?.extended?.tsMs).toBe(1740137303_000);
  });
});

describe('marketStateOf', () => {
  it.each([
    ['PRE', 'pre'],
    ['REGULAR', 'regular'],
    ['POST', 'post'],
    ['POSTPOST', 'closed'],
    ['PREPRE', 'closed'],
    ['CLOSED', 'closed'],
    [undefined, 'closed'],
    ['SOMETHING_NEW', 'closed'],
  ])('%s -> %s', (state, expected) => {
    expect(marketStateOf(state)).toBe(expected);
  });
});

describe('extended-hours prices', () => {
  const base: WireQuote = {
    symbol: 'X',
    quoteType: 'EQUITY',
    currency: 'USD',
    regularMarketPrice: 100,
    regularMarketPreviousClose: 99,
    regularMarketTime: 1_000,
  };

  it('ignores a pre-market price older than the regular session (Yahoo keeps it all day)', () => {
    const quote = parseQuote({ ...base, marketState: 'REGULAR', preMarketPrice: 98, preMarketTime: 900 }, 'X');
    expect((quote as Quote).extended).toBeUndefined();
  });

  it('takes the later of pre and post when both are newer', () => {
    const quote = parseQuote(
      { ...base, postMarketPrice: 101, postMarketTime: 1_100, preMarketPrice: 102.5, preMarketTime: 1_200 },
      'X',
    ) as Quote;
    expect(quote.extended).toEqual(expect.objectContaining({ session: 'pre', tsMs: 1_200_000 }));
    expect(quote.extended?.change.toString()).toBe('2.5');
  });
});
