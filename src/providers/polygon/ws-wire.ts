/**
 * Polygon.io / Massive stocks WebSocket (`socket.polygon.io/stocks`, `socket.massive.com/stocks`).
 * Every frame is a JSON ARRAY of events told apart by `ev`. Prices and sizes are JSON NUMBERS;
 * trade, quote and aggregate times are epoch ms, but LULD `t` is epoch NANOSECONDS (beyond 2^53).
 */

/** Connection control: `connected`, `auth_success`, `auth_failed`, `auth_timeout`, `success`, `max_connections`, `error`. */
export interface PolygonWsStatus {
  readonly ev: 'status';
  readonly status: string;
  readonly message?: string;
}

/** `T`: one trade; `s` is the size, `t` the SIP time in ms. */
export interface PolygonWsTrade {
  readonly ev: 'T';
  readonly sym: string;
  readonly p: number;
  readonly s: number;
  readonly t: number;
}

/** `Q`: NBBO quote. */
export interface PolygonWsQuote {
  readonly ev: 'Q';
  readonly sym: string;
  readonly bp: number;
  readonly bs: number;
  readonly ap: number;
  readonly as: number;
  readonly t: number;
}

/** `AM` minute and `A` second aggregates; `s`/`e` are the window's start and end, ms. */
export interface PolygonWsAggregate {
  readonly ev: 'AM' | 'A';
  readonly sym: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v: number;
  readonly s: number;
  readonly e: number;
}

/**
 * The crypto cluster (`/crypto`) names its events `XT` trade, `XQ` quote, `XA` minute and `XAS`
 * second aggregate, and its symbols by `pair` (`BTC-USD`) instead of `sym`; fields otherwise match.
 */
export interface PolygonWsCryptoTrade extends Omit<PolygonWsTrade, 'ev' | 'sym'> {
  readonly ev: 'XT';
  readonly pair: string;
}

export interface PolygonWsCryptoQuote extends Omit<PolygonWsQuote, 'ev' | 'sym'> {
  readonly ev: 'XQ';
  readonly pair: string;
}

export interface PolygonWsCryptoAggregate extends Omit<PolygonWsAggregate, 'ev' | 'sym'> {
  readonly ev: 'XA' | 'XAS';
  readonly pair: string;
}
