import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/engine/clock.js';
import { runCli } from '../../src/main.js';
import { OFFLINE_ENDPOINTS } from '../e2e/run-cli.js';

/** An in-memory stream that says whether it is a terminal. */
function capture(isTTY: boolean) {
  let text = '';
  return {
    isTTY,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'stockato-run-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function run(args: string[], { isTTY = false, env = {} as Record<string, string> } = {}) {
  const stdout = capture(isTTY);
  const stderr = capture(false);
  const code = await runCli(['node', 'stockato', ...args], {
    stdin: process.stdin,
    stdout,
    stderr,
    env: { STOCKATO_HOME: home, ...OFFLINE_ENDPOINTS, ...env },
    clock: fixedClock(Date.UTC(2026, 2, 4, 18)),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('runCli', () => {
  it('renders a colored table on a terminal and notes that the data is simulated', async () => {
    const result = await run(['quote', 'ACME', '--demo'], { isTTY: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^.*SYMBOL.*LAST.*CHG%/);
    expect(result.stdout).toContain('\u001b[');
    expect(result.stderr).toContain('demo market: simulated prices');
  });

  it('keeps the table plain with NO_COLOR or --no-color', async () => {
    expect((await run(['quote', 'ACME', '--demo'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await run(['quote', 'ACME', '--demo', '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });

  it('gives the same quote for the same clock and seed', async () => {
    const first = await run(['quote', 'ACME', '--demo', '--json']);
    const second = await run(['quote', 'ACME', '--demo', '--json']);
    expect(second.stdout).toBe(first.stdout);
  });

  it('honours --quiet for warnings but never for errors', async () => {
    const result = await run(['quote', 'ACME', 'NOPE', '--demo', '--quiet'], { isTTY: true });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('warning');
    expect(result.stderr).toContain('NOPE');
  });

  it('refuses --demo together with another provider', async () => {
    const result = await run(['quote', 'ACME', '--demo', '--provider', 'yahoo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('contradict');
  });

  it('names an unknown help topic and lists the known ones', async () => {
    const result = await run(['help', 'nothing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('exit-codes');
  });
});
