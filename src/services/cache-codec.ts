import { Decimal } from '../engine/decimal.js';
import type { Instrument } from '../engine/instrument.js';
import { MARKET_STATES, type MarketState, type Quote } from '../engine/quote.js';
import type { NewsItem } from '../providers/provider.js';

/**
 * JSON forms of what the response cache holds. Decimals are written as their exact text and read
 * back with Decimal.of, so a cached price is the price that was fetched, digit for digit. A body
 * that does not decode (written by a future version, or damaged) reads as nothing cached.
 */

const DECIMAL_FIELDS = ['last', 'open', 'high', 'low', 'previousClose', 'volume'] as const;

export function encodeQuote(quote: Quote): string {
  return JSON.stringify({
    ...quote,
    ...Object.fromEntries(DECIMAL_FIELDS.map((field) => [field, quote[field].toString()])),
    ...(quote.extended
      ? {
          extended: {
            ...quote.extended,
            last: quote.extended.last.toString(),
            change: quote.extended.change.toString(),
          },
        }
      : {}),
  });
}

export function decodeQuote(body: string): Quote | undefined {
  try {
    const raw = JSON.parse(body) as Record<string, unknown>;
    const text = (field: string) => {
      const value = raw[field];
      if (typeof value !== 'string') throw new TypeError(`${field} is not text`);
      return value;
    };
    const decimals = Object.fromEntries(DECIMAL_FIELDS.map((field) => [field, Decimal.of(text(field))]));
    const marketState = text('marketState');
    if (!MARKET_STATES.includes(marketState as MarketState)) return undefined;
    if (typeof raw['tsMs'] !== 'number' || typeof raw['demo'] !== 'boolean') return undefined;
    const extended = raw['extended'] as Record<string, unknown> | undefined;
    return {
      symbol: text('symbol'),
      name: text('name'),
      currency: text('currency'),
      ...(decimals as Pick<Quote, (typeof DECIMAL_FIELDS)[number]>),
      tsMs: raw['tsMs'],
      marketState: marketState as MarketState,
      source: text('source'),
      demo: raw['demo'],
      ...(extended
        ? {
            extended: {
              session: extended['session'] as 'pre' | 'post',
              last: Decimal.of(extended['last'] as string),
              change: Decimal.of(extended['change'] as string),
              tsMs: extended['tsMs'] as number,
            },
          }
        : {}),
    };
  } catch {
    return undefined;
  }
}

export function encodeList(items: readonly Instrument[] | readonly NewsItem[]): string {
  return JSON.stringify(items);
}

export function decodeInstruments(body: string): readonly Instrument[] | undefined {
  return decodeArray<Instrument>(body, (item) => typeof item['symbol'] === 'string');
}

export function decodeNews(body: string): readonly NewsItem[] | undefined {
  return decodeArray<NewsItem>(
    body,
    (item) => typeof item['title'] === 'string' && typeof item['publishedMs'] === 'number',
  );
}

function decodeArray<T>(
  body: string,
  looksRight: (item: Record<string, unknown>) => boolean,
): readonly T[] | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    const items = parsed as Record<string, unknown>[];
    return items.every((item) => typeof item === 'object' && item !== null && looksRight(item))
      ? (items as unknown as T[])
      : undefined;
  } catch {
    return undefined;
  }
}
