import { describe, expect, it } from 'vitest';
import {
  INITIAL_TRIGGER_STATE,
  stepTrigger,
  type TriggerPolicy,
  type TriggerReason,
} from '../../../src/engine/alerts/index.js';

const MIN = 60_000;
const PLAIN: TriggerPolicy = { cooldownMs: 0, once: false };

/** Runs a sequence of conditions (one a minute) and returns which steps fired, and why. */
function run(
  conditions: ReadonlyArray<boolean | null>,
  policy: TriggerPolicy = PLAIN,
): { fired: string; reasons: TriggerReason[] } {
  let state = INITIAL_TRIGGER_STATE;
  let fired = '';
  const reasons: TriggerReason[] = [];
  conditions.forEach((condition, i) => {
    const step = stepTrigger(state, condition, i * MIN, i * MIN, policy);
    state = step.state;
    fired += step.fired ? 'F' : '.';
    reasons.push(step.reason);
  });
  return { fired, reasons };
}

const T = true;
const F = false;
const N = null;

describe('stepTrigger', () => {
  it.each([
    ['a level rule fires when it becomes true', [T, T, T], PLAIN, 'F..'],
    ['and again after it was false', [T, F, T, T, F, T], PLAIN, 'F.F..F'],
    ['not before it was ever true', [F, F, T], PLAIN, '..F'],
    ['unknown neither fires nor re-arms', [T, N, T, F, N, T], PLAIN, 'F....F'],
    ['a cooldown swallows a change to true within it', [T, F, T, F, T], { cooldownMs: 3 * MIN, once: false }, 'F...F'],
    ['a cooldown that has passed does not block', [T, F, F, F, T], { cooldownMs: 3 * MIN, once: false }, 'F...F'],
    ['once fires one time only', [T, F, T, F, T], { cooldownMs: 0, once: true }, 'F....'],
    ['a cross condition (true for its bar) fires once per cross', [F, T, T, F, F, T], PLAIN, '.F...F'],
  ])('%s', (_name, conditions, policy, expected) => {
    expect(run(conditions, policy).fired).toBe(expected);
  });

  it('names why nothing fired', () => {
    expect(run([T, T, F, N, T], { cooldownMs: 10 * MIN, once: false }).reasons).toEqual([
      'fired',
      'already-true',
      'false',
      'unknown',
      'cooldown',
    ]);
    expect(run([T, F, T], { cooldownMs: 0, once: true }).reasons).toEqual(['fired', 'exhausted', 'exhausted']);
  });

  it('ignores data older than what it already evaluated', () => {
    const first = stepTrigger(INITIAL_TRIGGER_STATE, false, 10 * MIN, 10 * MIN, PLAIN);
    const old = stepTrigger(first.state, true, 5 * MIN, 11 * MIN, PLAIN);
    expect(old).toMatchObject({ fired: false, reason: 'stale', state: first.state });
  });

  it('counts firings and remembers the last', () => {
    let state = INITIAL_TRIGGER_STATE;
    for (const [i, c] of [T, F, T].entries()) state = stepTrigger(state, c, i, 1000 + i, PLAIN).state;
    expect(state).toMatchObject({ firedCount: 2, lastFiredMs: 1002, armed: false, lastObservedMs: 2 });
  });
});
