import type { AddressInfo } from 'node:net';
import { WebSocketServer, type ServerOptions, type WebSocket } from 'ws';
import type { StreamEvent } from '../../../src/engine/tick.js';
import type { Scheduler, TimerHandle } from '../../../src/providers/stream/scheduler.js';
import type { StreamSubscription } from '../../../src/providers/stream/types.js';

/** Polls `predicate` every 5 ms until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Everything a subscription delivers, taken as soon as it is ready (a fast consumer). */
export function collect(subscription: StreamSubscription): StreamEvent[] {
  const events: StreamEvent[] = [];
  const drain = () => {
    events.push(...subscription.take());
    subscription.onReady(() => queueMicrotask(drain));
  };
  subscription.onReady(() => queueMicrotask(drain));
  return events;
}

export function statuses(events: readonly StreamEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'status' ? [event.status] : []));
}

/** A manual clock and timer queue: time moves only when a test calls `advance`. */
export class ManualScheduler implements Scheduler {
  #nowMs: number;
  #timers = new Map<object, { atMs: number; run: () => void }>();

  constructor(startMs = 1_000_000) {
    this.#nowMs = startMs;
  }

  nowMs(): number {
    return this.#nowMs;
  }

  setTimeout(run: () => void, delayMs: number): TimerHandle {
    const handle = {};
    this.#timers.set(handle, { atMs: this.#nowMs + Math.max(0, delayMs), run });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as object);
  }

  random(): number {
    return 0.5;
  }

  /** Runs every timer due up to now + `ms`, in time order. */
  advance(ms: number): void {
    const until = this.#nowMs + ms;
    for (;;) {
      let next: [object, { atMs: number; run: () => void }] | undefined;
      for (const entry of this.#timers)
        if (entry[1].atMs <= until && (!next || entry[1].atMs < next[1].atMs)) next = entry;
      if (!next) break;
      this.#timers.delete(next[0]);
      this.#nowMs = Math.max(this.#nowMs, next[1].atMs);
      next[1].run();
    }
    this.#nowMs = until;
  }
}

/** A bare ws server on 127.0.0.1 and a free port, with its connections. */
export async function startWsServer(
  options: ServerOptions = {},
): Promise<{ server: WebSocketServer; url: string; port: number; sockets: WebSocket[]; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, ...options });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const sockets: WebSocket[] = [];
  server.on('connection', (socket) => sockets.push(socket));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `ws://127.0.0.1:${port}`,
    port,
    sockets,
    close: async () => {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An exchange clock that starts at `startMs` and runs `speed` times faster than the wall clock. */
export function fastClock(startMs: number, speed: number): () => number {
  const t0 = Date.now();
  return () => startMs + Math.floor((Date.now() - t0) * speed);
}
