import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/tui/keymap.js';
import { renderDashboard, type DashHarness } from './dash-fixture.js';

const ENTER = '\r';
const ESC = '\x1b';

let ui: DashHarness;
beforeEach(() => {
  ui = renderDashboard();
});
afterEach(() => ui.close());

const rowOf = (frame: string, symbol: string) =>
  frame
    .split('\n')
    .find((line) => line.startsWith('│') && new RegExp(`^│[ ›]${symbol.replace(/[\^=]/g, '\\$&')} `).test(line));

describe('stockato dash (ink-testing-library, 100x32, no color)', () => {
  it('shows the header with the DEMO badge and the demo watchlist with prices', async () => {
    const frame = await ui.waitFor((f) => /ACME\s+\d+\.\d+/.test(f), 'ACME priced');
    expect(frame).toContain(' DEMO ');
    expect(frame).toMatch(/16:07:3\d UTC/);
    expect(frame).toContain('market regular');
    expect(frame).toContain('demo live');
    for (const symbol of ['ACME', 'GLOBX', 'ZORK-USD']) expect(rowOf(frame, symbol)).toMatch(/\d+\.\d+/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(31); // one line short of the terminal
  });

  it('draws the chart of the selected symbol and follows the selection', async () => {
    await ui.waitFor((f) => /ACME +1D +5D +\[1M\]/.test(f) && /[█│]/.test(f), 'ACME chart');
    await ui.press('j');
    await ui.waitFor((f) => /GLOBX +1D +5D +\[1M\]/.test(f), 'GLOBX chart after j');
    expect(rowOf(ui.frame(), 'GLOBX')).toContain('›GLOBX');
  });

  it('switches ranges with the number keys and with h/l in the chart pane', async () => {
    await ui.waitFor((f) => /ACME +1D +5D +\[1M\]/.test(f), 'chart');
    await ui.press('5');
    await ui.waitFor((f) => f.includes('[6M]'), '6M range');
    expect(ui.dash.getSnapshot().chart.range).toBe('6M');
    await ui.press('\t', 'l');
    await ui.waitFor((f) => f.includes('[1Y]'), '1Y after l in the chart pane');
    await ui.press('1');
    await ui.waitFor((f) => f.includes('[1D]'), '1D');
  });

  it('/ searches and adds a symbol, stored in the watchlist in SQLite', async () => {
    await ui.waitFor((f) => f.includes('ACME'), 'first frame');
    await ui.press('/', 'H', 'X', 'L');
    await ui.waitFor((f) => f.includes('Hexhelm Biotherapeutics'), 'search match');
    await ui.press(ENTER);
    const frame = await ui.waitFor((f) => rowOf(f, 'HXLM') !== undefined, 'HXLM row');
    expect(frame).toContain('added HXLM to Main');
    expect(ui.db.watchlists.list()[0]?.symbols).toContain('HXLM');
  });

  it('Esc closes the search without adding anything', async () => {
    await ui.waitFor((f) => f.includes('ACME'), 'first frame');
    await ui.press('/', 'K', 'R');
    await ui.waitFor((f) => f.includes('Add symbol: KR'), 'search box');
    await ui.press(ESC);
    await ui.waitFor((f) => !f.includes('Add symbol:'), 'search closed');
    expect(ui.db.watchlists.list()[0]?.symbols).not.toContain('KR');
  });

  it('says what is wrong with a symbol that cannot be one', async () => {
    await ui.waitFor((f) => f.includes('ACME'), 'first frame');
    await ui.press('/', '$', '$', ENTER);
    await ui.waitFor((f) => f.includes('"$$" is not a symbol'), 'error notice');
  });

  it('? opens a help overlay generated from the keymap, and ? closes it', async () => {
    await ui.waitFor((f) => f.includes('ACME'), 'first frame');
    await ui.press('?');
    const help = await ui.waitFor((f) => f.includes('Keys (press ? or Esc to close)'), 'help');
    for (const binding of KEYMAP) {
      expect(help).toContain(`${binding.keys.join(' ')}`);
      expect(help).toContain(binding.description);
    }
    await ui.press('?');
    await ui.waitFor((f) => !f.includes('Keys (press ? or Esc') && f.includes('SYMBOL'), 'help closed');
  });

  it('creates, renames and switches named watchlists', async () => {
    await ui.waitFor((f) => f.includes(' Main'), 'tabs');
    await ui.press('N', ...'Tech', ENTER);
    await ui.waitFor((f) => f.includes(' Tech') && f.includes('empty watchlist'), 'new list active');
    await ui.press('R', ...'Crypto', ENTER);
    await ui.waitFor((f) => f.includes(' Crypto'), 'renamed');
    expect(ui.db.watchlists.list().map((l) => l.name)).toEqual(['Main', 'Crypto']);
    await ui.press('[');
    await ui.waitFor((f) => f.includes('ACME'), 'back on Main');
    await ui.press('N', ...'Main', ENTER);
    await ui.waitFor((f) => f.includes('a watchlist named "Main" already exists'), 'duplicate refused');
  });

  it('sorts by column with o and reverses with O', async () => {
    await ui.waitFor((f) => /ACME\s+\d/.test(f), 'prices');
    await ui.press('o');
    await ui.waitFor((f) => f.includes('SYMBOL▼') || f.includes('SYMBOL▲'), 'sorted by symbol');
    const symbols = () =>
      ui
        .frame()
        .split('\n')
        .map((l) => /^│[ ›]([A-Z^][A-Z0-9^=.-]*)\s/.exec(l)?.[1])
        .filter((s): s is string => s !== undefined);
    expect(symbols()).toEqual([...symbols()].sort());
    await ui.press('O');
    await ui.waitFor(() => symbols().join() === [...symbols()].sort().reverse().join(), 'reversed');
  });

  it('q quits', async () => {
    await ui.waitFor((f) => f.includes('ACME'), 'first frame');
    await ui.press('q');
    expect(ui.quits.count).toBe(1);
  });

  it('Ctrl-C quits, even from the search box', async () => {
    await ui.waitFor((f) => f.includes('ACME'), 'first frame');
    await ui.press('/', 'A', '\x03');
    expect(ui.quits.count).toBe(1);
  });

  it('adds an alert from the alerts pane, stored like `alerts add`, and disables it with space', async () => {
    await ui.waitFor((f) => /ACME\s+\d/.test(f) && f.includes('no alerts'), 'alerts pane empty');
    await ui.press('\t', '\t', 'a', ...'price > 100', ENTER);
    await ui.waitFor((f) => f.includes('● ACME price > 100'), 'alert listed');
    expect(ui.db.alerts.list().map((a) => [a.symbol, a.rule, a.enabled])).toEqual([['ACME', 'price > 100', true]]);
    await ui.press(' ');
    await ui.waitFor((f) => f.includes('○ ACME price > 100'), 'alert disabled');
    expect(ui.db.alerts.list()[0]?.enabled).toBe(false);
  });

  it("a bad alert rule is refused with the rule parser's message", async () => {
    await ui.waitFor((f) => f.includes('no alerts'), 'alerts pane');
    await ui.press('\t', '\t', 'a', ...'price >>', ENTER);
    await ui.waitFor((f) => !f.includes('Alert rule (e.g.') && f.split('\n').at(-1) !== undefined, 'prompt closed');
    await ui.waitFor((f) => !f.includes('? help  / add'), 'an error notice');
    expect(ui.db.alerts.list()).toEqual([]);
  });
});

describe('small terminals', () => {
  it('says what size it needs', async () => {
    ui.close();
    ui = renderDashboard({ columns: 70, rows: 20 });
    const frame = await ui.waitFor((f) => f.includes('needs a terminal'), 'size message');
    expect(frame).toContain('at least 80x24');
    expect(frame).toContain('this one is 70x20');
  });
});
