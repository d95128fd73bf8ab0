import { Box } from 'ink';
import { AlertsPane } from '../components/AlertsPane.js';
import { ChartPane } from '../components/ChartPane.js';
import { Header } from '../components/Header.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { NewsPane } from '../components/NewsPane.js';
import { PromptBox } from '../components/PromptBox.js';
import { SearchBox } from '../components/SearchBox.js';
import { StatusBar } from '../components/StatusBar.js';
import { WatchlistPane } from '../components/Watchlist.js';
import { WatchlistTabs } from '../components/WatchlistTabs.js';
import type { DashState } from '../store/dash-store.js';
import type { MarketRow } from '../store/market-row.js';
import type { Theme } from '../theme.js';
import type { UiState } from '../ui-state.js';

export interface DashboardProps {
  readonly state: DashState;
  readonly ui: UiState;
  readonly rows: readonly MarketRow[];
  readonly provider: string;
  readonly theme: Theme;
  readonly columns: number;
  /** Rows to fill: one less than the terminal, so Ink never falls back to clearing the screen. */
  readonly height: number;
}

/** Lays the panes out for the given size; every child only renders what it is given. */
export function Dashboard({ state, ui, rows, provider, theme, columns, height }: DashboardProps) {
  const inputRows =
    ui.overlay === 'search' ? 3 + Math.min(6, state.search.results.length) + 1 : ui.overlay === 'prompt' ? 3 : 0;
  const main = Math.max(6, height - 3 - inputRows);
  const bottom = Math.max(6, Math.floor(main * 0.3));
  const top = main - bottom;
  const listWidth = Math.max(40, Math.min(72, Math.floor(columns * 0.5)));
  const selected = rows[ui.selected];
  const session = selected?.quote?.marketState ?? rows.find((r) => r.quote)?.quote?.marketState ?? '—';
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Header
        nowMs={state.nowMs}
        session={session}
        connections={state.connections}
        demo={state.demo}
        theme={theme}
        width={columns}
      />
      <WatchlistTabs watchlists={state.watchlists} active={state.activeWatchlist} theme={theme} width={columns} />
      {ui.overlay === 'help' ? (
        <HelpOverlay theme={theme} width={columns} height={main + inputRows} />
      ) : (
        <>
          <Box flexDirection="row" height={top}>
            <WatchlistPane
              rows={rows}
              selected={ui.selected}
              focused={ui.focus === 'watchlist'}
              sort={ui.sort}
              nowMs={state.nowMs}
              theme={theme}
              width={listWidth}
              height={top}
            />
            <ChartPane
              chart={state.chart}
              mode={ui.chartMode}
              overlays={ui.overlays}
              subPane={ui.subPane}
              focused={ui.focus === 'chart'}
              theme={theme}
              width={columns - listWidth}
              height={top}
            />
          </Box>
          <Box flexDirection="row" height={bottom}>
            <AlertsPane
              alerts={state.alerts}
              selected={ui.alertIndex}
              focused={ui.focus === 'alerts'}
              theme={theme}
              width={listWidth}
              height={bottom}
            />
            <NewsPane
              news={state.news}
              provider={provider}
              selected={ui.newsIndex}
              focused={ui.focus === 'news'}
              theme={theme}
              width={columns - listWidth}
              height={bottom}
            />
          </Box>
          {ui.overlay === 'search' ? (
            <SearchBox input={ui.input} search={state.search} selected={ui.searchIndex} theme={theme} width={columns} />
          ) : null}
          {ui.overlay === 'prompt' && ui.prompt ? (
            <PromptBox prompt={ui.prompt} input={ui.input} theme={theme} width={columns} />
          ) : null}
        </>
      )}
      <StatusBar notice={state.notice} nowMs={state.nowMs} theme={theme} width={columns} />
    </Box>
  );
}
