import { CHART_RANGES } from './chart/ranges.js';
import { OVERLAY_NAMES, SUB_PANE_NAMES, type OverlayName, type SubPaneName } from './chart/indicator-series.js';
import type { ChartMode } from './chart/chart-model.js';
import { PANES, type ActionName, type Pane } from './keymap.js';
import { SORT_COLUMNS, type SortOrder } from './store/selectors.js';

export type Prompt = 'new-watchlist' | 'rename-watchlist' | 'add-alert';

/** View state: what is focused, selected and shown. Market data lives in the DashStore. */
export interface UiState {
  readonly focus: Pane;
  readonly overlay: 'none' | 'help' | 'search' | 'prompt';
  readonly prompt?: Prompt;
  /** Text typed into the search box or a prompt. */
  readonly input: string;
  readonly searchIndex: number;
  readonly selected: number;
  readonly sort?: SortOrder;
  readonly chartMode: ChartMode;
  readonly rangeIndex: number;
  readonly overlays: readonly OverlayName[];
  readonly subPane: SubPaneName;
  readonly alertIndex: number;
  readonly newsIndex: number;
}

export const INITIAL_UI: UiState = {
  focus: 'watchlist',
  overlay: 'none',
  input: '',
  searchIndex: 0,
  selected: 0,
  chartMode: 'candles',
  rangeIndex: 2,
  overlays: ['sma'],
  subPane: 'rsi',
  alertIndex: 0,
  newsIndex: 0,
};

/** How many items each list has now (selection is clamped to them). */
export interface UiCounts {
  readonly rows: number;
  readonly alerts: number;
  readonly news: number;
  readonly matches: number;
}

const clamp = (value: number, count: number) => Math.max(0, Math.min(Math.max(0, count - 1), value));

/** The view-state part of an action (side effects such as adding a symbol are the controller's). */
export function reduceUi(ui: UiState, action: ActionName, counts: UiCounts): UiState {
  if (action.startsWith('range-') && /\d$/.test(action)) {
    return { ...ui, rangeIndex: clamp(Number(action.slice(6)) - 1, CHART_RANGES.length) };
  }
  switch (action) {
    case 'help':
      return { ...ui, overlay: ui.overlay === 'help' ? 'none' : 'help' };
    case 'search':
      return { ...ui, overlay: 'search', input: '', searchIndex: 0 };
    case 'new-watchlist':
      return { ...ui, overlay: 'prompt', prompt: 'new-watchlist', input: '' };
    case 'rename-watchlist':
      return { ...ui, overlay: 'prompt', prompt: 'rename-watchlist', input: '' };
    case 'add-alert':
      return { ...ui, overlay: 'prompt', prompt: 'add-alert', input: '' };
    case 'cancel':
    case 'submit':
      return { ...ui, overlay: 'none', input: '' };
    case 'next-pane':
    case 'prev-pane': {
      const step = action === 'next-pane' ? 1 : PANES.length - 1;
      return { ...ui, focus: PANES[(PANES.indexOf(ui.focus) + step) % PANES.length] as Pane };
    }
    case 'focus':
      return { ...ui, focus: ui.focus === 'watchlist' ? 'chart' : 'watchlist' };
    case 'up':
    case 'down':
      return move(ui, action === 'up' ? -1 : 1, counts);
    case 'top':
      return { ...ui, selected: 0 };
    case 'bottom':
      return { ...ui, selected: clamp(counts.rows - 1, counts.rows) };
    case 'sort-next': {
      const at = ui.sort ? SORT_COLUMNS.indexOf(ui.sort.column) + 1 : 0;
      const column = SORT_COLUMNS[at];
      const { sort: _drop, ...rest } = ui;
      return column ? { ...rest, sort: { column, descending: column !== 'symbol' } } : rest;
    }
    case 'sort-reverse':
      return ui.sort ? { ...ui, sort: { ...ui.sort, descending: !ui.sort.descending } } : ui;
    case 'chart-mode':
      return { ...ui, chartMode: ui.chartMode === 'candles' ? 'line' : 'candles' };
    case 'range-prev':
      return { ...ui, rangeIndex: clamp(ui.rangeIndex - 1, CHART_RANGES.length) };
    case 'range-next':
      return { ...ui, rangeIndex: clamp(ui.rangeIndex + 1, CHART_RANGES.length) };
    case 'overlay-sma':
    case 'overlay-ema':
    case 'overlay-bb':
      return { ...ui, overlays: toggle(ui.overlays, action.slice(8) as OverlayName) };
    case 'sub-pane':
      return { ...ui, subPane: SUB_PANE_NAMES[(SUB_PANE_NAMES.indexOf(ui.subPane) + 1) % SUB_PANE_NAMES.length]! };
    case 'next-watchlist':
    case 'prev-watchlist':
      return { ...ui, selected: 0 };
    default:
      return ui;
  }
}

function move(ui: UiState, delta: number, counts: UiCounts): UiState {
  if (ui.overlay === 'search') return { ...ui, searchIndex: clamp(ui.searchIndex + delta, counts.matches) };
  if (ui.focus === 'alerts') return { ...ui, alertIndex: clamp(ui.alertIndex + delta, counts.alerts) };
  if (ui.focus === 'news') return { ...ui, newsIndex: clamp(ui.newsIndex + delta, counts.news) };
  return { ...ui, selected: clamp(ui.selected + delta, counts.rows) };
}

function toggle(names: readonly OverlayName[], name: OverlayName): OverlayName[] {
  return names.includes(name)
    ? names.filter((n) => n !== name)
    : OVERLAY_NAMES.filter((n) => n === name || names.includes(n));
}
