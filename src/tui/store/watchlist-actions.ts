import { normalizeSymbol } from '../../engine/instrument.js';
import { AppError } from '../../errors.js';
import type { DashState } from './dash-store.js';
import type { WatchlistPort } from './ports.js';

interface Deps {
  readonly port: WatchlistPort;
  readonly get: () => DashState;
  readonly set: (patch: Partial<DashState>) => void;
  /** Points the feed at the active watchlist's symbols. */
  readonly watch: () => void;
}

/**
 * Changes to watchlists: each one is written through the port first, then the lists are read
 * back, so what the screen shows is what was stored. Failures (a name taken, a bad symbol)
 * become a notice, never an exception in a key handler.
 */
export function watchlistActions({ port, get, set, watch }: Deps) {
  const active = () => get().watchlists[get().activeWatchlist];
  const notice = (text: string, level: 'info' | 'error' = 'info') =>
    set({ notice: { text, level, atMs: get().nowMs } });
  const reload = (activeWatchlist = get().activeWatchlist) => {
    const watchlists = port.list();
    set({ watchlists, activeWatchlist: Math.max(0, Math.min(watchlists.length - 1, activeWatchlist)) });
  };
  const attempt = (fn: () => void): boolean => {
    try {
      fn();
      return true;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notice(error.message, 'error');
      return false;
    }
  };

  return {
    /** Switches to the watchlist `delta` places away (wrapping). */
    cycle(delta: number): void {
      const count = get().watchlists.length;
      if (count === 0) return;
      set({ activeWatchlist: (((get().activeWatchlist + delta) % count) + count) % count });
      watch();
    },
    create(name: string): void {
      if (attempt(() => port.create(name))) {
        reload(port.list().length - 1);
        watch();
        notice(`watchlist "${name.trim()}" created`);
      }
    },
    rename(name: string): void {
      const list = active();
      if (list && attempt(() => port.rename(list.id, name))) {
        reload();
        notice(`watchlist renamed to "${name.trim()}"`);
      }
    },
    /** Moves the active watchlist one place left or right among the tabs. */
    shift(delta: number): void {
      const list = active();
      if (!list) return;
      const to = get().activeWatchlist + delta;
      if (to < 0 || to >= get().watchlists.length) return;
      if (attempt(() => port.move(list.id, to))) reload(to);
    },
    /** Adds `text` as a symbol; returns the canonical symbol when it was added. */
    addSymbol(text: string): string | undefined {
      const list = active();
      const symbol = normalizeSymbol(text);
      if (!symbol) {
        notice(`"${text}" is not a symbol: letters, digits and . - = ^ / (e.g. ACME, BTC-USD)`, 'error');
        return undefined;
      }
      if (!list) return undefined;
      if (list.symbols.includes(symbol)) {
        notice(`${symbol} is already in ${list.name}`);
        return symbol;
      }
      if (!attempt(() => port.addSymbol(list.id, symbol))) return undefined;
      reload();
      watch();
      notice(`added ${symbol} to ${list.name}`);
      return symbol;
    },
    removeSymbol(symbol: string): void {
      const list = active();
      if (list && attempt(() => port.removeSymbol(list.id, symbol))) {
        reload();
        watch();
        notice(`removed ${symbol} from ${list.name}`);
      }
    },
    /** Moves `symbol` one place up or down in the stored order. */
    moveSymbol(symbol: string, delta: number): void {
      const list = active();
      if (!list) return;
      const at = list.symbols.indexOf(symbol);
      if (at < 0 || attempt(() => port.moveSymbol(list.id, symbol, at + delta))) reload();
    },
  };
}
