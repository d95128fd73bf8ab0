/**
 * Alpaca market data WebSocket v2 (`stream.data.alpaca.markets/v2/{iex|sip}`, crypto
 * `/v1beta3/crypto/us`, news `/v1beta1/news`). Every frame is a JSON ARRAY of messages told apart
 * by `T`; control messages come one per frame. Prices and sizes are JSON NUMBERS; times are
 * RFC 3339 text with up to nanoseconds.
 */

/** `success` with msg `connected` or `authenticated`. */
export interface AlpacaWsSuccess {
  readonly T: 'success';
  readonly msg: string;
}

/** `error`, e.g. 402 auth failed, 404 auth timeout, 406 connection limit exceeded. */
export interface AlpacaWsError {
  readonly T: 'error';
  readonly code: number;
  readonly msg: string;
}

/** The whole current subscription, echoed after each subscribe or unsubscribe. */
export interface AlpacaWsSubscription {
  readonly T: 'subscription';
  readonly trades?: readonly string[];
  readonly quotes?: readonly string[];
  readonly bars?: readonly string[];
}

/** `t`: one trade. Stocks add exchange `x`, conditions `c`, tape `z`; crypto adds taker side. */
export interface AlpacaWsTrade {
  readonly T: 't';
  readonly S: string;
  readonly p: number;
  readonly s: number;
  readonly t: string;
}

/** `q`: best bid and offer. */
export interface AlpacaWsQuote {
  readonly T: 'q';
  readonly S: string;
  readonly bp: number;
  readonly bs: number;
  readonly ap: number;
  readonly as: number;
  readonly t: string;
}

/** `b` minute bar, `u` corrected minute bar, `d` the day's bar so far; `t` is the bar's start. */
export interface AlpacaWsBar {
  readonly T: 'b' | 'u' | 'd';
  readonly S: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v: number;
  readonly t: string;
}

/** `s`: trading status (halts and resumes); `sc`/`sm` are the status code and its words. */
export interface AlpacaWsTradingStatus {
  readonly T: 's';
  readonly S: string;
  readonly sc: string;
  readonly sm: string;
  readonly t: string;
}
