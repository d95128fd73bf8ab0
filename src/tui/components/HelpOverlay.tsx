import { Box, Text } from 'ink';
import { helpSections } from '../keymap.js';
import type { Theme } from '../theme.js';

export interface HelpOverlayProps {
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Every key binding, generated from the keymap table, in two columns when they fit. */
export function HelpOverlay({ theme, width, height }: HelpOverlayProps) {
  const sections = helpSections();
  const columns = width >= 100 ? 2 : 1;
  const perColumn = Math.ceil(sections.length / columns);
  const groups = Array.from({ length: columns }, (_, c) => sections.slice(c * perColumn, (c + 1) * perColumn));
  const columnWidth = Math.floor((width - 4) / columns);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="double"
      borderColor={theme.focusBorder}
      overflow="hidden"
    >
      <Text bold>Keys (press ? or Esc to close)</Text>
      <Box flexDirection="row">
        {groups.map((group, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {group.map((section) => (
              <Box key={section.title} flexDirection="column">
                <Text bold color={theme.accent}>
                  {section.title}
                </Text>
                {section.rows.map((row) => (
                  <Text key={`${section.title}-${row.keys}`} wrap="truncate">
                    {'  '}
                    <Text bold>{row.keys.padEnd(14)}</Text>
                    {row.description}
                  </Text>
                ))}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
