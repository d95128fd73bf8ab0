import type { MarketState } from '../../engine/quote.js';
import type { NewsItem } from '../provider.js';
import { Wire } from '../wire-guards.js';
import { throwIfErrorBody } from './errors.js';
import { POLYGON, fromPolygonTicker } from './symbols.js';
import type { PolygonMarketStatus, PolygonNews } from './wire.js';

/**
 * `/v2/reference/news?ticker=` -> news, as sent (newest first). Tickers without a canonical form
 * are left out of `symbols`.
 */
export function parseNews(body: unknown): NewsItem[] {
  const news = Wire.root<PolygonNews>(POLYGON, throwIfErrorBody(body), 'reference/news');
  return news
    .get('results')
    .items()
    .map((item) => ({
      id: item.get('id').nonEmptyString(),
      title: item.get('title').nonEmptyString(),
      publisher: item.get('publisher').get('name').nonEmptyString(),
      url: item.get('article_url').nonEmptyString(),
      publishedMs: item.get('published_utc').isoTimeMs(),
      symbols: item
        .get('tickers')
        .items()
        .flatMap((ticker) => canonicalTickers(ticker.string())),
    }));
}

function canonicalTickers(ticker: string): string[] {
  try {
    return [fromPolygonTicker(ticker)];
  } catch {
    return [];
  }
}

/** Where each market is, from `/v1/marketstatus/now`; a provider builds its MarketStateOf from it. */
export interface PolygonMarketStates {
  readonly stocks: MarketState;
  readonly fx: MarketState;
  readonly crypto: MarketState;
  readonly serverTimeMs: number;
}

/**
 * US stocks: `open` is the regular session; `extended-hours` is pre-market when `earlyHours`,
 * post-market when `afterHours`, and closed if neither flag is set (never seen, but not a session).
 */
export function parseMarketStatus(body: unknown): PolygonMarketStates {
  const status = Wire.root<PolygonMarketStatus>(POLYGON, throwIfErrorBody(body), 'marketstatus');
  const market = status.get('market').string();
  const open = (text: string) => (text === 'open' ? 'regular' : 'closed');
  let stocks: MarketState;
  if (market === 'open' || market === 'closed') stocks = open(market);
  else if (market !== 'extended-hours') return status.get('market').fail('open, closed or extended-hours');
  else if (status.get('earlyHours').value === true) stocks = 'pre';
  else stocks = status.get('afterHours').value === true ? 'post' : 'closed';
  return {
    stocks,
    fx: open(status.get('currencies').get('fx').string()),
    crypto: open(status.get('currencies').get('crypto').string()),
    serverTimeMs: status.get('serverTime').isoTimeMs(),
  };
}
