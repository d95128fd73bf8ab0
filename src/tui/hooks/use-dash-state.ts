import { useSyncExternalStore } from 'react';
import type { DashState, DashStore } from '../store/dash-store.js';

/** The store's current snapshot; re-renders only when the store publishes a new one (~10/s at most). */
export function useDashState(store: DashStore): DashState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
