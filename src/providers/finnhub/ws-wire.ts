/**
 * Finnhub WebSocket (`wss://ws.finnhub.io?token=`) messages. Prices and volumes are JSON NUMBERS;
 * times are epoch ms. One `trade` frame batches many trades, of one or several symbols.
 */

/** One trade; `c` (condition codes) is an array of text, null for crypto, or absent in old docs. */
export interface FinnhubWsTradeItem {
  readonly s: string;
  readonly p: number;
  readonly t: number;
  readonly v: number;
  readonly c?: readonly string[] | null;
}

export interface FinnhubWsTrades {
  readonly type: 'trade';
  readonly data: readonly FinnhubWsTradeItem[];
}

/** Keep-alive, sent when there is nothing to send (a closed market). */
export interface FinnhubWsPing {
  readonly type: 'ping';
}

/** Sent for a bad subscription or a plan limit, e.g. `{"type":"error","msg":"Subscribing to too many symbols"}`. */
export interface FinnhubWsError {
  readonly type: 'error';
  readonly msg: string;
}
