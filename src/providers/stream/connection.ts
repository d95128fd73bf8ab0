import WebSocket from 'ws';
import type { StreamEvent } from '../../engine/tick.js';
import { ControlQueue } from './control-queue.js';
import { backoffDelayMs, type BackoffPolicy, type Scheduler, type TimerHandle } from './scheduler.js';
import { chunk, SubscriptionCounts, type TickChannel } from './subscription-counts.js';
import type { ConnectionStatus, StreamAdapter } from './types.js';

/** A connection that stayed up this long was healthy: the next failure starts the backoff over. */
const STABLE_MS = 10_000;

/** Counters of one source's connection, for tests, `--debug` and the dashboard's status line. */
export interface ConnectionStats {
  /** Sockets opened (successfully or not), the first included. */
  connectAttempts: number;
  /** Times the connection was ready (open, authenticated, subscribed). */
  ready: number;
  frames: number;
  ticks: number;
  malformed: number;
  unknown: number;
  /** Connections replaced because no frame (nor pong) arrived within the heartbeat timeout. */
  stale: number;
  controlFramesSent: number;
}

export interface ConnectionHooks {
  /** Ticks and bars the source sent (statuses are handled here and reported through onStatus). */
  onEvent(event: StreamEvent, receivedMs: number): void;
  onStatus(status: ConnectionStatus | 'error', message: string, code?: string): void;
  /** The connection is ready again after being down since `downSinceMs` (local time). */
  onReconnected(downSinceMs: number): void;
}

export interface ConnectionOptions {
  readonly adapter: StreamAdapter;
  readonly scheduler: Scheduler;
  readonly backoff: BackoffPolicy;
  readonly hooks: ConnectionHooks;
  /** Opens a socket; tests may wrap it, the default is `new WebSocket(url)` from ws. */
  readonly createSocket?: (url: string) => WebSocket;
}

type State = 'idle' | 'connecting' | 'authenticating' | 'ready' | 'waiting' | 'failed' | 'closed';

/**
 * One source's WebSocket for the whole process: it opens lazily, authenticates, subscribes to
 * what the counts want (in batches of `symbolsPerMessage`, paced by `controlMessagesPerSecond`),
 * keeps the socket alive per the heartbeat policy, replaces it when it goes silent or reaches
 * `maxConnectionAgeMs`, and reconnects with jittered exponential backoff, resubscribing
 * everything. An authentication failure stops it for good: retrying a refused key only gets the
 * key banned.
 */
export class StreamConnection {
  readonly counts = new SubscriptionCounts();
  readonly stats: ConnectionStats = {
    connectAttempts: 0,
    ready: 0,
    frames: 0,
    ticks: 0,
    malformed: 0,
    unknown: 0,
    stale: 0,
    controlFramesSent: 0,
  };
  readonly #adapter: StreamAdapter;
  readonly #scheduler: Scheduler;
  readonly #hooks: ConnectionHooks;
  readonly #backoff: BackoffPolicy;
  readonly #createSocket: (url: string) => WebSocket;
  #state: State = 'idle';
  #socket: WebSocket | undefined;
  #control: ControlQueue | undefined;
  #failures = 0;
  #openedMs = 0;
  #lastSeenMs = 0;
  #downSinceMs: number | undefined;
  readonly #timers = new Map<'ping' | 'watch' | 'age', TimerHandle>();
  #reconnectTimer: TimerHandle | undefined;
  #failure: string | undefined;

  constructor(options: ConnectionOptions) {
    this.#adapter = options.adapter;
    this.#scheduler = options.scheduler;
    this.#hooks = options.hooks;
    this.#backoff = options.backoff;
    this.#createSocket = options.createSocket ?? ((url) => new WebSocket(url));
  }

  get state(): State {
    return this.#state;
  }

  /** Why the source refused us, once `state` is 'failed'. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Sends the subscription changes since the last call (connecting first if needed). */
  sync(): void {
    if (this.#state === 'closed' || this.#state === 'failed') return;
    if (this.#state === 'idle') {
      this.counts.reset();
      this.#connect();
      return;
    }
    if (this.#state !== 'ready') return; // subscribed in full once ready
    for (const change of this.counts.flush()) {
      this.#sendBatches(change.channel, change.unsubscribe, false);
      this.#sendBatches(change.channel, change.subscribe, true);
    }
  }

  close(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#teardown();
    if (this.#reconnectTimer !== undefined) this.#scheduler.clearTimeout(this.#reconnectTimer);
  }

  #connect(): void {
    this.#state = 'connecting';
    this.stats.connectAttempts++;
    let socket: WebSocket;
    try {
      socket = this.#createSocket(this.#adapter.url());
    } catch (error) {
      this.#lost(`cannot open ${this.#adapter.id} stream: ${(error as Error).message}`);
      return;
    }
    this.#socket = socket;
    this.#control = new ControlQueue(this.#adapter.limits.controlMessagesPerSecond, this.#scheduler, (frame) => {
      this.stats.controlFramesSent++;
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
    });
    socket.on('open', () => this.#opened(socket));
    socket.on('message', (data: WebSocket.RawData) => this.#frame(socket, data));
    socket.on('pong', () => this.#seen(socket));
    socket.on('ping', () => this.#seen(socket));
    socket.on('unexpected-response', (_request, response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      if (status === 401 || status === 403) this.#authFailed(`the server refused the connection (HTTP ${status})`);
      else this.#lost(`the server answered the upgrade with HTTP ${status}`);
      socket.terminate();
    });
    socket.on('error', (error) => {
      if (socket === this.#socket) this.#lost(error.message);
    });
    socket.on('close', (code, reason) => {
      if (socket === this.#socket) this.#lost(`closed by the server (${code}${reason.length ? ` ${reason}` : ''})`);
    });
  }

  #opened(socket: WebSocket): void {
    if (socket !== this.#socket) return;
    this.#openedMs = this.#lastSeenMs = this.#scheduler.nowMs();
    this.#startHeartbeat(socket);
    const maxAgeMs = this.#adapter.limits.maxConnectionAgeMs;
    if (maxAgeMs !== undefined && maxAgeMs > 0) {
      // A little before the source's limit (5 %, at most 5 minutes), so we choose the moment.
      const replaceAtMs = maxAgeMs - Math.min(maxAgeMs * 0.05, 300_000);
      this.#arm('age', () => this.#replace('the connection neared its age limit'), replaceAtMs);
    }
    this.#control?.push(this.#adapter.openFrames());
    if (this.#adapter.awaitsAuthentication) this.#state = 'authenticating';
    else this.#ready();
  }

  #ready(): void {
    this.#state = 'ready';
    this.stats.ready++;
    this.counts.reset();
    for (const channel of ['trades', 'quotes'] as const) this.#sendBatches(channel, this.counts.wanted(channel), true);
    this.#hooks.onStatus('connected', `connected to ${this.#adapter.id}`);
    const downSinceMs = this.#downSinceMs;
    this.#downSinceMs = undefined;
    if (downSinceMs !== undefined) this.#hooks.onReconnected(downSinceMs);
  }

  #sendBatches(channel: TickChannel, symbols: readonly string[], subscribe: boolean): void {
    if (symbols.length === 0) return;
    const channels = channel === 'trades' ? { trades: true } : { quotes: true };
    for (const batch of chunk(symbols, this.#adapter.limits.symbolsPerMessage)) {
      const frames = subscribe
        ? this.#adapter.subscribeFrames(batch, channels)
        : this.#adapter.unsubscribeFrames(batch, channels);
      this.#control?.push(frames);
    }
  }

  #frame(socket: WebSocket, data: WebSocket.RawData): void {
    if (socket !== this.#socket) return;
    const receivedMs = this.#scheduler.nowMs();
    this.#lastSeenMs = receivedMs;
    this.stats.frames++;
    const text = typeof data === 'string' ? data : data.toString();
    const answer = this.#adapter.reply?.(text);
    if (answer !== undefined) socket.send(answer);
    const events = this.#adapter.parse(text, receivedMs);
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as StreamEvent;
      switch (event.type) {
        case 'tick':
          this.stats.ticks++;
          this.#hooks.onEvent(event, receivedMs);
          break;
        case 'bar':
          this.#hooks.onEvent(event, receivedMs);
          break;
        case 'status':
          this.#status(event);
          break;
        case 'malformed':
          this.stats.malformed++;
          break;
        case 'unknown':
          this.stats.unknown++;
          break;
      }
    }
  }

  #status(event: Extract<StreamEvent, { type: 'status' }>): void {
    switch (event.status) {
      case 'authenticated':
        if (this.#state === 'authenticating') this.#ready();
        break;
      case 'auth-failed':
        this.#authFailed(event.message ?? `${this.#adapter.id} refused the credentials`);
        break;
      case 'shutdown':
        this.#replace(event.message ?? 'the server is shutting down');
        break;
      case 'error':
        this.#hooks.onStatus('error', event.message ?? `${this.#adapter.id} reported an error`, event.code);
        break;
      default:
        break; // connected, subscribed, heartbeat: liveness only
    }
  }

  #seen(socket: WebSocket): void {
    if (socket === this.#socket) this.#lastSeenMs = this.#scheduler.nowMs();
  }

  #startHeartbeat(socket: WebSocket): void {
    const { kind, intervalMs, timeoutMs } = this.#adapter.heartbeat;
    if (kind === 'ping' && intervalMs > 0) {
      const ping = () => {
        if (socket !== this.#socket) return;
        if (socket.readyState === WebSocket.OPEN) socket.ping();
        this.#arm('ping', ping, intervalMs);
      };
      this.#arm('ping', ping, intervalMs);
    }
    // One watchdog timer, re-armed for the remaining time instead of reset on every frame.
    const watch = () => {
      if (socket !== this.#socket) return;
      const silentMs = this.#scheduler.nowMs() - this.#lastSeenMs;
      if (silentMs >= timeoutMs) {
        this.stats.stale++;
        this.#hooks.onStatus('stale', `no data from ${this.#adapter.id} for ${silentMs} ms`);
        this.#replace('the connection went silent');
        return;
      }
      this.#arm('watch', watch, timeoutMs - silentMs);
    };
    this.#arm('watch', watch, timeoutMs);
  }

  /** Drops the socket now and reconnects at once (age limit, server shutdown, silence). */
  #replace(reason: string): void {
    if (this.#state === 'closed' || this.#state === 'failed') return;
    this.#downSinceMs ??= this.#scheduler.nowMs();
    this.#teardown();
    this.#failures = 0;
    this.#hooks.onStatus('reconnecting', `${reason}; reconnecting now`, '0');
    this.#connect();
  }

  #lost(reason: string): void {
    if (this.#state === 'closed' || this.#state === 'failed' || this.#state === 'waiting') return;
    const nowMs = this.#scheduler.nowMs();
    const wasStable = this.#openedMs > 0 && nowMs - this.#openedMs >= STABLE_MS;
    this.#downSinceMs ??= nowMs;
    this.#teardown();
    this.#failures = wasStable ? 1 : this.#failures + 1;
    const delayMs = backoffDelayMs(this.#backoff, this.#failures, this.#scheduler.random());
    this.#state = 'waiting';
    this.#hooks.onStatus('reconnecting', `${reason}; reconnecting in ${delayMs} ms`, String(this.#failures));
    this.#reconnectTimer = this.#scheduler.setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (this.#state === 'waiting') this.#connect();
    }, delayMs);
  }

  #authFailed(message: string): void {
    if (this.#state === 'closed' || this.#state === 'failed') return;
    this.#teardown();
    this.#state = 'failed';
    this.#failure = message;
    this.#hooks.onStatus('auth-failed', message);
  }

  #arm(name: 'ping' | 'watch' | 'age', run: () => void, delayMs: number): void {
    this.#timers.set(name, this.#scheduler.setTimeout(run, delayMs));
  }

  #teardown(): void {
    for (const timer of this.#timers.values()) this.#scheduler.clearTimeout(timer);
    this.#timers.clear();
    this.#control?.clear();
    this.#control = undefined;
    this.#openedMs = 0;
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) {
      socket.removeAllListeners('message');
      socket.on('error', () => undefined); // a late error of a socket we dropped is not ours
      socket.terminate();
    }
  }
}
