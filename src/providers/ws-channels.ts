import type { Interval } from '../engine/interval.js';
import { ConfigError } from '../errors.js';
import type { StreamChannels } from './stream/types.js';

/**
 * What the WebSocket adapters (`<source>/ws.ts`) share: reading a consumer's channel request the
 * same way everywhere, cutting symbol lists into subscribe-sized batches and checking the
 * source-specific `feed` option.
 */

/** The channels of a request that a source will be asked for. */
export interface WantedChannels {
  readonly trades: boolean;
  readonly quotes: boolean;
  readonly bars: Interval | undefined;
}

/** What a source streams besides trades: a quote channel, and bars of these intervals. */
export interface SourceChannels {
  readonly quotes: boolean;
  readonly bars: readonly Interval[];
}

/**
 * The channels of `channels` the source has. A request naming nothing means trades, the one
 * channel every source has. Anything else the source lacks is dropped rather than mapped onto
 * trades: the multiplexer counts subscriptions per channel, so unsubscribing quotes must never
 * unsubscribe the trades another consumer still reads (bars the source does not build come from
 * the trades the multiplexer asks for itself).
 */
export function wantedChannels(channels: StreamChannels, source: SourceChannels): WantedChannels {
  const nothing = !channels.trades && !channels.quotes && channels.bars === undefined;
  return {
    trades: channels.trades === true || nothing,
    quotes: channels.quotes === true && source.quotes,
    bars: channels.bars !== undefined && source.bars.includes(channels.bars) ? channels.bars : undefined,
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
