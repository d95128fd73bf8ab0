import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';
import { BIN } from './run-cli.js';

/*
 * The built binary in a real terminal: tmux runs a plain bash, the test types into it
 * (send-keys) and reads the screen (capture-pane). Its own tmux socket, so a developer's tmux
 * is never touched. CI installs tmux (.ci/run); elsewhere without tmux the suite is skipped.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `stockato-test-${process.pid}`;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-t', 'dash');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'dash', ...k);

async function waitForScreen(predicate: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = screen();
    if (predicate(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
}

const priceOf = (text: string, symbol: string) =>
  new RegExp(`[ ›]${symbol.replace(/[-^=]/g, '\\$&')}\\s+([0-9.]+)`).exec(text)?.[1];

describe.skipIf(!hasTmux && process.env['CI'] !== 'true')('stockato dash --demo in tmux', () => {
  let home: TempHome;
  beforeAll(() => {
    home = createTempHome();
    // A shell with nothing of ours in its environment but the home folder; CI=true is removed
    // because Ink renders only the last frame when it thinks it runs in CI.
    tmux('new-session', '-d', '-s', 'dash', '-x', '120', '-y', '40', 'env -u CI bash --norc --noprofile');
    keys(`export PS1='$ ' STOCKATO_HOME='${home.dir}' NO_COLOR=1; clear`, 'Enter');
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    home.cleanup();
  });

  it('renders, streams prices, adds a symbol, switches ranges, shows help, re-lays out on resize, and q leaves a usable shell', async () => {
    keys(`${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} dash --demo`, 'Enter');
    const first = await waitForScreen((t) => t.includes('SYMBOL') && priceOf(t, 'ZORK-USD') !== undefined, 'watchlist');
    expect(first).toContain('DEMO');
    for (const symbol of ['ACME', 'GLOBX', 'QUX-USD']) expect(priceOf(first, symbol)).toMatch(/^\d+\.\d+$/);

    const before = priceOf(first, 'ZORK-USD');
    await waitForScreen((t) => priceOf(t, 'ZORK-USD') !== before, 'ZORK-USD to move');

    keys('/');
    await waitForScreen((t) => t.includes('Add symbol:'), 'search box');
    keys('-l', 'KRMB');
    await waitForScreen((t) => t.includes('Krumble Bakeries'), 'search match');
    keys('Enter');
    await waitForScreen((t) => priceOf(t, 'KRMB') !== undefined, 'KRMB priced in the watchlist');

    keys('5');
    await waitForScreen((t) => t.includes('[6M]'), 'range 6M');
    keys('8');
    await waitForScreen((t) => t.includes('[MAX]'), 'range MAX');

    keys('?');
    await waitForScreen((t) => t.includes('Keys (press ? or Esc to close)'), 'help');
    keys('?');
    await waitForScreen((t) => !t.includes('Keys (press') && t.includes('SYMBOL'), 'help closed');

    tmux('resize-window', '-t', 'dash', '-x', '70', '-y', '20');
    await waitForScreen((t) => t.includes('needs a terminal of at least 80x24'), 'the size it needs');
    tmux('resize-window', '-t', 'dash', '-x', '120', '-y', '40');
    await waitForScreen((t) => t.includes('SYMBOL') && t.includes('[MAX]'), 'laid out again');

    keys('q');
    await waitForScreen((t) => !t.includes('SYMBOL'), 'the shell back from the alternate screen');
    keys('echo "ok rc=$?"', 'Enter');
    const after = await waitForScreen((t) => /^ok rc=0$/m.test(t), 'echo ok');
    expect(after).toContain('dash --demo'); // the screen from before the dashboard is back
  }, 90_000);

  it('SIGTERM restores the terminal and exits 130', async () => {
    keys('clear', 'Enter');
    keys(`${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} dash --demo`, 'Enter');
    await waitForScreen((t) => t.includes('SYMBOL'), 'watchlist');
    const shellPid = tmux('display-message', '-p', '-t', 'dash', '#{pane_pid}').trim();
    const child = spawnSync('pgrep', ['-P', shellPid], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    expect(child).toMatch(/^\d+$/);
    process.kill(Number(child), 'SIGTERM');
    await waitForScreen((t) => !t.includes('SYMBOL'), 'the shell back');
    keys('echo "ok rc=$?"', 'Enter');
    await waitForScreen((t) => /^ok rc=130$/m.test(t), 'exit 130 and a usable shell');
  }, 60_000);
});
