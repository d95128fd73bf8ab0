import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { Bar } from '../../engine/bar.js';
import type { Segment } from '../chart/cells.js';
import { drawChart, type ChartMode, type ChartPane as Pane } from '../chart/chart-model.js';
import {
  overlaySeries,
  subPaneSeries,
  toCandles,
  type OverlayName,
  type SubPaneName,
} from '../chart/indicator-series.js';
import { CHART_RANGES } from '../chart/ranges.js';
import { axisLabel, fit } from '../format.js';
import type { ChartView } from '../store/dash-store.js';
import type { Theme } from '../theme.js';

export interface ChartPaneProps {
  readonly chart: ChartView;
  readonly mode: ChartMode;
  readonly overlays: readonly OverlayName[];
  readonly subPane: SubPaneName;
  readonly focused: boolean;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const AXIS_WIDTH = 9;

/** The selected symbol's chart: range tabs, candles or a line, overlays, volume and RSI/MACD. */
export const ChartPane = memo(function ChartPane(props: ChartPaneProps) {
  const { chart, mode, overlays, subPane, focused, theme, width, height } = props;
  const plotWidth = Math.max(4, width - 2 - AXIS_WIDTH);
  const plotHeight = Math.max(1, height - 3);
  const picture = useMemo(
    () => (chart.bars.length > 0 ? picture0(chart.bars, mode, overlays, subPane, plotWidth, plotHeight) : undefined),
    [chart.bars, mode, overlays, subPane, plotWidth, plotHeight],
  );
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.focusBorder : theme.border}
      overflow="hidden"
    >
      <Text wrap="truncate">
        <Text bold>{chart.symbol ?? '—'} </Text>
        {CHART_RANGES.map((r) =>
          r.label === chart.range ? (
            <Text key={r.label} bold color={theme.accent}>{`[${r.label}]`}</Text>
          ) : (
            <Text key={r.label} color={theme.muted}>{` ${r.label} `}</Text>
          ),
        )}
        <Text color={theme.muted}>
          {' '}
          {mode}
          {overlays.length > 0 ? ` ${overlays.join(' ').toUpperCase()}` : ''}
          {subPane !== 'none' ? ` · ${subPane.toUpperCase()}` : ''}
        </Text>
      </Text>
      {picture ? (
        <ChartBody picture={picture} theme={theme} plotWidth={plotWidth} />
      ) : (
        <Text color={chart.status === 'error' ? theme.down : theme.muted}>{placeholder(chart)}</Text>
      )}
    </Box>
  );
});

function picture0(
  bars: readonly Bar[],
  mode: ChartMode,
  overlays: readonly OverlayName[],
  subPane: SubPaneName,
  width: number,
  height: number,
) {
  const sub = subPaneSeries(subPane, bars);
  return drawChart({
    candles: toCandles(bars),
    mode,
    overlays: overlaySeries(overlays, bars),
    ...(sub ? { subPane: sub } : {}),
    width,
    height,
  });
}

function placeholder(chart: ChartView): string {
  if (chart.status === 'error') return `no chart: ${chart.error ?? 'history failed'}`;
  if (chart.status === 'ready') return 'no bars in this range';
  return chart.symbol ? 'loading…' : 'select a symbol';
}

interface BodyProps {
  readonly picture: ReturnType<typeof drawChart>;
  readonly theme: Theme;
  readonly plotWidth: number;
}

function ChartBody({ picture, theme, plotWidth }: BodyProps) {
  const priceRows = picture.price.rows.length;
  const priceLabel = (y: number) =>
    y === 0 ? axisLabel(picture.price.scale.max) : y === priceRows - 1 ? axisLabel(picture.price.scale.min) : '';
  return (
    <>
      <PaneRows pane={picture.price} label={priceLabel} theme={theme} />
      {picture.volume ? <PaneRows pane={picture.volume} label={(y) => (y === 0 ? 'vol' : '')} theme={theme} /> : null}
      {picture.sub ? (
        <>
          <Text color={theme.muted}>{'┄'.repeat(plotWidth)}</Text>
          <PaneRows pane={picture.sub} label={subLabel(picture.sub)} theme={theme} />
        </>
      ) : null}
    </>
  );
}

function subLabel(sub: Pane): (y: number) => string {
  return (y) => (y === 0 ? axisLabel(sub.scale.max) : y === sub.rows.length - 1 ? axisLabel(sub.scale.min) : '');
}

function PaneRows({ pane, label, theme }: { pane: Pane; label: (y: number) => string; theme: Theme }) {
  return (
    <>
      {pane.rows.map((row, y) => (
        <Text key={y} wrap="truncate">
          <SegmentsText segments={row} theme={theme} />
          <Text color={theme.muted}> {fit(label(y), AXIS_WIDTH - 1, 'left')}</Text>
        </Text>
      ))}
    </>
  );
}

function SegmentsText({ segments, theme }: { segments: readonly Segment[]; theme: Theme }) {
  return (
    <>
      {segments.map((s, i) => (
        <Text key={i} color={s.tone ? theme.tones[s.tone] : undefined}>
          {s.text}
        </Text>
      ))}
    </>
  );
}
