import type { AssetClass, Instrument } from '../engine/instrument.js';
import type { Bar } from '../engine/bar.js';
import type { CorporateAction } from '../engine/corporate-action.js';
import type { Interval } from '../engine/interval.js';
import type { Quote } from '../engine/quote.js';
import type { ProviderError } from '../errors.js';

/** What a source can do; the router and commands read this instead of probing. */
export interface ProviderCapabilities {
  readonly assetClasses: readonly AssetClass[];
  readonly intervals: readonly Interval[];
  readonly quotes: boolean;
  readonly history: boolean;
  readonly search: boolean;
  readonly news: boolean;
  readonly streaming: boolean;
  readonly requiresKey: boolean;
  /** Most symbols one quote request may carry. */
  readonly maxSymbolsPerQuote: number;
  /** Request budget the source allows, when it publishes one. */
  readonly quota?: { readonly perMinute?: number; readonly perDay?: number };
  /** True for simulated data: everything it returns is marked as demo. */
  readonly simulated: boolean;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

/** A failure for one symbol of a batch; the rest of the batch may still have succeeded. */
export interface SymbolFailure {
  readonly symbol: string;
  readonly error: ProviderError;
}

export interface QuoteBatch {
  readonly quotes: readonly Quote[];
  readonly failures: readonly SymbolFailure[];
}

export interface HistoryRequest {
  readonly symbol: string;
  readonly interval: Interval;
  /** Inclusive start, UTC epoch ms. */
  readonly fromMs: number;
  /** Exclusive end, UTC epoch ms. */
  readonly toMs: number;
}

export interface History {
  readonly instrument: Instrument;
  readonly interval: Interval;
  /** Bars in [fromMs, toMs), oldest first; the last may still be open (not yet complete). */
  readonly bars: readonly Bar[];
  /** Dividends and splits in the range, where the source gives them. */
  readonly actions?: readonly CorporateAction[];
  /** Id of the provider that answered, set by the router (whose own id would say nothing). */
  readonly source?: string;
}

export interface NewsItem {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  readonly publishedMs: number;
  readonly symbols: readonly string[];
}

/**
 * One interface for every market data source. Methods throw ProviderError (or a subclass such as
 * UnknownSymbolError or RateLimitError) for whole-request failures; quote batches report
 * per-symbol failures as values. News and streaming are optional and declared in capabilities.
 */
export interface MarketDataProvider {
  readonly id: string;
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  getQuotes(symbols: readonly string[], options?: RequestOptions): Promise<QuoteBatch>;
  getHistory(request: HistoryRequest, options?: RequestOptions): Promise<History>;
  search(text: string, options?: RequestOptions): Promise<readonly Instrument[]>;
  getNews?(symbol: string | undefined, options?: RequestOptions): Promise<readonly NewsItem[]>;
}
