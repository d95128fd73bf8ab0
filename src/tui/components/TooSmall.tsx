import { Box, Text } from 'ink';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

/** Shown instead of the dashboard below the minimum size, saying what it needs. */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return (
    <Box flexDirection="column" width={columns}>
      <Text bold wrap="wrap">
        stockato dash needs a terminal of at least {MIN_COLUMNS}x{MIN_ROWS}
      </Text>
      <Text wrap="wrap">
        this one is {columns}x{rows}; make it larger, or press q to quit
      </Text>
    </Box>
  );
}
