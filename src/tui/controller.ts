import { hasControlCharacter, keyName, resolveKey, type KeyPress } from './keymap.js';
import type { DashState, DashStore } from './store/dash-store.js';
import type { MarketRow } from './store/market-row.js';
import { reduceUi, type UiCounts, type UiState } from './ui-state.js';

export interface KeyContext {
  readonly store: DashStore;
  readonly state: DashState;
  /** The watchlist rows as shown (sorted or not). */
  readonly rows: readonly MarketRow[];
  readonly exit: () => void;
}

/**
 * One key press: the keymap names the action, the store carries out what changes data
 * (watchlists, alerts), and the new view state is returned. Text boxes (search, prompts)
 * take printable keys before the keymap does.
 */
export function handleKey(input: string, key: KeyPress, ui: UiState, ctx: KeyContext): UiState {
  const name = keyName(input, key);
  const counts = countsOf(ctx);
  if (ui.overlay === 'search' || ui.overlay === 'prompt') return handleTextKey(name, input, key, ui, ctx, counts);
  if (ui.overlay === 'help') {
    if (name === 'q' || name === 'ctrl+c') ctx.exit();
    return name === '?' || name === 'escape' ? reduceUi(ui, 'help', counts) : ui;
  }
  const action = resolveKey(name, ui.focus);
  if (!action) return ui;
  const selected = ctx.rows[ui.selected]?.symbol;
  const { watchlist } = ctx.store;
  switch (action) {
    case 'quit':
      ctx.exit();
      return ui;
    case 'remove-symbol':
      if (selected) watchlist.removeSymbol(selected);
      return { ...ui, selected: Math.max(0, Math.min(ui.selected, ctx.rows.length - 2)) };
    case 'move-up':
    case 'move-down': {
      if (!selected) return ui;
      if (ui.sort) {
        ctx.store.notify('the list is sorted: press o until it is unsorted to reorder', 'error');
        return ui;
      }
      const delta = action === 'move-up' ? -1 : 1;
      watchlist.moveSymbol(selected, delta);
      return reduceUi(ui, delta < 0 ? 'up' : 'down', counts);
    }
    case 'next-watchlist':
    case 'prev-watchlist':
      watchlist.cycle(action === 'next-watchlist' ? 1 : -1);
      break;
    case 'watchlist-left':
    case 'watchlist-right':
      watchlist.shift(action === 'watchlist-left' ? -1 : 1);
      break;
    case 'toggle-alert': {
      const alert = ctx.state.alerts.alerts[ui.alertIndex];
      if (alert) ctx.store.toggleAlert(alert.id);
      break;
    }
    case 'add-alert':
      if (ctx.state.alerts.unavailable) {
        ctx.store.notify(ctx.state.alerts.unavailable, 'error');
        return ui;
      }
      break;
    default:
      break;
  }
  return reduceUi(ui, action, counts);
}

function handleTextKey(
  name: string,
  input: string,
  key: KeyPress,
  ui: UiState,
  ctx: KeyContext,
  counts: UiCounts,
): UiState {
  if (name === 'up' || name === 'down') return reduceUi(ui, name, counts);
  if (name === 'backspace' || name === 'delete') return setInput(ui, ui.input.slice(0, -1), ctx);
  const action = resolveKey(name, 'input');
  if (action === 'quit') {
    ctx.exit();
    return ui;
  }
  if (action === 'cancel') return reduceUi(ui, 'cancel', counts);
  if (action === 'complete') {
    const match = matchAt(ui, ctx);
    return match ? setInput(ui, match, ctx) : ui;
  }
  if (action === 'submit') return submit(ui, ctx, counts);
  if (key.ctrl || input === '' || hasControlCharacter(input)) return ui;
  return setInput(ui, (ui.input + input).slice(0, 60), ctx);
}

function setInput(ui: UiState, input: string, ctx: KeyContext): UiState {
  if (ui.overlay === 'search') ctx.store.search(input);
  return { ...ui, input, searchIndex: 0 };
}

/** The highlighted search match, when the matches shown are for the text typed. */
function matchAt(ui: UiState, ctx: KeyContext): string | undefined {
  const { search } = ctx.state;
  return search.query === ui.input ? search.results[ui.searchIndex]?.symbol : undefined;
}

function submit(ui: UiState, ctx: KeyContext, counts: UiCounts): UiState {
  const text = ui.input.trim();
  const closed = reduceUi(ui, 'submit', counts);
  if (text === '') return closed;
  const { store } = ctx;
  if (ui.overlay === 'search') {
    const symbol = store.watchlist.addSymbol(matchAt(ui, ctx) ?? text);
    const rows = store.getSnapshot().watchlists[store.getSnapshot().activeWatchlist]?.symbols ?? [];
    const at = symbol && !ui.sort ? rows.indexOf(symbol) : -1;
    return at >= 0 ? { ...closed, selected: at } : closed;
  }
  if (ui.prompt === 'new-watchlist') store.watchlist.create(text);
  else if (ui.prompt === 'rename-watchlist') store.watchlist.rename(text);
  else if (ui.prompt === 'add-alert') {
    const symbol = ctx.rows[ui.selected]?.symbol;
    if (symbol) store.addAlert(symbol, text);
  }
  return ui.prompt === 'new-watchlist' ? { ...closed, selected: 0 } : closed;
}

function countsOf(ctx: KeyContext): UiCounts {
  const { state } = ctx;
  return {
    rows: ctx.rows.length,
    alerts: state.alerts.alerts.length,
    news: state.news.items.length,
    matches: Math.min(6, state.search.results.length),
  };
}
