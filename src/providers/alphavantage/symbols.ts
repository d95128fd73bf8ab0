import { cryptoSymbol, requireCanonical, securitySymbol, parseCanonicalSymbol, unsupportedSymbol } from '../symbols.js';

export const ALPHAVANTAGE = 'alphavantage';

/**
 * Yahoo exchange suffix -> Alpha Vantage's, from the Alpha Vantage docs' examples (TSCO.LON,
 * SHOP.TRT, GPV.TRV, MBG.DEX, RELIANCE.BSE, 600104.SHH, 000002.SHZ) and its search results (.HKG).
 */
const SUFFIXES: Readonly<Record<string, string>> = {
  L: 'LON',
  TO: 'TRT',
  V: 'TRV',
  DE: 'DEX',
  F: 'FRK',
  BO: 'BSE',
  SS: 'SHH',
  SZ: 'SHZ',
  HK: 'HKG',
  PA: 'PAR',
  AS: 'AMS',
};

/** Alpha Vantage suffix -> the exchange code an Instrument carries. */
export const EXCHANGE_OF_SUFFIX: Readonly<Record<string, string>> = {
  LON: 'LSE',
  TRT: 'TSX',
  TRV: 'TSXV',
  DEX: 'XETRA',
  FRK: 'FRA',
  BSE: 'BSE',
  SHH: 'SSE',
  SHZ: 'SZSE',
  HKG: 'HKEX',
  PAR: 'EPA',
  AMS: 'AMS',
};

/**
 * The symbol for the equity functions (GLOBAL_QUOTE, TIME_SERIES_*): US tickers as canonical
 * (`BRK-B`), other listings with Alpha Vantage's suffix (`OCDO.L` -> `OCDO.LON`). Crypto and FX
 * use other functions with other parameters and are not supported here.
 */
export function toAlphaVantageSymbol(symbol: string): string {
  const canonical = requireCanonical(ALPHAVANTAGE, symbol);
  if (canonical.kind !== 'security') {
    throw unsupportedSymbol(
      ALPHAVANTAGE,
      symbol,
      'only shares and funds are read from Alpha Vantage',
      'Yahoo covers the rest',
    );
  }
  const base = securitySymbol(canonical.ticker, canonical.shareClass);
  if (canonical.exchangeSuffix === undefined) return base;
  const suffix = SUFFIXES[canonical.exchangeSuffix];
  if (!suffix)
    throw unsupportedSymbol(ALPHAVANTAGE, symbol, `no Alpha Vantage suffix is known for .${canonical.exchangeSuffix}`);
  return `${base}.${suffix}`;
}

/**
 * `TSCO.LON` -> `TSCO.L`, `BRK-B` -> `BRK-B`; in news, `CRYPTO:BTC` -> `BTC-USD` (news names the
 * coin only; USD is the pair people follow).
 */
export function fromAlphaVantageSymbol(wire: string): string {
  const crypto = /^CRYPTO:([A-Z0-9]+)$/.exec(wire);
  if (crypto?.[1]) return cryptoSymbol(crypto[1], 'USD');
  const dot = wire.lastIndexOf('.');
  const suffix = dot > 0 ? wire.slice(dot + 1) : '';
  const yahoo = Object.keys(SUFFIXES).find((key) => SUFFIXES[key] === suffix);
  const head = yahoo === undefined ? wire : wire.slice(0, dot);
  const canonical = parseCanonicalSymbol(head);
  if (canonical?.kind === 'security' && canonical.exchangeSuffix === undefined) {
    return securitySymbol(canonical.ticker, canonical.shareClass, yahoo);
  }
  throw unsupportedSymbol(ALPHAVANTAGE, wire, 'it is not an Alpha Vantage symbol this app maps');
}
