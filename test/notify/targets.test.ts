import { describe, expect, it } from 'vitest';
import { formatNotifyTarget, parseNotifyTarget } from '../../src/notify/targets.js';
import { webhookRequest } from '../../src/notify/webhook.js';
import { firingEnv } from '../../src/notify/message.js';

const FIRING = {
  id: 9,
  alertId: 3,
  seq: 2,
  firedMs: Date.UTC(2026, 2, 4, 18),
  barMs: Date.UTC(2026, 2, 4),
  symbol: 'ACME',
  name: 'dip',
  rule: 'rsi(14) < 30',
  interval: '1d' as const,
  values: [{ label: 'rsi(14)', value: 27.123456789, previous: 31 }],
};

describe('parseNotifyTarget', () => {
  it.each([
    ['stdout', 'stdout'],
    [' desktop ', 'desktop'],
    ['cmd: notify.sh --loud', 'cmd:notify.sh --loud'],
    ['webhook:https://example.com/a?b=1,2', 'webhook:https://example.com/a?b=1,2'],
    ['slack:https://hooks.slack.com/x', 'slack:https://hooks.slack.com/x'],
    ['ntfy:http://127.0.0.1:8080/topic', 'ntfy:http://127.0.0.1:8080/topic'],
  ])('accepts %s', (text, canonical) => {
    const result = parseNotifyTarget(text);
    expect(result.ok && formatNotifyTarget(result.target)).toBe(canonical);
  });

  it.each([
    ['webhook:example.com', /is not an http or https URL/],
    ['discord:ftp://x.example/y', /is not an http or https URL/],
    ['cmd:', /names no command/],
    ['email:me@example.com', /is not a notification target; use stdout, desktop/],
  ])('refuses %s', (text, message) => {
    const result = parseNotifyTarget(text);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});

describe('notification formats', () => {
  it('words a firing the same way in every format', () => {
    const line = 'alert #3 "dip" ACME 1d: rsi(14) < 30 (rsi(14)=27.123457)';
    expect(JSON.parse(webhookRequest('slack', FIRING).body)).toEqual({ text: line });
    expect(JSON.parse(webhookRequest('discord', FIRING).body)).toEqual({ content: line });
    expect(webhookRequest('ntfy', FIRING)).toMatchObject({ body: line, headers: { title: 'Stockato alert: ACME' } });
    expect(JSON.parse(webhookRequest('webhook', FIRING).body)).toMatchObject({
      type: 'alert.fired',
      alert: {
        alertId: 3,
        firingId: 9,
        seq: 2,
        firedAt: '2026-03-04T18:00:00.000Z',
        barTime: '2026-03-04T00:00:00.000Z',
        message: line,
      },
    });
    expect(firingEnv(FIRING)).toMatchObject({
      STOCKATO_ALERT_ID: '3',
      STOCKATO_ALERT_NAME: 'dip',
      STOCKATO_ALERT_MESSAGE: line,
    });
  });
});
