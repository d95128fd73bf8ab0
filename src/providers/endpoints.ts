/**
 * Where each keyless provider is reached, overridable from the environment so that the built CLI
 * can be pointed at a local server (end-to-end tests, a proxy). Only the providers that read
 * these are listed; `stockato help environment` prints the same list.
 */
export const ENDPOINT_VARIABLES = {
  yahoo: { baseUrl: 'STOCKATO_YAHOO_BASE_URL', cookieUrl: 'STOCKATO_YAHOO_COOKIE_URL' },
  binance: { baseUrl: 'STOCKATO_BINANCE_BASE_URL' },
  coinbase: { baseUrl: 'STOCKATO_COINBASE_BASE_URL' },
  coingecko: { baseUrl: 'STOCKATO_COINGECKO_BASE_URL' },
} as const;

export interface Endpoint {
  readonly baseUrl?: string;
  readonly cookieUrl?: string;
}

export type EndpointOverrides = Readonly<Record<string, Endpoint>>;

/** The overrides set in `env`: only the variables that are set and not empty. */
export function endpointOverrides(env: Readonly<Record<string, string | undefined>>): EndpointOverrides {
  const out: Record<string, Endpoint> = {};
  for (const [provider, variables] of Object.entries(ENDPOINT_VARIABLES)) {
    const endpoint: Record<string, string> = {};
    for (const [field, variable] of Object.entries(variables)) {
      const value = env[variable];
      if (value !== undefined && value !== '') endpoint[field] = value;
    }
    if (Object.keys(endpoint).length > 0) out[provider] = endpoint;
  }
  return out;
}
