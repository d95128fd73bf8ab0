import { Box, Text } from 'ink';
import type { ConnectionView } from '../store/dash-store.js';
import type { Theme } from '../theme.js';
import { clockText } from '../format.js';

export interface HeaderProps {
  readonly nowMs: number;
  readonly session: string;
  readonly connections: readonly ConnectionView[];
  readonly demo: boolean;
  readonly theme: Theme;
  readonly width: number;
}

const STATE_MARK: Record<ConnectionView['state'], string> = {
  connecting: '◌',
  live: '●',
  reconnecting: '◐',
  stale: '◑',
  error: '✕',
  closed: '○',
};

/** Top line: name, DEMO badge, clock, market session, one mark per provider connection. */
export function Header({ nowMs, session, connections, demo, theme, width }: HeaderProps) {
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text bold color={theme.accent}>
        Stockato
      </Text>
      {demo ? (
        <Text>
          {' '}
          <Text bold inverse={!theme.color} color={theme.badge?.fg} backgroundColor={theme.badge?.bg}>
            {' DEMO '}
          </Text>
        </Text>
      ) : null}
      <Text> {clockText(nowMs)} UTC</Text>
      <Text color={theme.muted}> │ market </Text>
      <Text bold>{session}</Text>
      <Text color={theme.muted}> │</Text>
      {connections.map((c) => (
        <Text key={c.source} color={connectionColor(c.state, theme)}>
          {' '}
          {STATE_MARK[c.state]} {c.source} {c.state}
        </Text>
      ))}
    </Box>
  );
}

function connectionColor(state: ConnectionView['state'], theme: Theme): string | undefined {
  if (state === 'live') return theme.up;
  if (state === 'error') return theme.down;
  return theme.warning;
}
