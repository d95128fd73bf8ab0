import type { Clock } from '../engine/clock.js';
import { UnknownSymbolError, UsageError } from '../errors.js';
import type { MarketDataProvider } from '../providers/provider.js';
import { assetClassOf } from '../providers/router/chain.js';
import type { Credentials } from '../secrets/credentials.js';
import { hasStreamAdapter, loadStreamAdapter, STREAM_ADAPTER_IDS } from '../providers/stream/adapter-registry.js';
import { createLiveStream, type LiveStreamOptions, type Multiplexer } from '../providers/stream/multiplexer.js';

/** A running live stream and what it took to run it (an in-process demo exchange, say). */
export interface LiveSession {
  readonly live: Multiplexer;
  /** The demo exchange's URL when one was started in-process. */
  readonly exchangeUrl?: string;
  close(): Promise<void>;
}

export interface LiveSessionOptions {
  /** The source to stream from (`demo`, `binance`): the user's --provider, never the router. */
  readonly sourceId: string;
  /** History for gap backfill (the router pinned to that source, or the demo provider). */
  readonly provider: MarketDataProvider;
  readonly clock: Clock;
  readonly demoSeed: number;
  /** Demo exchange trades per second per symbol. */
  readonly demoRate?: number;
  readonly onBarClosed?: LiveStreamOptions['onBarClosed'];
  /** Keys of the keyed sources (Finnhub, Alpaca, Polygon stream only with one). */
  readonly credentials?: Credentials;
  /** Symbols about to be streamed: the demo market refuses unknown ones up front. */
  readonly symbols?: readonly string[];
}

/**
 * Opens the process's live stream on `provider`. The demo market streams from an exchange started
 * in-process on 127.0.0.1 (a free port), on a clock that starts at the context's now (so
 * STOCKATO_NOW picks the simulated moment) and then runs in real time; gaps are backfilled from a
 * demo provider on that same clock. Other sources need a stream adapter and
 * `capabilities.streaming`: without them, a usage error naming the sources that have one.
 */
export async function openLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const { provider } = options;
  const sourceId =
    options.sourceId === 'auto' ? await autoStreamSource(options.symbols ?? [], options.credentials) : options.sourceId;
  if (!hasStreamAdapter(sourceId)) {
    if (sourceId === 'auto') {
      throw new UsageError('no live source for these symbols: crypto streams keyless, stocks need a key', {
        hint: `set a key (stockato keys set ${KEYED_STREAM_SOURCES.join('|')}), or give --provider: ${STREAM_ADAPTER_IDS.join(', ')} (or --demo)`,
      });
    }
    throw new UsageError(`provider "${sourceId}" has no live stream`, {
      hint: `give --provider with a source that has a stream adapter: ${STREAM_ADAPTER_IDS.join(', ')} (or --demo)`,
    });
  }
  if (!provider.capabilities.streaming) {
    throw new UsageError(`provider "${sourceId}" does not declare streaming yet`, {
      hint: 'its stream adapter exists but the provider does not enable it; try --demo',
    });
  }
  if (sourceId === 'demo') return openDemoSession(options);
  const key = await options.credentials?.get(sourceId);
  const adapter = await loadStreamAdapter(sourceId, key ? { apiKey: key.value } : {});
  if (!adapter) throw new UsageError(`provider "${sourceId}" has no live stream`);
  const live = createLiveStream({
    adapters: [adapter],
    history: () => provider,
    ...(options.onBarClosed ? { onBarClosed: options.onBarClosed } : {}),
  });
  return { live, close: () => live.close() };
}

async function openDemoSession(options: LiveSessionOptions): Promise<LiveSession> {
  const [{ DemoMarket }, { createDemoProvider }, { startDemoExchange }, { createDemoStreamAdapter }] =
    await Promise.all([
      import('../providers/demo/market.js'),
      import('../providers/demo/provider.js'),
      import('../providers/demo/exchange-server.js'),
      import('../providers/demo/ws.js'),
    ]);
  const market = new DemoMarket(options.demoSeed);
  const unknown = (options.symbols ?? []).find((symbol) => market.simulation(symbol) === undefined);
  if (unknown !== undefined) {
    throw new UnknownSymbolError('demo', unknown, {
      hint: 'the demo market has only fictional symbols (list them: stockato search "" --demo)',
    });
  }
  const nowMs = advancingClock(options.clock);
  const exchange = await startDemoExchange({ market, nowMs, ...(options.demoRate ? { rate: options.demoRate } : {}) });
  const history = createDemoProvider({ clock: { nowMs }, market });
  const live = createLiveStream({
    adapters: [createDemoStreamAdapter({ url: exchange.url })],
    history: () => history,
    ...(options.onBarClosed ? { onBarClosed: options.onBarClosed } : {}),
  });
  return {
    live,
    exchangeUrl: exchange.url,
    close: async () => {
      await live.close();
      await exchange.close();
    },
  };
}

/** Keyed stream sources for listed securities, best first; each streams only with its key. */
const KEYED_STREAM_SOURCES = ['polygon', 'alpaca', 'finnhub'] as const;

/**
 * The source `auto` streams from: Binance when every symbol is crypto (keyless), else the first
 * keyed source with a key; `auto` itself (refused with a hint) when there is none.
 */
export async function autoStreamSource(symbols: readonly string[], credentials?: Credentials): Promise<string> {
  if (symbols.length > 0 && symbols.every((symbol) => assetClassOf(symbol) === 'crypto')) return 'binance';
  for (const id of KEYED_STREAM_SOURCES) if (await credentials?.get(id)) return id;
  return 'auto';
}

/** `clock`'s now at the first call, then moving with the process's monotonic time. */
export function advancingClock(clock: Clock): () => number {
  const startMs = clock.nowMs();
  const origin = performance.now();
  return () => startMs + Math.floor(performance.now() - origin);
}
