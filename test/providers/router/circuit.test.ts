import { describe, expect, it } from 'vitest';
import { Circuit } from '../../../src/providers/router/circuit.js';
import { createRouter } from '../../../src/providers/router/router.js';
import { FakeProvider, ManualClock, failures, sources } from './fakes.js';

const OPTIONS = { failureThreshold: 3, coolDownMs: 10_000 };

describe('Circuit', () => {
  it('opens after the threshold of consecutive failures, half-opens after the cool-down', () => {
    const circuit = new Circuit(OPTIONS);
    circuit.failed(0);
    circuit.failed(0);
    expect(circuit.state(0)).toBe('closed');
    circuit.failed(100);
    expect(circuit.state(100)).toBe('open');
    expect(circuit.acquire(10_099)).toBe(false);
    expect(circuit.blockedUntilMs(10_099)).toBe(10_100);
    expect(circuit.state(10_100)).toBe('half-open');
    expect(circuit.acquire(10_100)).toBe(true);
    expect(circuit.acquire(10_100)).toBe(false); // one trial at a time
  });

  it.each([
    ['a success closes it', (c: Circuit) => c.succeeded(), 'closed'],
    ['a failure opens it for another cool-down', (c: Circuit) => c.failed(20_000), 'open'],
  ] as const)('after the half-open trial, %s', (_name, outcome, state) => {
    const circuit = new Circuit({ failureThreshold: 1, coolDownMs: 10_000 });
    circuit.failed(0);
    expect(circuit.acquire(10_000)).toBe(true);
    outcome(circuit);
    expect(circuit.state(20_000)).toBe(state);
  });

  it('a success in between resets the count of consecutive failures', () => {
    const circuit = new Circuit(OPTIONS);
    circuit.failed(0);
    circuit.failed(0);
    circuit.succeeded();
    circuit.failed(0);
    expect(circuit.state(0)).toBe('closed');
  });
});

describe('router circuit breaker', () => {
  it('stops asking a failing provider, tries it once after the cool-down, and uses it again once it answers', async () => {
    const clock = new ManualClock();
    let healthy = false;
    const a = new FakeProvider('a');
    a.throwAll = () => (healthy ? undefined : failures.serverError('a'));
    const b = new FakeProvider('b');
    const router = createRouter({ chain: [a, b], clock, circuit: OPTIONS });
    const ask = async (symbol: string) => Object.values(sources(await router.getQuotes([symbol])))[0];

    for (const symbol of ['S1', 'S2', 'S3']) expect(await ask(symbol)).toBe('b');
    expect(a.calls).toBe(3);
    expect(await ask('S4')).toBe('b'); // open: a is not asked
    expect(a.calls).toBe(3);

    clock.advance(10_000); // half-open: the trial fails, the circuit opens again
    expect(await ask('S5')).toBe('b');
    expect(a.calls).toBe(4);
    expect(await ask('S6')).toBe('b');
    expect(a.calls).toBe(4);

    clock.advance(10_000);
    healthy = true;
    expect(await ask('S7')).toBe('a'); // the trial answers: closed
    expect(await ask('S8')).toBe('a');
    expect(a.calls).toBe(6);
  });

  it('says in the error that the circuit is open and for how long', async () => {
    const a = new FakeProvider('a', { '*': failures.timeout('a') });
    const router = createRouter({
      chain: [a],
      clock: new ManualClock(),
      circuit: { failureThreshold: 1, coolDownMs: 90_000 },
    });
    await router.getHistory({ symbol: 'AAPL', interval: '1d', fromMs: 0, toMs: 1 }).catch(() => undefined);
    const error = await router
      .getHistory({ symbol: 'AAPL', interval: '1d', fromMs: 0, toMs: 2 })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'no provider could answer for AAPL: a: circuit open after 1 failure in a row (retry in 2m)',
    );
  });

  it('does not count a final answer such as an unknown symbol as a failure', async () => {
    const a = new FakeProvider('a', { ZZZZ: failures.unknown('a', 'ZZZZ'), '*': 'ok' });
    const router = createRouter({
      chain: [a],
      clock: new ManualClock(),
      circuit: { failureThreshold: 1, coolDownMs: 1000 },
    });
    await router.getQuotes(['ZZZZ']);
    await router.getHistory({ symbol: 'ZZZZ', interval: '1d', fromMs: 0, toMs: 1 }).catch(() => undefined);
    expect(sources(await router.getQuotes(['AAPL']))).toEqual({ AAPL: 'a' });
  });
});
