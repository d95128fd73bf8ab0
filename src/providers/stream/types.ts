import type { Interval } from '../../engine/interval.js';
import type { StreamEvent } from '../../engine/tick.js';

/**
 * The contract between the stream multiplexer (`stream/multiplexer.ts`), the per-source
 * adapters (`<source>/ws.ts`) and every consumer (`stream` command, dashboard, alerts). Adapters
 * know their source's wire protocol and nothing about sockets' lifetimes; the multiplexer owns
 * connections, heartbeats, reconnects, subscription counts and conflation.
 */

/** What a consumer may ask a source for, per symbol. */
export interface StreamChannels {
  /** Trade prints (or the source's ticker when it has no trade channel). */
  readonly trades?: boolean;
  /** Top-of-book quotes. */
  readonly quotes?: boolean;
  /** Source-built bars of this interval, where the source has them (else the multiplexer aggregates ticks). */
  readonly bars?: Interval;
}

/** How a source keeps a connection alive and how long silence means a dead connection. */
export interface HeartbeatPolicy {
  /** 'ping': WebSocket ping frames from us; 'server': the source sends its own (heartbeat channel, pings). */
  readonly kind: 'ping' | 'server';
  /** How often we ping (kind 'ping'). */
  readonly intervalMs: number;
  /** No frame (of any kind, pong included) for this long: the connection is dead and is replaced. */
  readonly timeoutMs: number;
}

/** Provider rules the multiplexer must respect. */
export interface StreamLimits {
  /** Most control messages (subscribe/unsubscribe/auth) per second the source accepts. */
  readonly controlMessagesPerSecond: number;
  /** Most symbols one subscribe message may carry. */
  readonly symbolsPerMessage: number;
  /** The source closes connections after this long (Binance: 24 h); reconnect before it does. */
  readonly maxConnectionAgeMs?: number;
}

/** One source's wire protocol: pure functions from intentions to frames and frames to events. */
export interface StreamAdapter {
  /** Provider id (`binance`, `demo`); the `source` of every event it parses. */
  readonly id: string;
  /** The URL to connect to (may carry a token for sources that authenticate in the URL). */
  url(): string;
  /** Frames to send as soon as the socket opens (authentication). Empty when none. */
  openFrames(): readonly string[];
  /** True when subscriptions must wait for an `authenticated` status event after openFrames. */
  readonly awaitsAuthentication: boolean;
  subscribeFrames(symbols: readonly string[], channels: StreamChannels): readonly string[];
  unsubscribeFrames(symbols: readonly string[], channels: StreamChannels): readonly string[];
  /** One text frame as events; never throws (malformed and unknown frames are events too). */
  parse(text: string, receivedMs: number): StreamEvent[];
  /** A frame to answer a server keep-alive with (Binance pong is a WS control frame: undefined). */
  reply?(text: string): string | undefined;
  readonly heartbeat: HeartbeatPolicy;
  readonly limits: StreamLimits;
}

/** Events the multiplexer adds about the connection itself, beside the sources' own. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'gap-filled' | 'stale' | 'auth-failed' | 'closed';

/** A consumer's handle on a set of symbols. */
export interface StreamSubscription {
  /**
   * Every event waiting since the last take: status events in order, and per symbol only the
   * latest tick and the latest state of each bar (older ones are conflated away), so a slow
   * consumer holds at most a few events per symbol, never an unbounded queue.
   */
  take(): StreamEvent[];
  /** `listener` runs (synchronously, at most once until the next take) when events are waiting. */
  onReady(listener: () => void): void;
  /** Drops this consumer's references; connections with no subscriber left are closed. */
  close(): void;
}

/** One per process: every consumer subscribes here, whatever the source. */
export interface LiveStream {
  subscribe(symbols: readonly string[], channels?: StreamChannels): StreamSubscription;
  /** Closes every connection; later subscribes throw. */
  close(): Promise<void>;
}

/** What an adapter factory (`create<Source>StreamAdapter(options)` in `<source>/ws.ts`) is given. */
export interface StreamAdapterOptions {
  /** Replaces the source's endpoint (tests point it at a local server on 127.0.0.1). */
  readonly url?: string;
  /** The source's key for keyed sources (Alpaca: `KEY_ID:SECRET_KEY`); never logged. */
  readonly apiKey?: string;
  /** Source-specific feed or cluster (`iex`/`sip` for Alpaca, `stocks`/`crypto` for Polygon). */
  readonly feed?: string;
}
