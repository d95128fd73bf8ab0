import type { Interval } from '../engine/interval.js';
import { ConfigError } from '../errors.js';
import type { StreamChannels } from './stream/types.js';

/**
 * What the WebSocket adapters (`<source>/ws.ts`) share: reading a consumer's channel request the
 * same way everywhere, cutting symbol lists into subscribe-sized batches and checking the
 * source-specific `feed` option.
 */

/** A channel request with nothing asked for means trades: the one channel every source has. */
export interface WantedChannels {
  readonly trades: boolean;
  readonly quotes: boolean;
  readonly bars: Interval | undefined;
}

/**
 * The request with the default applied and with bars the source does not build (`sourceBars`
 * lacks the interval) turned into trades, the ticks the multiplexer builds those bars from.
 */
export function wantedChannels(channels: StreamChannels, sourceBars: readonly Interval[]): WantedChannels {
  const sourceBuilds = channels.bars !== undefined && sourceBars.includes(channels.bars);
  const aggregated = channels.bars !== undefined && !sourceBuilds;
  const nothing = !channels.trades && !channels.quotes && channels.bars === undefined;
  return {
    trades: channels.trades === true || aggregated || nothing,
    quotes: channels.quotes === true,
    bars: sourceBuilds ? channels.bars : undefined,
  };
}

/** `items` in order, in slices of at most `size` (an empty list gives no slices). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The feed option checked against a source's feeds; undefined picks the first (the default). */
export function chooseFeed<F extends string>(source: string, feed: string | undefined, feeds: readonly F[]): F {
  if (feed === undefined) return feeds[0] as F;
  const found = feeds.find((known) => known === feed);
  if (found) return found;
  throw new ConfigError(`${source} has no stream feed "${feed}"; accepted feeds: ${feeds.join(', ')}`);
}

/** The key a keyed source cannot stream without, or the error saying how to set it. */
export function requireStreamKey(source: string, apiKey: string | undefined): string {
  if (apiKey !== undefined && apiKey.trim() !== '') return apiKey.trim();
  throw new ConfigError(`${source} streams need an API key and none is set`, {
    hint: `set one with: stockato keys set ${source}`,
  });
}
