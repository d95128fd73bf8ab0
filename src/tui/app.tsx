import { useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHART_RANGES } from './chart/ranges.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from './components/TooSmall.js';
import { handleKey } from './controller.js';
import { hasControlCharacter, type KeyPress } from './keymap.js';
import { useDashState } from './hooks/use-dash-state.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { Dashboard } from './screens/Dashboard.js';
import type { DashStore } from './store/dash-store.js';
import { visibleRows } from './store/selectors.js';
import type { Theme } from './theme.js';
import { INITIAL_UI, type UiState } from './ui-state.js';

export interface AppProps {
  readonly store: DashStore;
  readonly theme: Theme;
  /** Provider id, for the panes that name it. */
  readonly provider: string;
  /** A fixed size (tests); by default the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** Called once when the user quits (q, Ctrl-C). */
  readonly onQuit?: () => void;
}

/** The dashboard: reads the store, keeps the view state, and turns keys into actions. */
export function App({ store, theme, provider, size, onQuit }: AppProps) {
  const { exit } = useApp();
  const state = useDashState(store);
  const { columns, rows: terminalRows } = useTerminalSize(size);
  const [ui, setUi] = useState<UiState>(INITIAL_UI);
  const rows = useMemo(() => visibleRows(state, ui.sort), [state, ui.sort]);
  // Keys can arrive faster than renders: each one must see the state the previous one left.
  const latest = useRef({ ui, rows, state });
  latest.current = { ui, rows, state };
  const quit = () => {
    onQuit?.();
    exit();
  };

  const press = (input: string, key: KeyPress) => {
    const now = latest.current;
    const next = handleKey(input, key, now.ui, {
      store,
      state: store.getSnapshot(),
      rows: visibleRows(store.getSnapshot(), now.ui.sort),
      exit: quit,
    });
    latest.current = { ...now, ui: next };
    setUi(next);
  };
  useInput((input, key) => {
    // Keys typed faster than stdin is read arrive as one string ("jjj"): outside a text box,
    // each character is its own key press. In a text box a paste stays one piece of text.
    const typing = latest.current.ui.overlay === 'search' || latest.current.ui.overlay === 'prompt';
    if (!typing && input.length > 1 && !key.ctrl && !key.meta && !hasControlCharacter(input)) {
      for (const ch of input) press(ch, {});
    } else {
      press(input, key);
    }
  });

  const selected = rows[Math.min(ui.selected, rows.length - 1)]?.symbol;
  const range = CHART_RANGES[ui.rangeIndex]?.label ?? '1M';
  useEffect(() => {
    if (selected) store.showChart(selected, range);
  }, [store, selected, range]);

  if (columns < MIN_COLUMNS || terminalRows < MIN_ROWS) return <TooSmall columns={columns} rows={terminalRows} />;
  return (
    <Dashboard
      state={state}
      ui={{ ...ui, selected: Math.max(0, Math.min(ui.selected, rows.length - 1)) }}
      rows={rows}
      provider={provider}
      theme={theme}
      columns={columns}
      height={terminalRows - 1}
    />
  );
}
