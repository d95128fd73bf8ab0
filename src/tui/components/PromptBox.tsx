import { Box, Text } from 'ink';
import type { Theme } from '../theme.js';
import type { Prompt } from '../ui-state.js';

const LABELS: Record<Prompt, string> = {
  'new-watchlist': 'New watchlist name',
  'rename-watchlist': 'Rename watchlist to',
  'add-alert': 'Alert rule (e.g. price > 200)',
};

export function PromptBox({
  prompt,
  input,
  theme,
  width,
}: {
  prompt: Prompt;
  input: string;
  theme: Theme;
  width: number;
}) {
  return (
    <Box width={width} borderStyle="round" borderColor={theme.focusBorder}>
      <Text>
        <Text bold>{LABELS[prompt]}: </Text>
        {input}
        <Text inverse> </Text>
        <Text color={theme.muted}> Enter accept · Esc cancel</Text>
      </Text>
    </Box>
  );
}
