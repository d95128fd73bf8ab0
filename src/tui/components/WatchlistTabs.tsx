import { Box, Text } from 'ink';
import type { Watchlist } from '../../store/watchlist-repository.js';
import type { Theme } from '../theme.js';

export interface WatchlistTabsProps {
  readonly watchlists: readonly Watchlist[];
  readonly active: number;
  readonly theme: Theme;
  readonly width: number;
}

/** The named watchlists as tabs; `[` `]` switch. */
export function WatchlistTabs({ watchlists, active, theme, width }: WatchlistTabsProps) {
  return (
    <Box width={width} height={1} overflow="hidden">
      {watchlists.map((list, i) => (
        <Text key={list.id}>
          {i === active ? (
            <Text bold inverse>
              {` ${list.name} `}
            </Text>
          ) : (
            <Text color={theme.muted}>{` ${list.name} `}</Text>
          )}{' '}
        </Text>
      ))}
    </Box>
  );
}
