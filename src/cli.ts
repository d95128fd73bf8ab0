import { Command, Option } from 'commander';
import { CommandContext, type CliDeps, type GlobalOptions } from './context.js';

/** A command module: it declares its arguments, options, examples and action on `command`. */
export interface CommandModule {
  define(command: Command, context: () => CommandContext): void;
}

interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}

/** Every top-level command, loaded only when it runs (so `quote` never pays for the others). */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'quote',
    summary: 'latest price and day range of one or more symbols',
    load: () => import('./commands/quote.js'),
  },
  { name: 'history', summary: 'OHLCV bars of a symbol over a range', load: () => import('./commands/history.js') },
  { name: 'search', summary: 'find instruments by symbol or name', load: () => import('./commands/search.js') },
  { name: 'config', summary: 'read and change settings', load: () => import('./commands/config/index.js') },
  {
    name: 'db',
    summary: 'inspect, check, back up and compact the database',
    load: () => import('./commands/db/index.js'),
  },
  {
    name: 'stream',
    summary: 'live ticks and bars as NDJSON, until --count, --duration or Ctrl-C',
    load: () => import('./commands/stream.js'),
  },
  {
    name: 'demo-exchange',
    summary: 'serve the demo market as a WebSocket exchange',
    load: () => import('./commands/demo-exchange.js'),
  },
  {
    name: 'alerts',
    summary: 'price, indicator and news alerts; check them from cron',
    load: () => import('./commands/alerts/index.js'),
  },
  { name: 'news', summary: 'headlines for a symbol or the market', load: () => import('./commands/news.js') },
  {
    name: 'indicators',
    summary: 'technical indicators and candlestick patterns over history or CSV bars',
    load: () => import('./commands/indicators.js'),
  },
  { name: 'keys', summary: 'store, show and remove provider API keys', load: () => import('./commands/keys/index.js') },
  {
    name: 'doctor',
    summary: 'check Node, the database, the keychain and the providers',
    load: () => import('./commands/doctor.js'),
  },
  {
    name: 'dash',
    summary: 'full-screen live dashboard: watchlists, charts, alerts',
    load: () => import('./commands/dash.js'),
  },
];

export const PROGRAM_EXAMPLES = `
Examples:
  $ stockato quote ACME GLOBX --demo
  $ stockato quote AAPL BTC-USD
  $ stockato history ACME --demo --range 1y --interval 1d --csv > acme.csv
  $ stockato quote ACME --demo --json | jq -r '.[0].last'
  $ stockato help exit-codes`;

/**
 * Builds the program for `argv`. Only the command that will run is loaded in full; the others
 * are declared by name and summary so that `--help` still lists them.
 */
export async function buildProgram(
  deps: CliDeps,
  argv: readonly string[],
): Promise<{
  program: Command;
  context: () => CommandContext;
}> {
  const program = new Command('stockato')
    .description('Quotes, history and more for people who live in a terminal.')
    .version(VERSION, '-V, --version')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
      outputError: () => undefined, // main prints usage errors, as text or JSON
    })
    .addOption(new Option('--json', 'print one JSON document'))
    .addOption(new Option('--ndjson', 'print one JSON object per line'))
    .addOption(new Option('--csv', 'print CSV (RFC 4180) with a header row'))
    .addOption(new Option('--no-color', 'never color the output (also NO_COLOR=1 or TERM=dumb)'))
    .addOption(new Option('--provider <name>', 'market data provider to use').env('STOCKATO_PROVIDER'))
    .addOption(new Option('--demo', 'use the offline demo market (same as --provider demo)'))
    .addOption(new Option('--max-age <duration>', 'fail rather than print data older than this (30s, 5m, 1h)'))
    .addOption(new Option('--debug', 'print diagnostics and stack traces to stderr'))
    .addOption(new Option('-q, --quiet', 'print no warnings'))
    .addHelpText('after', PROGRAM_EXAMPLES);

  let context: CommandContext | undefined;
  const getContext = () => {
    context ??= new CommandContext(deps, program.opts<GlobalOptions>());
    return context;
  };
  const wanted = commandToLoad(argv.slice(2));
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.summary);
    if (entry.name === wanted) (await entry.load()).define(command, getContext);
  }
  defineHelp(program, deps);
  return { program, context: getContext };
}

/**
 * The first word that is not an option (skipping the value of `--provider`), or for `help X`
 * the X, since help for X needs X's definition too.
 */
export function commandToLoad(args: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--provider' || arg === '--max-age') i++;
    else if (!arg.startsWith('-')) words.push(arg);
    if (words.length === 1 && words[0] !== 'help') break;
    if (words.length === 2) break;
  }
  if (words[0] === 'help' && words[1] !== undefined && COMMANDS.some((c) => c.name === words[1])) {
    return words[1];
  }
  return words[0];
}

/** `help [command|topic]`: a command's help, or a topic such as `exit-codes`. */
function defineHelp(program: Command, deps: CliDeps): void {
  program
    .command('help')
    .description('help for a command, or a topic: exit-codes, environment')
    .argument('[command-or-topic...]')
    .action(async (words: string[]) => {
      const [first] = words;
      const command = program.commands.find((c) => c.name() === first);
      if (first === undefined) return program.outputHelp();
      if (command) return command.outputHelp();
      const { helpTopic, TOPICS } = await import('./commands/help-topics.js');
      const text = helpTopic(first);
      if (text === undefined) {
        const { UsageError } = await import('./errors.js');
        throw new UsageError(`no command or help topic named "${first}"`, {
          hint: `topics: ${TOPICS.join(', ')}; commands: ${COMMANDS.map((c) => c.name).join(', ')}`,
        });
      }
      deps.stdout.write(text);
    });
}

declare const __STOCKATO_VERSION__: string | undefined;
const VERSION = typeof __STOCKATO_VERSION__ === 'string' ? __STOCKATO_VERSION__ : '0.0.0-dev';
