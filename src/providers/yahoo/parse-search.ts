import type { Instrument } from '../../engine/instrument.js';
import type { NewsItem } from '../provider.js';
import { currencyFromSymbol, fromYahooSymbol } from './symbols.js';
import { assetClassOf, finite, isRecord, malformed, text, UNKNOWN_CURRENCY } from './values.js';
import type { WireNewsItem, WireSearchQuote } from './wire.js';

export interface SearchResults {
  readonly instruments: readonly Instrument[];
  /** Newest first. */
  readonly news: readonly NewsItem[];
}

/**
 * A v1 search payload as instruments and news. Entries that are not tradable symbols
 * (`isYahooFinance: false`) or of a kind stockato does not trade (options) are left out. Search
 * results carry no currency: it is taken from the symbol where the symbol states it (crypto, FX)
 * and is otherwise unknown (empty). The exchange is Yahoo's code (`NMS`, `GER`), as in chart and
 * quote payloads, so an instrument compares equal whichever endpoint it came from.
 */
export function parseSearch(body: unknown): SearchResults {
  if (!isRecord(body)) throw malformed('the search response is not an object');
  const quotes = Array.isArray(body['quotes']) ? (body['quotes'] as WireSearchQuote[]) : [];
  const news = Array.isArray(body['news']) ? (body['news'] as WireNewsItem[]) : [];
  return {
    instruments: quotes.flatMap((wire) => {
      const instrument = instrumentOf(wire);
      return instrument ? [instrument] : [];
    }),
    news: news
      .flatMap((wire) => {
        const item = newsItemOf(wire);
        return item ? [item] : [];
      })
      .sort((a, b) => b.publishedMs - a.publishedMs),
  };
}

function instrumentOf(wire: WireSearchQuote): Instrument | undefined {
  const raw = text(wire.symbol);
  const assetClass = assetClassOf(text(wire.quoteType));
  if (wire.isYahooFinance === false || !raw || !assetClass) return undefined;
  const symbol = fromYahooSymbol(raw);
  return {
    symbol,
    name: text(wire.longname) ?? text(wire.shortname) ?? symbol,
    assetClass,
    currency: currencyFromSymbol(symbol, assetClass) ?? UNKNOWN_CURRENCY,
    exchange: text(wire.exchange) ?? '',
  };
}

function newsItemOf(wire: WireNewsItem): NewsItem | undefined {
  const id = text(wire.uuid);
  const title = text(wire.title);
  const url = text(wire.link);
  const seconds = finite(wire.providerPublishTime);
  if (!id || !title || !url || seconds === undefined) return undefined;
  const tickers = Array.isArray(wire.relatedTickers) ? wire.relatedTickers : [];
  return {
    id,
    title,
    publisher: text(wire.publisher) ?? '',
    url,
    publishedMs: seconds * 1000,
    symbols: tickers.flatMap((ticker) => (text(ticker) ? [fromYahooSymbol(ticker)] : [])),
  };
}
