import type { Scheduler, TimerHandle } from './scheduler.js';

/**
 * Control frames (auth, subscribe, unsubscribe) sent in order, no faster than the source's
 * `controlMessagesPerSecond`: one at once, the next after 1000 / rate ms. Cleared when the
 * connection drops, since a resubscribe after reconnecting rebuilds them from the counts.
 */
export class ControlQueue {
  readonly #frames: string[] = [];
  readonly #spacingMs: number;
  #lastSentMs = -Infinity;
  #timer: TimerHandle | undefined;
  #sent = 0;

  constructor(
    perSecond: number,
    private readonly scheduler: Scheduler,
    private readonly send: (frame: string) => void,
  ) {
    this.#spacingMs = perSecond > 0 ? 1000 / perSecond : 0;
  }

  /** Control frames sent since creation. */
  get sent(): number {
    return this.#sent;
  }

  get pending(): number {
    return this.#frames.length;
  }

  push(frames: readonly string[]): void {
    for (const frame of frames) this.#frames.push(frame);
    this.#drain();
  }

  clear(): void {
    this.#frames.length = 0;
    if (this.#timer !== undefined) this.scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #drain(): void {
    if (this.#timer !== undefined) return;
    while (this.#frames.length > 0) {
      const waitMs = this.#lastSentMs + this.#spacingMs - this.scheduler.nowMs();
      if (waitMs > 0) {
        this.#timer = this.scheduler.setTimeout(() => {
          this.#timer = undefined;
          this.#drain();
        }, waitMs);
        return;
      }
      this.#lastSentMs = this.scheduler.nowMs();
      this.#sent++;
      this.send(this.#frames.shift() as string);
    }
  }
}
