import type { StreamAdapter, StreamAdapterOptions } from './types.js';

type AdapterFactory = (options: StreamAdapterOptions) => StreamAdapter;

/**
 * Stream adapters by provider id, each imported only when asked for (one source's parser never
 * costs another's start-up). To add a source: one line, `id: async () => (await import(...)).create...`.
 */
const FACTORIES: Readonly<Record<string, () => Promise<AdapterFactory>>> = {
  demo: async () => (await import('../demo/ws.js')).createDemoStreamAdapter,
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
