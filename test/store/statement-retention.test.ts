import { describe, expect, it } from 'vitest';
import { needsStatementRetention } from '../../src/store/statement-retention.js';

describe('needsStatementRetention', () => {
  it.each([
    ['20.19.0', false],
    ['22.12.0', false],
    ['24.0.0', true],
    ['26.1.0', true],
  ])('Node %s: %s', (version, expected) => {
    expect(needsStatementRetention(version)).toBe(expected);
  });
});
