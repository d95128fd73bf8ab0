import { Box, Text } from 'ink';
import { helpSections } from '../keymap.js';
import type { Theme } from '../theme.js';

export interface HelpOverlayProps {
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

interface HelpLine {
  readonly title?: string;
  readonly keys?: string;
  readonly description?: string;
}

/** Every key binding, generated from the keymap table, in as many columns as the height needs. */
export function HelpOverlay({ theme, width, height }: HelpOverlayProps) {
  const lines: HelpLine[] = helpSections().flatMap((section) => [
    { title: section.title },
    ...section.rows.map((row) => ({ keys: row.keys, description: row.description })),
  ]);
  const perColumn = Math.max(1, height - 3);
  const columns = Math.ceil(lines.length / perColumn);
  const columnWidth = Math.max(10, Math.floor((width - 2) / columns));
  const keysWidth = Math.max(...lines.map((line) => line.keys?.length ?? 0)) + 1;
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="double"
      borderColor={theme.focusBorder}
      overflow="hidden"
    >
      <Text bold wrap="truncate">
        Keys (press ? or Esc to close)
      </Text>
      <Box flexDirection="row" flexShrink={0}>
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={columnWidth} flexShrink={0}>
            {lines.slice(c * perColumn, (c + 1) * perColumn).map((line, i) =>
              line.title !== undefined ? (
                <Text key={i} bold color={theme.accent} wrap="truncate">
                  {line.title}
                </Text>
              ) : (
                <Text key={i} wrap="truncate">
                  {' '}
                  <Text bold>{(line.keys ?? '').padEnd(keysWidth)}</Text>
                  {line.description}
                </Text>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
