import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { DEFAULT_DEMO_EXCHANGE_PORT } from '../providers/demo/ws-protocol.js';

export interface DemoExchangeCommandOptions {
  readonly port: number;
  readonly rate: number;
  readonly host: string;
}

const EXAMPLES = `
Examples:
  $ stockato demo-exchange --port 7878 --rate 10
  $ stockato demo-exchange --port 0          # any free port; the URL is printed

It serves the demo market's trades over WebSocket (protocol: src/providers/demo/ws-protocol.ts)
until Ctrl-C.`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .addOption(new Option('--port <n>', 'TCP port (0 picks a free one)').default(String(DEFAULT_DEMO_EXCHANGE_PORT)))
    .addOption(new Option('--rate <n>', 'trades per second per symbol (1 to 1000)').default('4'))
    .addOption(new Option('--host <address>', 'address to listen on').default('127.0.0.1'))
    .addHelpText('after', EXAMPLES)
    .action(async (flags: Record<string, string>) => {
      const ctx = context();
      const options = parseDemoExchangeOptions(flags);
      const config = await ctx.config();
      const [{ DemoMarket }, { startDemoExchange }, { advancingClock }] = await Promise.all([
        import('../providers/demo/market.js'),
        import('../providers/demo/exchange-server.js'),
        import('../services/live-stream.js'),
      ]);
      const exchange = await startDemoExchange({
        market: new DemoMarket(config.getNumber('demo.seed')),
        nowMs: advancingClock(ctx.clock),
        rate: options.rate,
        port: options.port,
        host: options.host,
      });
      ctx.print(exchange.url);
      ctx.warn('demo exchange: simulated trades; Ctrl-C to stop');
      await new Promise<never>(() => undefined); // until SIGINT/SIGTERM (exit 130)
    });
}

export function parseDemoExchangeOptions(flags: Record<string, string | undefined>): DemoExchangeCommandOptions {
  const number = (name: string, min: number, max: number) => {
    const text = flags[name] ?? '';
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (received "${text}")`);
    }
    return value;
  };
  return { port: number('port', 0, 65_535), rate: number('rate', 1, 1000), host: flags['host'] ?? '127.0.0.1' };
}
