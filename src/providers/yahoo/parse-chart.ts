import type { Bar } from '../../engine/bar.js';
import type { CorporateAction, Dividend, Split } from '../../engine/corporate-action.js';
import { Decimal } from '../../engine/decimal.js';
import type { Instrument } from '../../engine/instrument.js';
import { bucketStart, isIntraday } from '../../engine/interval.js';
import { ProviderError, UnknownSymbolError } from '../../errors.js';
import type { History, HistoryRequest } from '../provider.js';
import {
  assetClassOf,
  decimal,
  finite,
  float32Price,
  isRecord,
  malformed,
  text,
  UNKNOWN_CURRENCY,
  YAHOO,
} from './values.js';
import type { WireChartMeta, WireChartResult, WireError, WireIndicatorQuote } from './wire.js';

/**
 * A v8 chart payload as History for `request`: bars in [fromMs, toMs) oldest first, dividends and
 * splits in the same range. Daily, weekly and monthly bars are stamped 00:00 UTC of their date
 * in the exchange's time zone (then the Monday or the 1st), as every daily bar in stockato is:
 * Yahoo stamps them with the session's opening instant, which is the previous UTC day in Sydney
 * and moves to "now" for a session still running. Intraday bars keep Yahoo's start instant.
 *
 * A bar with any null price is skipped (never turned into a zero bar); a missing volume counts
 * as 0. No `timestamp` (a weekend, a symbol with no trades) gives no bars. Throws for an error
 * envelope (see chartErrorOf) and ProviderError `malformed` for a payload it cannot read.
 */
export function parseChart(body: unknown, request: HistoryRequest): History {
  const chart = isRecord(body) && isRecord(body['chart']) ? body['chart'] : undefined;
  if (!chart) throw malformed('no "chart" object in the chart response');
  const result = Array.isArray(chart['result']) ? (chart['result'][0] as WireChartResult | undefined) : undefined;
  if (!result) throw chartErrorOf(request.symbol, chart['error'] as WireError | null | undefined);
  const meta = result.meta ?? {};
  const instrument = instrumentOf(meta, request.symbol);
  const dayOf = localDayStart(meta);
  const inRange = (tsMs: number) => tsMs >= request.fromMs && tsMs < request.toMs;
  const stamp = (seconds: number) =>
    isIntraday(request.interval) ? seconds * 1000 : bucketStart(request.interval, dayOf(seconds));
  const bars = barsOf(result, stamp).filter((bar) => inRange(bar.tsMs));
  const actions = actionsOf(result, dayOf, instrument.currency).filter((action) => inRange(actionDateMs(action)));
  return { instrument, interval: request.interval, bars, actions };
}

/**
 * The error for a chart error envelope (HTTP 404 and 422 bodies, or a 200 without a result):
 * `Not Found` -> UnknownSymbolError; `Unprocessable Entity` (1m range over 8 days or older than
 * 30) -> `range-unavailable`, not retryable; anything else -> `bad-request`.
 */
export function chartErrorOf(symbol: string, error: WireError | null | undefined, status?: number): ProviderError {
  const code = text(error?.code);
  const description = text(error?.description);
  if (code === 'Not Found' || status === 404) {
    return new UnknownSymbolError(YAHOO, symbol, description ? { hint: `Yahoo says: ${description}` } : {});
  }
  if (!code && !description && status === undefined) {
    return malformed('a chart response with neither a result nor an error');
  }
  const said = `yahoo refused the chart request for ${symbol}: ${description ?? code ?? `HTTP ${status}`}`;
  if (code === 'Unprocessable Entity' || status === 422) {
    return new ProviderError(YAHOO, 'range-unavailable', said, false, {
      hint: 'Yahoo serves 1m bars for the last 30 days, at most 8 days per request; 5m-30m for 60 days; 1h for 730 days',
    });
  }
  return new ProviderError(YAHOO, 'bad-request', said, false);
}

function instrumentOf(meta: WireChartMeta, symbol: string): Instrument {
  const type = text(meta.instrumentType);
  const assetClass = assetClassOf(type);
  if (!assetClass) {
    throw new ProviderError(
      YAHOO,
      'unsupported',
      `${symbol} is a ${type ?? 'security of unknown type'} on Yahoo, which stockato does not support`,
      false,
    );
  }
  return {
    symbol,
    name: text(meta.longName) ?? text(meta.shortName) ?? symbol,
    assetClass,
    currency: text(meta.currency) ?? UNKNOWN_CURRENCY,
    exchange: text(meta.exchangeName) ?? '',
  };
}

function barsOf(result: WireChartResult, stamp: (seconds: number) => number): Bar[] {
  const timestamps = Array.isArray(result.timestamp) ? result.timestamp : [];
  const quote: WireIndicatorQuote = result.indicators?.quote?.[0] ?? {};
  const byTime = new Map<number, Bar>();
  timestamps.forEach((seconds, i) => {
    const bar = barAt(quote, i, seconds, stamp);
    // Yahoo repeats the running session's bar at the end; the later copy is the fresher one.
    if (bar) byTime.set(bar.tsMs, bar);
  });
  return [...byTime.values()].sort((a, b) => a.tsMs - b.tsMs);
}

function barAt(quote: WireIndicatorQuote, i: number, seconds: unknown, stamp: (s: number) => number): Bar | undefined {
  const ts = finite(seconds);
  const open = float32Price(quote.open?.[i]);
  const high = float32Price(quote.high?.[i]);
  const low = float32Price(quote.low?.[i]);
  const close = float32Price(quote.close?.[i]);
  if (ts === undefined || !open || !high || !low || !close) return undefined;
  return { tsMs: stamp(ts), open, high, low, close, volume: decimal(quote.volume?.[i]) ?? Decimal.ZERO };
}

function actionsOf(result: WireChartResult, dayOf: (s: number) => number, currency: string): CorporateAction[] {
  const dividends = Object.values(result.events?.dividends ?? {}).flatMap((wire): Dividend[] => {
    const date = finite(wire.date);
    const amount = decimal(wire.amount);
    return date === undefined || !amount ? [] : [{ kind: 'dividend', exDateMs: dayOf(date), amount, currency }];
  });
  const splits = Object.values(result.events?.splits ?? {}).flatMap((wire): Split[] => {
    const date = finite(wire.date);
    const numerator = decimal(wire.numerator);
    const denominator = decimal(wire.denominator);
    if (date === undefined || !numerator || !denominator || numerator.isZero() || denominator.isZero()) return [];
    return [{ kind: 'split', dateMs: dayOf(date), numerator, denominator }];
  });
  return [...dividends, ...splits].sort((a, b) => actionDateMs(a) - actionDateMs(b));
}

function actionDateMs(action: CorporateAction): number {
  return action.kind === 'dividend' ? action.exDateMs : action.dateMs;
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * Maps a Unix-seconds instant to 00:00 UTC of its calendar date at the exchange. Uses the IANA
 * zone so that each date gets its own DST offset (`gmtoffset` is the offset at recording time
 * only); falls back to that fixed offset when the zone is missing or unknown.
 */
function localDayStart(meta: WireChartMeta): (seconds: number) => number {
  const zone = text(meta.exchangeTimezoneName);
  const format = zone ? dateFormat(zone) : undefined;
  if (format) {
    return (seconds) => {
      const parts = format.formatToParts(seconds * 1000);
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return Date.UTC(part('year'), part('month') - 1, part('day'));
    };
  }
  const offsetMs = (finite(meta.gmtoffset) ?? 0) * 1000;
  return (seconds) => bucketStart('1d', seconds * 1000 + offsetMs);
}

function dateFormat(zone: string): Intl.DateTimeFormat | undefined {
  if (!DATE_FORMATS.has(zone)) {
    try {
      const options = { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' } as const;
      DATE_FORMATS.set(zone, new Intl.DateTimeFormat('en-US', options));
    } catch {
      return undefined;
    }
  }
  return DATE_FORMATS.get(zone);
}
