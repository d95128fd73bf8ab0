import type { Bar } from '../../engine/bar.js';
import { bucketStart, nextBucketStart, type Interval } from '../../engine/interval.js';
import type { StreamEvent, Tick } from '../../engine/tick.js';
import { BarBuilder, type ClosedBar } from './bar-builder.js';
import { ConflatingBuffer } from './conflating-buffer.js';
import { StreamConnection, type ConnectionStats } from './connection.js';
import { fetchClosedBars, type HistorySource } from './gap-filler.js';
import { DEFAULT_BACKOFF, systemScheduler, type BackoffPolicy, type Scheduler } from './scheduler.js';
import type { ConnectionStatus, LiveStream, StreamAdapter, StreamChannels, StreamSubscription } from './types.js';
import type WebSocket from 'ws';

type BarEvent = Extract<StreamEvent, { type: 'bar' }>;
type StatusEvent = Extract<StreamEvent, { type: 'status' }>;

/** How often quiet symbols' open bars are checked for closing. */
const SWEEP_MS = 1_000;
/** A bar closes this long after its end when no later trade closed it. */
const CLOSE_GRACE_MS = 2_000;

export interface LiveStreamOptions {
  /** Every source this process may stream from, by id; the first is the default route. */
  readonly adapters: readonly StreamAdapter[];
  /** Which source serves `symbol` (an adapter id); default: the first adapter. */
  readonly route?: (symbol: string) => string;
  /** REST history per source for gap backfill after a reconnect; none means gaps are reported. */
  readonly history?: (source: string) => HistorySource | undefined;
  /** Every closed bar, built from ticks or backfilled: where the store write goes. */
  readonly onBarClosed?: (event: BarEvent) => void;
  readonly scheduler?: Scheduler;
  readonly backoff?: BackoffPolicy;
  readonly createSocket?: (url: string) => WebSocket;
}

/** LiveStream plus what tests and diagnostics read. */
export interface Multiplexer extends LiveStream {
  stats(source: string): Readonly<ConnectionStats> | undefined;
  /** Events held for consumers right now, summed over subscriptions. */
  heldEvents(): number;
}

/**
 * The one LiveStream of a process. Consumers subscribe to symbols; per source there is one
 * connection whose subscriptions are the union of theirs, reference-counted. Ticks fan out to the
 * consumers' conflating buffers; bars are built once per symbol and interval and shared. After a
 * reconnect, bars missed while down are fetched from the source's history, and the bar that was
 * cut by the outage is replaced by history's when it closes.
 */
export function createLiveStream(options: LiveStreamOptions): Multiplexer {
  return new LiveStreamImpl(options);
}

interface SymbolRoute {
  readonly subscriptions: Set<Subscription>;
  /** Builders by interval, with how many consumers want each. */
  readonly builders: Map<Interval, { builder: BarBuilder; refs: number }>;
  /** Set after a reconnect until the first tick tells where the source's time now is. */
  gapFromMs?: number;
}

interface Source {
  readonly adapter: StreamAdapter;
  readonly connection: StreamConnection;
  readonly symbols: Map<string, SymbolRoute>;
  /** The source's time of the latest tick and the local time it arrived, to close quiet bars. */
  lastTickMs: number;
  lastReceivedMs: number;
}

class LiveStreamImpl implements Multiplexer {
  readonly #adapters: Map<string, StreamAdapter>;
  readonly #sources = new Map<string, Source>();
  readonly #scheduler: Scheduler;
  readonly #options: LiveStreamOptions;
  readonly #dirty = new Set<Source>();
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;
  #sweep: ReturnType<Scheduler['setTimeout']> | undefined;

  constructor(options: LiveStreamOptions) {
    if (options.adapters.length === 0) throw new RangeError('a live stream needs at least one adapter');
    this.#options = options;
    this.#adapters = new Map(options.adapters.map((adapter) => [adapter.id, adapter]));
    this.#scheduler = options.scheduler ?? systemScheduler;
  }

  subscribe(symbols: readonly string[], channels: StreamChannels = { trades: true }): StreamSubscription {
    if (this.#closed) throw new Error('the live stream is closed');
    const subscription = new Subscription(this, channels);
    this.#subscriptions.add(subscription);
    for (const symbol of new Set(symbols)) {
      const source = this.#sourceFor(symbol);
      let route = source.symbols.get(symbol);
      if (!route) {
        route = { subscriptions: new Set(), builders: new Map() };
        source.symbols.set(symbol, route);
      }
      route.subscriptions.add(subscription);
      subscription.routes.push([source, symbol]);
      const { failure } = source.connection;
      if (failure !== undefined) {
        // The source refused us for good: a late consumer hears it too, instead of silence.
        subscription.buffer.status({
          type: 'status',
          status: 'auth-failed',
          source: source.adapter.id,
          message: failure,
        });
      }
      if (channels.trades || channels.bars) source.connection.counts.add('trades', symbol);
      if (channels.quotes) source.connection.counts.add('quotes', symbol);
      if (channels.bars) {
        const entry = route.builders.get(channels.bars);
        if (entry) entry.refs++;
        else
          route.builders.set(channels.bars, {
            builder: new BarBuilder(symbol, channels.bars, source.adapter.id),
            refs: 1,
          });
      }
      this.#markDirty(source);
    }
    this.#armSweep();
    return subscription;
  }

  unsubscribe(subscription: Subscription): void {
    if (!this.#subscriptions.delete(subscription)) return;
    const { channels } = subscription;
    for (const [source, symbol] of subscription.routes) {
      const route = source.symbols.get(symbol);
      if (!route) continue;
      route.subscriptions.delete(subscription);
      if (channels.trades || channels.bars) source.connection.counts.remove('trades', symbol);
      if (channels.quotes) source.connection.counts.remove('quotes', symbol);
      if (channels.bars) {
        const entry = route.builders.get(channels.bars);
        if (entry && --entry.refs === 0) route.builders.delete(channels.bars);
      }
      if (route.subscriptions.size === 0) source.symbols.delete(symbol);
      this.#markDirty(source);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#sweep !== undefined) this.#scheduler.clearTimeout(this.#sweep);
    for (const source of this.#sources.values()) source.connection.close();
    this.#sources.clear();
  }

  stats(source: string): Readonly<ConnectionStats> | undefined {
    return this.#sources.get(source)?.connection.stats;
  }

  heldEvents(): number {
    let total = 0;
    for (const subscription of this.#subscriptions) total += subscription.buffer.size;
    return total;
  }

  #sourceFor(symbol: string): Source {
    const id = this.#options.route?.(symbol) ?? (this.#options.adapters[0] as StreamAdapter).id;
    const existing = this.#sources.get(id);
    if (existing) return existing;
    const adapter = this.#adapters.get(id);
    if (!adapter) throw new RangeError(`no stream adapter "${id}" for ${symbol}`);
    const hooks = {
      onEvent: (event: StreamEvent, receivedMs: number) => this.#event(created, event, receivedMs),
      onStatus: (status: ConnectionStatus | 'error', message: string, code?: string) =>
        this.#broadcast(created, { type: 'status', status, source: id, message, ...(code ? { code } : {}) }),
      onReconnected: () => this.#reconnected(created),
    };
    const connection = new StreamConnection({
      adapter,
      scheduler: this.#scheduler,
      backoff: this.#options.backoff ?? DEFAULT_BACKOFF,
      hooks,
      ...(this.#options.createSocket ? { createSocket: this.#options.createSocket } : {}),
    });
    const created: Source = { adapter, connection, symbols: new Map(), lastTickMs: 0, lastReceivedMs: 0 };
    this.#sources.set(id, created);
    return created;
  }

  /** Subscription changes are sent once per turn of the event loop, so they batch. */
  #markDirty(source: Source): void {
    if (this.#dirty.size === 0) queueMicrotask(() => this.#flush());
    this.#dirty.add(source);
  }

  #flush(): void {
    for (const source of this.#dirty) {
      if (this.#closed) break;
      if (source.connection.counts.empty && source.symbols.size === 0) {
        source.connection.close();
        this.#sources.delete(source.adapter.id);
      } else {
        source.connection.sync();
      }
    }
    this.#dirty.clear();
  }

  #event(source: Source, event: StreamEvent, receivedMs: number): void {
    if (event.type !== 'tick') return; // source-built bars: we build our own from trades (README)
    const tick = event.tick;
    source.lastTickMs = tick.tsMs;
    source.lastReceivedMs = receivedMs;
    const route = source.symbols.get(tick.symbol);
    if (!route) return;
    if (route.gapFromMs !== undefined) this.#gapSeen(source, route, tick);
    for (const { builder } of route.builders.values()) {
      const closed = builder.add(tick);
      if (closed) this.#closedBar(source, route, builder, closed);
    }
    const channel = tick.kind === 'quote' ? 'quotes' : 'trades';
    for (const subscription of route.subscriptions) subscription.deliver(tick, channel, route);
  }

  /** A complete bar is published (and stored) as built; an incomplete one is replaced from history. */
  #closedBar(source: Source, route: SymbolRoute, builder: BarBuilder, closed: ClosedBar): void {
    const { symbol, interval } = builder;
    const history = this.#options.history?.(source.adapter.id);
    if (closed.complete || !history) {
      this.#publishBar(source, route, symbol, interval, closed.bar, closed.complete);
      return;
    }
    const { tsMs } = closed.bar;
    fetchClosedBars(history, symbol, interval, tsMs, nextBucketStart(interval, tsMs)).then(
      (bars) => {
        const rest = bars[0];
        this.#publishBar(source, route, symbol, interval, rest ?? closed.bar, rest !== undefined);
      },
      () => this.#publishBar(source, route, symbol, interval, closed.bar, false),
    );
  }

  /** `complete`: the whole bar is known (built from every trade, or from history): store it. */
  #publishBar(
    source: Source,
    route: SymbolRoute,
    symbol: string,
    interval: Interval,
    bar: Bar,
    complete: boolean,
  ): void {
    if (this.#closed) return;
    const event: BarEvent = { type: 'bar', symbol, interval, bar, closed: true, source: source.adapter.id };
    if (complete) this.#options.onBarClosed?.(event);
    for (const subscription of route.subscriptions) {
      if (subscription.channels.bars === interval) subscription.buffer.closedBar(event);
    }
  }

  #broadcast(source: Source, event: StatusEvent): void {
    const seen = new Set<Subscription>();
    for (const route of source.symbols.values()) {
      for (const subscription of route.subscriptions) {
        if (seen.has(subscription)) continue;
        seen.add(subscription);
        subscription.buffer.status(event);
      }
    }
  }

  /** After a reconnect every bar in progress misses trades; the first tick tells what else is missing. */
  #reconnected(source: Source): void {
    for (const route of source.symbols.values()) {
      let fromMs = Infinity;
      for (const { builder } of route.builders.values()) {
        builder.markGap();
        fromMs = Math.min(fromMs, builder.coveredUntilMs);
      }
      if (Number.isFinite(fromMs)) route.gapFromMs = fromMs;
    }
  }

  /**
   * The first tick after a reconnect: whole buckets from the end of the bar that was open (or the
   * last closed one) up to this tick's bucket come from history.
   */
  #gapSeen(source: Source, route: SymbolRoute, tick: Tick): void {
    route.gapFromMs = undefined;
    const history = this.#options.history?.(source.adapter.id);
    const id = source.adapter.id;
    for (const { builder } of route.builders.values()) {
      const { interval, symbol } = builder;
      const fromMs = builder.coveredUntilMs;
      if (!Number.isFinite(fromMs)) continue;
      const currentMs = bucketStart(interval, tick.tsMs);
      if (fromMs > currentMs) {
        builder.resumedInOpenBar();
        continue;
      }
      if (fromMs === currentMs) continue;
      const report = (status: 'gap-filled' | 'error', message: string, code: string) => {
        const event: StatusEvent = { type: 'status', status, source: id, message, code };
        for (const subscription of route.subscriptions) subscription.buffer.status(event);
      };
      const span = `${symbol} ${interval} bars from ${iso(fromMs)} to ${iso(currentMs)}`;
      if (!history) {
        report('error', `missed ${span} while reconnecting (no history source to backfill from)`, 'gap');
        continue;
      }
      fetchClosedBars(history, symbol, interval, fromMs, currentMs).then(
        (bars) => {
          for (const bar of bars) this.#publishBar(source, route, symbol, interval, bar, true);
          if (!this.#closed) report('gap-filled', `backfilled ${bars.length} ${span}`, String(bars.length));
        },
        (error: unknown) => report('error', `could not backfill ${span}: ${(error as Error).message}`, 'gap'),
      );
    }
  }

  #armSweep(): void {
    if (this.#sweep !== undefined || this.#closed) return;
    this.#sweep = this.#scheduler.setTimeout(() => {
      this.#sweep = undefined;
      this.#closeQuietBars();
      if (this.#sources.size > 0) this.#armSweep();
    }, SWEEP_MS);
  }

  #closeQuietBars(): void {
    const nowMs = this.#scheduler.nowMs();
    for (const source of this.#sources.values()) {
      if (source.lastReceivedMs === 0) continue;
      const sourceNowMs = source.lastTickMs + (nowMs - source.lastReceivedMs) - CLOSE_GRACE_MS;
      for (const route of source.symbols.values()) {
        for (const { builder } of route.builders.values()) {
          const closed = builder.closeIfDue(sourceNowMs);
          if (closed) this.#closedBar(source, route, builder, closed);
        }
      }
    }
  }
}

/** One consumer's handle: its channels, its buffer and the routes it holds references on. */
class Subscription implements StreamSubscription {
  readonly buffer = new ConflatingBuffer();
  readonly routes: [Source, string][] = [];
  readonly #wantsTrades: boolean;
  readonly #wantsQuotes: boolean;

  constructor(
    private readonly owner: LiveStreamImpl,
    readonly channels: StreamChannels,
  ) {
    this.#wantsTrades = channels.trades === true;
    this.#wantsQuotes = channels.quotes === true;
  }

  deliver(tick: Tick, channel: 'trades' | 'quotes', route: SymbolRoute): void {
    if (channel === 'trades' ? this.#wantsTrades : this.#wantsQuotes) this.buffer.tick(tick);
    const interval = this.channels.bars;
    if (interval !== undefined && channel === 'trades') {
      const entry = route.builders.get(interval);
      if (entry) this.buffer.openBar(entry.builder);
    }
  }

  take(): StreamEvent[] {
    return this.buffer.take();
  }

  onReady(listener: () => void): void {
    this.buffer.onReady(listener);
  }

  close(): void {
    this.owner.unsubscribe(this);
  }
}

function iso(tsMs: number): string {
  return new Date(tsMs).toISOString();
}
