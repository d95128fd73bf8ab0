import { describe, expect, it } from 'vitest';
import { parseAddOptions } from '../../../src/commands/alerts/add.js';
import { cronLine, cronSchedule } from '../../../src/commands/alerts/cron.js';
import { parseAlertId } from '../../../src/commands/alerts/options.js';

describe('alerts add: argv to options', () => {
  it('reads every option', () => {
    expect(
      parseAddOptions('acme', ' price > 200 ', {
        name: 'breakout',
        interval: '1h',
        cooldown: '90m',
        once: true,
        notify: ['stdout,desktop', 'webhook:https://example.com/a,b'],
      }),
    ).toEqual({
      name: 'breakout',
      symbol: 'ACME',
      rule: 'price > 200',
      interval: '1h',
      cooldownMs: 90 * 60_000,
      once: true,
      notify: ['stdout', 'desktop', 'webhook:https://example.com/a,b'],
    });
  });

  it.each([
    [{ interval: '1d', cooldown: '0s' }, /--cooldown must be longer than zero/],
    [{ interval: '1d', cooldown: '-5m' }, /--cooldown must be a duration/],
    [{ interval: '3h' }, /--interval must be one of/],
    [{ interval: '1d', notify: ['sms:123'] }, /--notify: "sms:123" is not a notification target/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseAddOptions('ACME', 'price > 1', raw)).toThrow(message);
  });

  it('refuses a bad rule with the caret under its column', () => {
    expect(() => parseAddOptions('ACME', 'price >> 1', { interval: '1d' })).toThrow(
      /\(column 8\)\n {2}price >> 1\n {9}\^$/,
    );
  });
});

describe('alerts cron', () => {
  it.each([
    ['1m', '* * * * *'],
    ['5m', '*/5 * * * *'],
    ['1h', '0 * * * *'],
    ['6h', '0 */6 * * *'],
    ['24h', '0 0 * * *'],
  ])('%s is %s', (every, schedule) => expect(cronSchedule(every)).toBe(schedule));

  it.each(['7m', '90m', '5h', '30s'])('%s cannot be said in cron', (every) => {
    expect(() => cronSchedule(every)).toThrow(/cannot be written as a cron schedule/);
  });

  it('quotes paths that need it', () => {
    expect(
      cronLine({ schedule: '*/5 * * * *', node: '/opt/my node/node', script: '/x/stockato.js', home: "/h/o'k" }),
    ).toBe(`*/5 * * * * STOCKATO_HOME='/h/o'\\''k' '/opt/my node/node' /x/stockato.js alerts check`);
  });

  it('reads alert ids', () => {
    expect(parseAlertId('#12')).toBe(12);
    expect(() => parseAlertId('0')).toThrow(/not an alert id/);
  });
});
