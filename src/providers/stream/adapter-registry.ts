import type { StreamAdapter, StreamAdapterOptions } from './types.js';

type AdapterFactory = (options: StreamAdapterOptions) => StreamAdapter;

/**
 * Stream adapters by provider id, each imported only when asked for (one source's parser never
 * costs another's start-up). To add a source: one line, `id: async () => (await import(...)).create...`.
 */
const FACTORIES: Readonly<Record<string, () => Promise<AdapterFactory>>> = {
  demo: async () => (await import('../demo/ws.js')).createDemoStreamAdapter,
  binance: async () => (await import('../binance/ws.js')).createBinanceStreamAdapter,
  coinbase: async () => (await import('../coinbase/ws.js')).createCoinbaseStreamAdapter,
  finnhub: async () => (await import('../finnhub/ws.js')).createFinnhubStreamAdapter,
  alpaca: async () => (await import('../alpaca/ws.js')).createAlpacaStreamAdapter,
  polygon: async () => (await import('../polygon/ws.js')).createPolygonStreamAdapter,
};

/** Ids of the sources with a stream adapter. */
export const STREAM_ADAPTER_IDS: readonly string[] = Object.keys(FACTORIES);

export function hasStreamAdapter(id: string): boolean {
  return Object.hasOwn(FACTORIES, id);
}

/** The adapter for provider `id`, or undefined when that source has none. */
export async function loadStreamAdapter(
  id: string,
  options: StreamAdapterOptions = {},
): Promise<StreamAdapter | undefined> {
  const load = hasStreamAdapter(id) ? FACTORIES[id] : undefined;
  return load ? (await load())(options) : undefined;
}
