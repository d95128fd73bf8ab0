/**
 * Every key the dashboard answers to, in one table: the input handler resolves keys through it
 * and the `?` help overlay is generated from it, so the two can never disagree.
 */
export type Pane = 'watchlist' | 'chart' | 'alerts' | 'news';
export const PANES: readonly Pane[] = ['watchlist', 'chart', 'alerts', 'news'];

export type Scope = 'global' | Pane | 'input';

export type ActionName =
  | 'quit'
  | 'help'
  | 'search'
  | 'next-pane'
  | 'prev-pane'
  | 'up'
  | 'down'
  | 'top'
  | 'bottom'
  | 'focus'
  | 'next-watchlist'
  | 'prev-watchlist'
  | 'new-watchlist'
  | 'rename-watchlist'
  | 'watchlist-left'
  | 'watchlist-right'
  | 'move-up'
  | 'move-down'
  | 'remove-symbol'
  | 'sort-next'
  | 'sort-reverse'
  | 'chart-mode'
  | 'range-prev'
  | 'range-next'
  | 'range-1'
  | 'range-2'
  | 'range-3'
  | 'range-4'
  | 'range-5'
  | 'range-6'
  | 'range-7'
  | 'range-8'
  | 'overlay-sma'
  | 'overlay-ema'
  | 'overlay-bb'
  | 'sub-pane'
  | 'add-alert'
  | 'toggle-alert'
  | 'submit'
  | 'cancel'
  | 'complete';

export interface Binding {
  /** Key names as `keyName` produces them: `q`, `up`, `enter`, `shift+tab`, `ctrl+c`. */
  readonly keys: readonly string[];
  readonly action: ActionName;
  readonly scope: Scope;
  readonly description: string;
}

const range = (n: number, label: string): Binding => ({
  keys: [String(n)],
  action: `range-${n}` as ActionName,
  scope: 'global',
  description: `range ${label}`,
});

export const KEYMAP: readonly Binding[] = [
  { keys: ['q', 'ctrl+c'], action: 'quit', scope: 'global', description: 'quit' },
  { keys: ['?'], action: 'help', scope: 'global', description: 'this help' },
  { keys: ['/'], action: 'search', scope: 'global', description: 'search, add symbol' },
  { keys: ['tab'], action: 'next-pane', scope: 'global', description: 'next pane' },
  { keys: ['shift+tab'], action: 'prev-pane', scope: 'global', description: 'previous pane' },
  { keys: [']'], action: 'next-watchlist', scope: 'global', description: 'next watchlist' },
  { keys: ['['], action: 'prev-watchlist', scope: 'global', description: 'previous watchlist' },
  { keys: ['N'], action: 'new-watchlist', scope: 'global', description: 'new watchlist' },
  { keys: ['R'], action: 'rename-watchlist', scope: 'global', description: 'rename watchlist' },
  { keys: ['{'], action: 'watchlist-left', scope: 'global', description: 'list to the left' },
  { keys: ['}'], action: 'watchlist-right', scope: 'global', description: 'list to the right' },
  { keys: ['c'], action: 'chart-mode', scope: 'global', description: 'candles or line' },
  range(1, '1D'),
  range(2, '5D'),
  range(3, '1M'),
  range(4, '3M'),
  range(5, '6M'),
  range(6, '1Y'),
  range(7, '5Y'),
  range(8, 'MAX'),
  { keys: ['s'], action: 'overlay-sma', scope: 'global', description: 'SMA 20 on/off' },
  { keys: ['e'], action: 'overlay-ema', scope: 'global', description: 'EMA 50 on/off' },
  { keys: ['b'], action: 'overlay-bb', scope: 'global', description: 'Bollinger on/off' },
  { keys: ['i'], action: 'sub-pane', scope: 'global', description: 'RSI 14, MACD, none' },
  { keys: ['up', 'k'], action: 'up', scope: 'watchlist', description: 'symbol above' },
  { keys: ['down', 'j'], action: 'down', scope: 'watchlist', description: 'symbol below' },
  { keys: ['g', 'home'], action: 'top', scope: 'watchlist', description: 'first symbol' },
  { keys: ['G', 'end'], action: 'bottom', scope: 'watchlist', description: 'last symbol' },
  { keys: ['enter'], action: 'focus', scope: 'watchlist', description: 'focus the chart' },
  { keys: ['K'], action: 'move-up', scope: 'watchlist', description: 'move symbol up' },
  { keys: ['J'], action: 'move-down', scope: 'watchlist', description: 'move symbol down' },
  { keys: ['x', 'delete'], action: 'remove-symbol', scope: 'watchlist', description: 'remove symbol' },
  { keys: ['o'], action: 'sort-next', scope: 'watchlist', description: 'sort: next column' },
  { keys: ['O'], action: 'sort-reverse', scope: 'watchlist', description: 'sort: reverse' },
  { keys: ['left', 'h'], action: 'range-prev', scope: 'chart', description: 'shorter range' },
  { keys: ['right', 'l'], action: 'range-next', scope: 'chart', description: 'longer range' },
  { keys: ['up', 'k'], action: 'up', scope: 'chart', description: 'previous symbol' },
  { keys: ['down', 'j'], action: 'down', scope: 'chart', description: 'next symbol' },
  { keys: ['enter', 'escape'], action: 'focus', scope: 'chart', description: 'back to watchlist' },
  { keys: ['up', 'k'], action: 'up', scope: 'alerts', description: 'alert above' },
  { keys: ['down', 'j'], action: 'down', scope: 'alerts', description: 'alert below' },
  { keys: ['a'], action: 'add-alert', scope: 'alerts', description: 'add alert' },
  { keys: ['space', 't'], action: 'toggle-alert', scope: 'alerts', description: 'enable/disable' },
  { keys: ['up', 'k'], action: 'up', scope: 'news', description: 'previous headline' },
  { keys: ['down', 'j'], action: 'down', scope: 'news', description: 'next headline' },
  { keys: ['enter'], action: 'submit', scope: 'input', description: 'accept' },
  { keys: ['escape'], action: 'cancel', scope: 'input', description: 'cancel' },
  { keys: ['tab'], action: 'complete', scope: 'input', description: 'take the match' },
];

/** What Ink's useInput reports for one key press. */
export interface KeyPress {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
}

/** The key's name in the table's vocabulary. */
export function keyName(input: string, key: KeyPress): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.delete) return 'delete';
  if (key.backspace) return 'backspace';
  if (key.ctrl && input !== '') return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** The action `name` means in `pane`: the pane's own binding first, then the global one. */
export function resolveKey(name: string, scope: Pane | 'input'): ActionName | undefined {
  const own = KEYMAP.find((b) => b.scope === scope && b.keys.includes(name));
  if (own || scope === 'input') return own?.action ?? (name === 'ctrl+c' ? 'quit' : undefined);
  return KEYMAP.find((b) => b.scope === 'global' && b.keys.includes(name))?.action;
}

export interface HelpSection {
  readonly title: string;
  readonly rows: readonly { readonly keys: string; readonly description: string }[];
}

const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Anywhere',
  watchlist: 'Watchlist',
  chart: 'Chart',
  alerts: 'Alerts',
  news: 'News',
  input: 'Search and prompts',
};

/** The help overlay's content, straight from KEYMAP. */
export function helpSections(): HelpSection[] {
  return (Object.keys(SCOPE_TITLES) as Scope[]).map((scope) => ({
    title: SCOPE_TITLES[scope],
    rows: KEYMAP.filter((b) => b.scope === scope).map((b) => ({ keys: b.keys.join(' '), description: b.description })),
  }));
}

/** True when `text` holds a control character (an escape sequence, not typed text). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
