import { Box, Text } from 'ink';
import { memo } from 'react';
import type { NewsView } from '../store/dash-store.js';
import type { Theme } from '../theme.js';

export interface NewsPaneProps {
  readonly news: NewsView;
  readonly provider: string;
  readonly selected: number;
  readonly focused: boolean;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Headlines for the selected symbol, when the provider has news. */
export const NewsPane = memo(function NewsPane(props: NewsPaneProps) {
  const { news, provider, selected, focused, theme, width, height } = props;
  const room = Math.max(0, height - 3);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.focusBorder : theme.border}
      overflow="hidden"
    >
      <Text bold>News{news.symbol ? ` · ${news.symbol}` : ''}</Text>
      {news.status === 'unavailable' ? (
        <Text color={theme.muted}>{provider} has no news; Yahoo Finance has</Text>
      ) : news.status === 'loading' ? (
        <Text color={theme.muted}>loading…</Text>
      ) : news.status === 'error' ? (
        <Text color={theme.down}>news failed: {news.message}</Text>
      ) : news.items.length === 0 ? (
        <Text color={theme.muted}>no recent headlines</Text>
      ) : (
        news.items.slice(0, room).map((item, i) => (
          <Text key={item.id} inverse={focused && i === selected} wrap="truncate">
            <Text color={theme.muted}>{new Date(item.publishedMs).toISOString().slice(5, 16).replace('T', ' ')} </Text>
            {item.title}
          </Text>
        ))
      )}
    </Box>
  );
});
