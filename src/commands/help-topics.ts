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
  STOCKATO_PROVIDER   default for --provider
  STOCKATO_NOW        pretend it is this ISO 8601 time (reproducible demo output)
  NO_COLOR            any value turns color off (as do --no-color and TERM=dumb)
`;

const TEXTS: Record<string, string> = { 'exit-codes': EXIT_CODES, environment: ENVIRONMENT };

export const TOPICS: readonly string[] = Object.keys(TEXTS);

export function helpTopic(name: string): string | undefined {
  return TEXTS[name];
}
