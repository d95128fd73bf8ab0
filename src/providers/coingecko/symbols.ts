import { cryptoSymbol, requireCanonical, unsupportedSymbol } from '../symbols.js';

export const COINGECKO = 'coingecko';

/**
 * CoinGecko names coins by id, not ticker, and tickers are not unique there (many tokens call
 * themselves ETH or ONE). So only this list of major coins is mapped; anything else needs an
 * explicit id from the caller (config), because a guessed id can silently be another coin.
 */
// prettier-ignore
export const COINGECKO_IDS: Readonly<Record<string, string>> = {
  BTC: 'bitcoin', ETH: 'ethereum', USDT: 'tether', USDC: 'usd-coin', BNB: 'binancecoin', SOL: 'solana',
  XRP: 'ripple', DOGE: 'dogecoin', ADA: 'cardano', TRX: 'tron', TON: 'the-open-network', AVAX: 'avalanche-2',
  DOT: 'polkadot', LINK: 'chainlink', MATIC: 'matic-network', LTC: 'litecoin', BCH: 'bitcoin-cash',
  SHIB: 'shiba-inu', XLM: 'stellar', ATOM: 'cosmos', UNI: 'uniswap', DAI: 'dai', WBTC: 'wrapped-bitcoin',
  WETH: 'weth', NEAR: 'near', XMR: 'monero', ETC: 'ethereum-classic', FIL: 'filecoin', APT: 'aptos',
  ARB: 'arbitrum', OP: 'optimism', ALPH: 'alephium',
};

/** `vs_currency` values CoinGecko accepts (GET /simple/supported_vs_currencies, abridged to fiat and majors). */
// prettier-ignore
const VS_CURRENCIES: ReadonlySet<string> = new Set([
  'btc', 'eth', 'ltc', 'bch', 'bnb', 'xrp', 'xlm', 'link', 'dot', 'usd', 'aed', 'ars', 'aud', 'bdt', 'brl',
  'cad', 'chf', 'clp', 'cny', 'czk', 'dkk', 'eur', 'gbp', 'hkd', 'huf', 'idr', 'ils', 'inr', 'jpy', 'krw',
  'mxn', 'myr', 'ngn', 'nok', 'nzd', 'php', 'pkr', 'pln', 'rub', 'sar', 'sek', 'sgd', 'thb', 'try', 'twd',
  'uah', 'vnd', 'zar',
]);

export interface CoinGeckoTarget {
  /** Coin id, `bitcoin`. */
  readonly id: string;
  /** Lower-case vs currency, `usd`. */
  readonly vsCurrency: string;
}

/**
 * `BTC-USD` -> { id: 'bitcoin', vsCurrency: 'usd' }. `extraIds` (ticker -> id, from config) comes
 * before the built-in list, which is the documented way to reach coins outside it.
 */
export function toCoinGecko(symbol: string, extraIds: Readonly<Record<string, string>> = {}): CoinGeckoTarget {
  const canonical = requireCanonical(COINGECKO, symbol);
  if (canonical.kind !== 'crypto') {
    throw unsupportedSymbol(COINGECKO, symbol, 'CoinGecko covers crypto only', 'try a crypto pair such as BTC-USD');
  }
  const id = extraIds[canonical.base] ?? COINGECKO_IDS[canonical.base];
  if (!id) {
    throw unsupportedSymbol(
      COINGECKO,
      symbol,
      `no CoinGecko id is known for ${canonical.base}`,
      `find the coin's API id on its coingecko.com page and map ${canonical.base} to it in the config`,
    );
  }
  const vsCurrency = canonical.quote.toLowerCase();
  if (!VS_CURRENCIES.has(vsCurrency)) {
    throw unsupportedSymbol(
      COINGECKO,
      symbol,
      `CoinGecko does not price coins in ${canonical.quote}`,
      `try ${canonical.base}-USD`,
    );
  }
  return { id, vsCurrency };
}

/** { id: 'bitcoin', vsCurrency: 'usd' } -> `BTC-USD`, for ids in the built-in list or `extraIds`. */
export function fromCoinGecko(target: CoinGeckoTarget, extraIds: Readonly<Record<string, string>> = {}): string {
  const ids = { ...COINGECKO_IDS, ...extraIds };
  const base = Object.keys(ids).find((ticker) => ids[ticker] === target.id);
  if (!base) throw unsupportedSymbol(COINGECKO, target.id, 'this CoinGecko id has no ticker mapped to it');
  return cryptoSymbol(base, target.vsCurrency);
}
