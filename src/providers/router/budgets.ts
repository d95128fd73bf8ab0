import type { BudgetDecision, BudgetLimits } from '../../store/budget-repository.js';
import { budgetWindows } from '../../store/budget-repository.js';

export type { BudgetDecision, BudgetLimits } from '../../store/budget-repository.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Where the router spends request budgets and records Retry-After blocks. The store's
 * BudgetRepository is one (shared by every process on the database); MemoryBudgets is the other,
 * for a router without a database. Both are synchronous, so deciding and spending cannot be
 * interleaved with another request of the same process.
 */
export interface BudgetLedger {
  tryConsume(provider: string, nowMs: number, limits: BudgetLimits): BudgetDecision;
  blockUntil(provider: string, nowMs: number, untilMs: number): void;
}

interface MemoryWindow {
  startMs: number;
  used: number;
}

interface MemoryAccount {
  minute: MemoryWindow;
  day: MemoryWindow;
  blockedUntilMs: number;
}

/** The same rules as BudgetRepository, kept in this process only. */
export class MemoryBudgets implements BudgetLedger {
  readonly #accounts = new Map<string, MemoryAccount>();

  tryConsume(provider: string, nowMs: number, limits: BudgetLimits): BudgetDecision {
    const account = this.#account(provider, nowMs);
    if (account.blockedUntilMs > nowMs) return { ok: false, reason: 'retry-after', retryAtMs: account.blockedUntilMs };
    if (limits.perDay !== undefined && account.day.used >= limits.perDay) {
      return { ok: false, reason: 'per-day', retryAtMs: account.day.startMs + DAY_MS };
    }
    if (limits.perMinute !== undefined && account.minute.used >= limits.perMinute) {
      return { ok: false, reason: 'per-minute', retryAtMs: account.minute.startMs + MINUTE_MS };
    }
    account.minute.used += 1;
    account.day.used += 1;
    return { ok: true };
  }

  blockUntil(provider: string, nowMs: number, untilMs: number): void {
    const account = this.#account(provider, nowMs);
    account.blockedUntilMs = Math.max(account.blockedUntilMs, untilMs);
  }

  /** The account with its windows moved on to the ones holding `nowMs`. */
  #account(provider: string, nowMs: number): MemoryAccount {
    const { minuteStartMs, dayStartMs } = budgetWindows(nowMs);
    let account = this.#accounts.get(provider);
    if (!account) {
      account = {
        minute: { startMs: minuteStartMs, used: 0 },
        day: { startMs: dayStartMs, used: 0 },
        blockedUntilMs: 0,
      };
      this.#accounts.set(provider, account);
    }
    if (account.minute.startMs !== minuteStartMs) account.minute = { startMs: minuteStartMs, used: 0 };
    if (account.day.startMs !== dayStartMs) account.day = { startMs: dayStartMs, used: 0 };
    return account;
  }
}
