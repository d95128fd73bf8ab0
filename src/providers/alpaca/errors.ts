import { ProviderError, RateLimitError, UnknownSymbolError } from '../../errors.js';
import { keyRejectedError } from '../api-key.js';
import { errorBodyMessage, genericHttpError, tryParseJson, type ErrorContext } from '../wire-guards.js';
import { ALPACA, fromAlpacaSymbol } from './symbols.js';

/**
 * Status and body -> error, for market data and trading bodies alike (`{"code":40310000,
 * "message":...}`). 401 is the key pair (`key-rejected`); 403 is either the data plan (recent SIP data on the free
 * plan) or a trading refusal (buying power, shorting), neither retryable; 429 is the 200 requests
 * a minute limit; `invalid symbol` (400/422) an unknown symbol.
 */
export function classifyError(status: number, body: unknown, context: ErrorContext = {}): ProviderError {
  const parsed = tryParseJson(body);
  const message = errorBodyMessage(parsed);
  const code = typeof parsed === 'object' && parsed !== null ? (parsed as { code?: unknown }).code : undefined;
  const text = `alpaca answered HTTP ${status}${message ? `: ${message}` : ''}`;
  if (status === 429 || code === 42910000) {
    return new RateLimitError(ALPACA, text, context.retryAfterMs, {
      hint: 'Alpaca allows 200 requests a minute per key',
    });
  }
  if (status === 401 || code === 40110000) return keyRejectedError(ALPACA, `HTTP ${status}: ${message}`);
  if (status === 403 && /subscription|permit|sip/i.test(message ?? '')) {
    return new ProviderError(ALPACA, 'not-entitled', text, false, {
      hint: 'the free plan has the IEX feed only (feed=iex) and SIP data older than 15 minutes',
    });
  }
  if (status === 403) return new ProviderError(ALPACA, 'forbidden', text, false);
  const invalid = /invalid symbol:?\s*([A-Z0-9./-]+)?/i.exec(message ?? '');
  const symbol = context.symbol ?? symbolFrom(invalid?.[1]);
  if (invalid && symbol !== undefined) return new UnknownSymbolError(ALPACA, symbol, { cause: text });
  return genericHttpError(ALPACA, status, message, context);
}

function symbolFrom(wire: string | undefined): string | undefined {
  if (wire === undefined) return undefined;
  try {
    return fromAlpacaSymbol(wire.toUpperCase());
  } catch {
    return wire;
  }
}
