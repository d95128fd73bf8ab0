import { fromBinanceSymbol, toBinanceSymbol } from '../binance/symbols.js';
import { fxSymbol, parseCanonicalSymbol, requireCanonical, securitySymbol, unsupportedSymbol } from '../symbols.js';

export const FINNHUB = 'finnhub';

/**
 * Finnhub's own forms: US shares as `BRK.B`, other listings with Yahoo's suffixes (`OCDO.L`),
 * crypto by venue (`BINANCE:BTCUSDT`, so USD stands for USDT as on Binance) and FX by venue
 * (`OANDA:EUR_USD`). Indices and futures have no free Finnhub form and are unsupported.
 */
export function toFinnhubSymbol(symbol: string): string {
  const canonical = requireCanonical(FINNHUB, symbol);
  switch (canonical.kind) {
    case 'security': {
      const ticker = canonical.shareClass ? `${canonical.ticker}.${canonical.shareClass}` : canonical.ticker;
      return canonical.exchangeSuffix ? `${ticker}.${canonical.exchangeSuffix}` : ticker;
    }
    case 'crypto':
      return `BINANCE:${toBinanceSymbol(symbol)}`;
    case 'fx':
      return `OANDA:${canonical.base}_${canonical.quote}`;
    case 'index':
    case 'future':
      throw unsupportedSymbol(
        FINNHUB,
        symbol,
        `Finnhub has no free ${canonical.kind} quotes`,
        'Yahoo covers indices and futures',
      );
  }
}

/** `BINANCE:BTCUSDT` -> `BTC-USD`, `OANDA:EUR_USD` -> `EURUSD=X`, `BRK.B` -> `BRK-B`. */
export function fromFinnhubSymbol(wire: string): string {
  const [venue, rest] = wire.includes(':') ? wire.split(':', 2) : [undefined, wire];
  if (venue === 'BINANCE' && rest) return fromBinanceSymbol(rest);
  const fx = venue === 'OANDA' ? /^([A-Z]{3})_([A-Z]{3})$/.exec(rest ?? '') : null;
  if (fx?.[1] && fx[2]) return fxSymbol(fx[1], fx[2]);
  const canonical = venue === undefined ? parseCanonicalSymbol(wire.toUpperCase()) : undefined;
  if (canonical?.kind !== 'security')
    throw unsupportedSymbol(FINNHUB, wire, 'it is not a Finnhub symbol this app maps');
  return securitySymbol(canonical.ticker, canonical.shareClass, canonical.exchangeSuffix);
}
