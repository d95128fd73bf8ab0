import { Box, Text } from 'ink';
import type { SearchView } from '../store/dash-store.js';
import type { Theme } from '../theme.js';

export interface SearchBoxProps {
  readonly input: string;
  readonly search: SearchView;
  readonly selected: number;
  readonly theme: Theme;
  readonly width: number;
}

/** `/` search: the typed text and the provider's matches; Enter adds the highlighted one (or the text). */
export function SearchBox({ input, search, selected, theme, width }: SearchBoxProps) {
  const matches = search.query === input ? search.results.slice(0, 6) : [];
  return (
    <Box flexDirection="column" width={width} borderStyle="round" borderColor={theme.focusBorder}>
      <Text>
        <Text bold>Add symbol: </Text>
        {input}
        <Text inverse> </Text>
        <Text color={theme.muted}> Enter add · Esc cancel · ↑↓ choose</Text>
      </Text>
      {search.status === 'loading' && search.query === input ? <Text color={theme.muted}>searching…</Text> : null}
      {search.status === 'error' ? <Text color={theme.down}>search failed: {search.message}</Text> : null}
      {matches.map((m, i) => (
        <Text key={m.symbol} inverse={i === selected} wrap="truncate">
          {m.symbol.padEnd(10)} {m.name} <Text color={theme.muted}>{m.assetClass}</Text>
        </Text>
      ))}
    </Box>
  );
}
