/**
 * The demo exchange's WebSocket protocol, shared by the server (`exchange-server.ts`) and the
 * client adapter (`ws.ts`). JSON text frames:
 *
 *   server -> client
 *     {"type":"welcome","exchange":"stockato-demo","seed":20160104,"auth":false}
 *     {"type":"auth","ok":true} | {"type":"auth","ok":false,"message":"..."}
 *     {"type":"subscribed","symbols":["ACME"]}
 *     {"type":"trade","symbol":"ACME","ts":1772647200000,"price":"123.45","size":"100"}
 *     {"type":"error","code":"unknown-symbol","message":"..."}
 *   client -> server
 *     {"op":"auth","token":"..."}
 *     {"op":"subscribe","symbols":["ACME","ZORK-USD"]}
 *     {"op":"unsubscribe","symbols":["ACME"]}
 *
 * Prices and sizes are decimal text; `ts` is UTC epoch ms. Liveness is WebSocket ping/pong.
 */
export const DEMO_EXCHANGE_NAME = 'stockato-demo';

/** Port of `stockato demo-exchange` when none is given, and of the adapter's default URL. */
export const DEFAULT_DEMO_EXCHANGE_PORT = 7878;

export function tradeFrame(symbol: string, tsMs: number, price: string, size: string): string {
  // Symbols are the demo's own ([A-Z0-9-]), so no escaping is needed; this runs per tick.
  return `{"type":"trade","symbol":"${symbol}","ts":${tsMs},"price":"${price}","size":"${size}"}`;
}

export function subscribeFrame(op: 'subscribe' | 'unsubscribe', symbols: readonly string[]): string {
  return JSON.stringify({ op, symbols });
}
