import { Box, Text } from 'ink';
import { memo } from 'react';
import { clockText } from '../format.js';
import type { AlertsView } from '../store/dash-store.js';
import type { Theme } from '../theme.js';

export interface AlertsPaneProps {
  readonly alerts: AlertsView;
  readonly selected: number;
  readonly focused: boolean;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Alert rules (on/off) and the latest firings; says plainly when alerts are not wired. */
export const AlertsPane = memo(function AlertsPane({
  alerts,
  selected,
  focused,
  theme,
  width,
  height,
}: AlertsPaneProps) {
  const room = Math.max(0, height - 3);
  const firingRoom = Math.min(alerts.firings.length, Math.floor(room / 2));
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.focusBorder : theme.border}
      overflow="hidden"
    >
      <Text bold>Alerts</Text>
      {alerts.unavailable ? (
        <Text color={theme.warning} wrap="truncate-end">
          {alerts.unavailable}
        </Text>
      ) : alerts.alerts.length === 0 ? (
        <Text color={theme.muted}>no alerts: press a (in this pane) to add one</Text>
      ) : (
        alerts.alerts.slice(0, room - firingRoom).map((a, i) => (
          <Text key={a.id} inverse={focused && i === selected} wrap="truncate">
            <Text color={a.enabled ? theme.up : theme.muted}>{a.enabled ? '● ' : '○ '}</Text>
            {a.symbol} {a.rule}
          </Text>
        ))
      )}
      {alerts.firings.slice(0, firingRoom).map((f) => (
        <Text key={`${f.alertId}-${f.firedMs}`} color={theme.warning} wrap="truncate">
          ⚑ {clockText(f.firedMs)} {f.symbol} {f.message}
        </Text>
      ))}
    </Box>
  );
});
