/** Help topics that are not commands: `stockato help exit-codes`, `stockato help environment`. */
const EXIT_CODES = `Exit codes

  0    success
  1    runtime failure: a provider, the network or the database failed, or some of the
       symbols asked for failed (what succeeded is still printed; each failure is named on stderr)
  2    usage or invalid input: an unknown option or symbol form, a bad value such as --range 7q,
       two output formats at once, an invalid config file or STOCKATO_HOME
  3    an alert fired (only from \`alerts check --exit-code\`)
  130  interrupted (Ctrl-C or SIGTERM)

Errors go to stderr, as "error: ..." lines, or as one JSON object {"error":{"code","message","hint"}}
with --json or --ndjson. stdout carries data only. A closed pipe (| head) ends quietly with 0.
`;

const ENVIRONMENT = `Environment

  STOCKATO_HOME       one folder for config, database and cache (overrides the XDG folders)
  XDG_CONFIG_HOME     config folder base (default ~/.config): config.yaml lives in stockato/
  XDG_DATA_HOME       data folder base (default ~/.local/share): stockato.db lives in stockato/
  XDG_CACHE_HOME      cache folder base (default ~/.cache)
  STOCKATO_PROVIDER   default for --provider (auto, demo, yahoo, ...)
  STOCKATO_YAHOO_BASE_URL      Yahoo Finance API base (default https://query2.finance.yahoo.com)
  STOCKATO_YAHOO_COOKIE_URL    Yahoo session cookie page (default https://fc.yahoo.com)
  STOCKATO_BINANCE_BASE_URL    Binance API base (default https://data-api.binance.vision)
  STOCKATO_COINBASE_BASE_URL   Coinbase Exchange API base (default https://api.exchange.coinbase.com)
  STOCKATO_COINGECKO_BASE_URL  CoinGecko API base (default https://api.coingecko.com/api/v3)
                      (point the built CLI at a local server or a proxy)
  STOCKATO_NOW        pretend it is this ISO 8601 time (reproducible demo output)
  NO_COLOR            any value turns color off (as do --no-color and TERM=dumb)
`;

const TEXTS: Record<string, string> = { 'exit-codes': EXIT_CODES, environment: ENVIRONMENT };

export const TOPICS: readonly string[] = Object.keys(TEXTS);

export function helpTopic(name: string): string | undefined {
  return TEXTS[name];
}
