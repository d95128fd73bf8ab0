import type { StreamAdapter, StreamAdapterOptions } from '../stream/types.js';
import { parseDemoFrame } from './ws-parse.js';
import { DEFAULT_DEMO_EXCHANGE_PORT, subscribeFrame } from './ws-protocol.js';

/**
 * The demo exchange's wire protocol (ws-protocol.ts) as a StreamAdapter. `url` is where the
 * exchange listens (the in-process one picks a free port); `apiKey` is its token, when it asks
 * for one. The demo has trades only: quote subscriptions send nothing.
 */
export function createDemoStreamAdapter(options: StreamAdapterOptions = {}): StreamAdapter {
  const url = options.url ?? `ws://127.0.0.1:${DEFAULT_DEMO_EXCHANGE_PORT}`;
  const token = options.apiKey;
  return {
    id: 'demo',
    url: () => url,
    openFrames: () => (token === undefined ? [] : [JSON.stringify({ op: 'auth', token })]),
    awaitsAuthentication: token !== undefined,
    subscribeFrames: (symbols, channels) => (channels.trades ? [subscribeFrame('subscribe', symbols)] : []),
    unsubscribeFrames: (symbols, channels) => (channels.trades ? [subscribeFrame('unsubscribe', symbols)] : []),
    parse: (text) => parseDemoFrame(text),
    heartbeat: { kind: 'ping', intervalMs: 5_000, timeoutMs: 15_000 },
    limits: { controlMessagesPerSecond: 20, symbolsPerMessage: 50 },
  };
}
