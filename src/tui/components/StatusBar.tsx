import { Box, Text } from 'ink';
import type { DashState } from '../store/dash-store.js';
import type { Theme } from '../theme.js';

const HINTS = '? help  / add  tab pane  [ ] lists  1-8 range  c mode  q quit';
/** A notice stays this long before the key hints come back. */
const NOTICE_MS = 6_000;

export function StatusBar({
  notice,
  nowMs,
  theme,
  width,
}: {
  notice: DashState['notice'];
  nowMs: number;
  theme: Theme;
  width: number;
}) {
  const showNotice = notice !== undefined && nowMs - notice.atMs < NOTICE_MS;
  return (
    <Box width={width} height={1} overflow="hidden">
      {showNotice ? (
        <Text color={notice.level === 'error' ? theme.down : theme.accent} wrap="truncate">
          {notice.text}
        </Text>
      ) : (
        <Text color={theme.muted} wrap="truncate">
          {HINTS}
        </Text>
      )}
    </Box>
  );
}
