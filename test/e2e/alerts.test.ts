import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { BIN, runBin, runBinAsync } from './run-cli.js';

let home: TempHome;
beforeAll(() => {
  if (!existsSync(BIN) || !existsSync(join(BIN, '../../dist/main.js'))) {
    throw new Error('build first: npm run build (npm test does it for you)');
  }
});
beforeEach(() => {
  home = createTempHome();
});
afterEach(() => home.cleanup());

const run = (...args: string[]) => runBin([...args, '--demo'], home.dir);

describe('alerts: bad input is refused with a clear message, and nothing is stored', () => {
  it.each([
    [['ACME', 'rsi(14 < 30'], 2, /invalid rule: expected "," or "\)".*\(column 8\)\n {2}rsi\(14 < 30\n {9}\^\n/],
    [['ACME', 'rsx(14) < 30'], 2, /unknown name "rsx"; did you mean rsi/],
    [['ACME', 'bb_upper(20) > close'], 2, /bb_upper takes 2 parameters \(period, multiplier\), got 1/],
    [['NOPE', 'price > 1'], 2, /unknown symbol "NOPE"/],
    [['ACME', 'price > 1', '--notify', 'webhook:not a url'], 2, /"not a url" in webhook: is not an http or https URL/],
    [['ACME', 'price > 1', '--notify', 'pager'], 2, /"pager" is not a notification target; use stdout, desktop/],
    [
      ['ACME', 'price > 1', '--cooldown', '-5m'],
      2,
      /--cooldown must be a duration like 30s, 5m, 6h or 2d \(received "-5m"\)/,
    ],
    [['ACME', 'price > 1', '--interval', '2d'], 2, /--interval must be one of 1m, 5m/],
  ])('alerts add %j', (args, status, message) => {
    const result = run('alerts', 'add', ...args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(run('alerts', 'ls', '--json').stdout.trim()).toBe('[]');
  });

  it('refuses a rule on bars the provider cannot give, before asking it anything', () => {
    const result = runBin(
      ['alerts', 'add', 'BTC-USD', 'price > 1', '--interval', '1m', '--provider', 'coingecko'],
      home.dir,
    );
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/coingecko has no 1m bars/) });
    expect(run('alerts', 'ls', '--json').stdout.trim()).toBe('[]');
  });

  it('names an unknown alert id (exit 1) and a malformed one (exit 2)', () => {
    expect(run('alerts', 'rm', '7')).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/there is no alert #7/),
    });
    expect(run('alerts', 'disable', 'x')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/"x" is not an alert id/),
    });
  });
});

describe('alerts: commands', () => {
  it('adds, lists, tests, checks quietly once fired, disables and removes', () => {
    const added = run('alerts', 'add', 'ACME', 'price > 1', '--name', 'any price', '--cooldown', '1h', '--json');
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)[0]).toMatchObject({
      id: 1,
      symbol: 'ACME',
      rule: 'price > 1',
      cooldown: '1h',
      armed: true,
    });

    const tested = run('alerts', 'test', 'ACME', 'rsi(14) < 101 and close > 0', '--json');
    expect(tested.status).toBe(0);
    const doc = JSON.parse(tested.stdout);
    expect(doc.condition).toBe(true);
    expect(doc.values.map((v: { label: string }) => v.label)).toEqual(['rsi(14)', 'close']);
    expect(run('alerts', 'history', '--json').stdout.trim()).toBe('[]'); // test fires nothing

    const first = run('alerts', 'check', '--exit-code');
    expect(first.status).toBe(3);
    expect(first.stdout).toMatch(/^alert #1 "any price" ACME 1d: price > 1 \(price=\d+(\.\d+)?\)\n$/);
    const again = run('alerts', 'check', '--exit-code');
    expect(again).toMatchObject({ status: 0, stdout: '', stderr: '' });

    expect(JSON.parse(run('alerts', 'history', '--json').stdout)).toHaveLength(1);
    expect(run('alerts', 'disable', '1').status).toBe(0);
    expect(JSON.parse(run('alerts', 'ls', '--json').stdout)[0].enabled).toBe(false);
    expect(run('alerts', 'rm', '1').status).toBe(0);
    expect(run('alerts', 'ls', '--json').stdout.trim()).toBe('[]');
  });

  it('reports a symbol the provider does not know on stderr, checks the rest and exits 1', () => {
    run('alerts', 'add', 'ACME', 'price > 1');
    // A symbol the provider stopped knowing after it was added (add itself refuses unknown ones).
    const store = openStore(home.path('stockato.db'));
    store.alerts.add(
      {
        name: undefined,
        symbol: 'GONE',
        rule: 'price > 1',
        interval: '1d',
        cooldownMs: 0,
        once: false,
        notify: undefined,
      },
      0,
    );
    store.close();
    const result = run('alerts', 'check', '--ndjson');
    expect(JSON.parse(result.stderr).error).toMatchObject({
      code: 'unknown-symbol',
      message: 'unknown symbol "GONE" on demo',
    });
    expect(result.status).toBe(1);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).symbol),
    ).toEqual(['ACME']);
  });

  it('prints a crontab line with absolute node and script paths', () => {
    const result = run('alerts', 'cron', '--every', '15m');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `*/15 * * * * STOCKATO_HOME=${home.dir} ${process.execPath} ${BIN} alerts check --provider demo\n`,
    );
    expect(run('alerts', 'cron', '--every', '7m')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/cannot be written as a cron schedule/),
    });
  });

  it('runs a cmd: hook with the alert in STOCKATO_ALERT_* variables', () => {
    const out = home.path('hook.txt');
    run('alerts', 'add', 'GLOBX', 'close > 0', '--notify', `cmd:env | grep ^STOCKATO_ALERT_ | sort > ${out}`);
    expect(run('alerts', 'check').status).toBe(0);
    const env = readFileSync(out, 'utf8');
    expect(env).toMatch(/^STOCKATO_ALERT_ID=1$/m);
    expect(env).toMatch(/^STOCKATO_ALERT_SYMBOL=GLOBX$/m);
    expect(env).toMatch(/^STOCKATO_ALERT_RULE=close > 0$/m);
    expect(JSON.parse(/^STOCKATO_ALERT_VALUES=(.*)$/m.exec(env)?.[1] ?? '')[0].label).toBe('close');
  });
});

describe('alerts check: two processes at once against one database', () => {
  it('fires each alert exactly once', async () => {
    // Every demo symbol with several rules, so that both runs are still gathering data when the
    // other starts: the overlap is real, not two runs one after the other.
    const symbols = (JSON.parse(run('search', '', '--json').stdout) as Array<{ symbol: string }>).map((i) => i.symbol);
    const rules = ['price > 0', 'close > 0', 'volume >= 0', 'rsi(14) <= 100', 'sma(20) > 0'];
    const store = openStore(home.path('stockato.db'));
    for (const symbol of symbols) {
      for (const rule of rules) {
        store.alerts.add(
          { name: undefined, symbol, rule, interval: '1d', cooldownMs: 0, once: false, notify: undefined },
          0,
        );
      }
    }
    store.close();
    const total = symbols.length * rules.length;
    const both = await Promise.all([0, 1].map(() => runBinAsync(['alerts', 'check', '--ndjson', '--demo'], home.dir)));
    for (const result of both) expect(result).toMatchObject({ status: 0, stderr: '' });
    const fired = both.flatMap((r) => r.stdout.split('\n').filter(Boolean)).map((line) => JSON.parse(line).alertId);
    expect(fired.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(JSON.parse(run('alerts', 'history', '--json', '--limit', '1000').stdout)).toHaveLength(total);
  });
});

describe('alerts check: webhook delivery', () => {
  let server: Server;
  let received: Array<{ body: unknown; status: number; title: string | string[] | undefined }>;
  let answers: number[];
  let url: string;
  beforeEach(async () => {
    received = [];
    answers = [];
    server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        const status = answers.shift() ?? 200;
        received.push({
          body: text.startsWith('{') ? JSON.parse(text) : text,
          status,
          title: request.headers['title'],
        });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const check = () => runBinAsync(['alerts', 'check', '--demo'], home.dir);

  it('retries a failed delivery at the next check without firing again', async () => {
    run('alerts', 'add', 'ACME', 'price > 1', '--notify', `webhook:${url}`);
    answers.push(500);
    const first = await check();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^alert #1 /);
    expect(first.stderr).toMatch(
      /delivery to webhook:http:\/\/127\.0\.0\.1:\d+\/hook failed: .*HTTP 500 \(retried at the next check\)/,
    );

    const second = await check();
    expect(second).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const third = await check();
    expect(third).toMatchObject({ status: 0, stdout: '', stderr: '' });

    expect(received.map((r) => r.status)).toEqual([500, 200]);
    const [failed, delivered] = received.map(
      (r) => r.body as { type: string; alert: { firingId: number; symbol: string } },
    );
    expect(delivered).toEqual(failed);
    expect(delivered?.alert).toMatchObject({ symbol: 'ACME', firingId: 1 });
    expect(JSON.parse(run('alerts', 'history', '--json').stdout)).toHaveLength(1);
  });

  it('posts Slack, Discord and ntfy in their own formats', async () => {
    run(
      'alerts',
      'add',
      'ACME',
      'price > 1',
      '--notify',
      `slack:${url}`,
      '--notify',
      `discord:${url}`,
      '--notify',
      `ntfy:${url}`,
    );
    expect((await check()).status).toBe(0);
    const line = /^alert #1 ACME 1d: price > 1 \(price=[\d.]+\)$/;
    const json = received.filter((r) => typeof r.body === 'object').map((r) => r.body as Record<string, string>);
    expect(json.map((b) => Object.keys(b)).sort()).toEqual([['content'], ['text']]);
    for (const body of json) expect(body['text'] ?? body['content']).toMatch(line);
    const ntfy = received.find((r) => typeof r.body === 'string');
    expect(ntfy?.body).toMatch(line);
    expect(ntfy?.title).toBe('Stockato alert: ACME');
  });
});
