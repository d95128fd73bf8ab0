import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/engine/decimal.js';
import type { Quote } from '../../src/engine/quote.js';
import { decodeInstruments, decodeNews, decodeQuote, encodeList, encodeQuote } from '../../src/services/cache-codec.js';
import { quote } from '../providers/router/fakes.js';

describe('cache codec', () => {
  it('a quote survives the round trip digit for digit, extended hours included', () => {
    const original: Quote = {
      ...quote('AAPL', 'yahoo'),
      last: Decimal.of('0.000000012345678901234567890'),
      previousClose: Decimal.of('98765432109876543210.5'),
      extended: { session: 'post', last: Decimal.of('1.10'), change: Decimal.of('-0.05'), tsMs: 42 },
    };
    const decoded = decodeQuote(encodeQuote(original));
    expect(decoded?.last.toString()).toBe(original.last.toString());
    expect(decoded?.previousClose.toString()).toBe('98765432109876543210.5');
    expect(decoded?.extended?.change.toString()).toBe('-0.05');
    expect(decoded).toEqual(original);
    expect(JSON.parse(encodeQuote(original)).last).toBe(original.last.toString());
  });

  it.each([
    ['not JSON', '{'],
    [
      'a number where a decimal string belongs',
      JSON.stringify({ ...JSON.parse(encodeQuote(quote('A', 'y'))), last: 1 }),
    ],
    ['an unknown market state', JSON.stringify({ ...JSON.parse(encodeQuote(quote('A', 'y'))), marketState: 'lunch' })],
    ['text that is not a decimal', JSON.stringify({ ...JSON.parse(encodeQuote(quote('A', 'y'))), high: 'lots' })],
  ])('a damaged quote body (%s) reads as nothing cached', (_what, body) => {
    expect(decodeQuote(body)).toBeUndefined();
  });

  it('lists round-trip, and a damaged list reads as nothing cached', () => {
    const instruments = [
      { symbol: 'AAPL', name: 'Apple', assetClass: 'equity', currency: 'USD', exchange: 'NMS' },
    ] as const;
    expect(decodeInstruments(encodeList(instruments))).toEqual(instruments);
    const news = [{ id: '1', title: 't', publisher: 'p', url: 'https://x', publishedMs: 5, symbols: ['AAPL'] }];
    expect(decodeNews(encodeList(news))).toEqual(news);
    expect(decodeNews('{"title":"t"}')).toBeUndefined();
    expect(decodeNews('[{"title":1}]')).toBeUndefined();
    expect(decodeInstruments('[null]')).toBeUndefined();
  });
});
