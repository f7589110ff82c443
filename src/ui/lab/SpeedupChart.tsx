import { useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { speedupRowsOf, type SpeedupRow } from '../../lab/chart-data';
import { statedSerialFractionOf } from '../../lab/reading';
import type { SweepResult } from '../../runtime/contract-types';
import { AMDAHL_COLOR, formatValue, REFERENCE_COLOR, seriesColor } from './chart-style';

type Props = { result: SweepResult };

// The y axis stops a little above what was measured or achievable on this machine: the pure
// ideal y = n would otherwise squash every CPU-bound series flat against the axis, so it is
// drawn clipped, leaving the chart at its slope.
function yMaxOf(rows: readonly SpeedupRow[]): number {
  const reached = rows.flatMap((row) => [
    row.ideal,
    ...row.speedup.filter((s): s is number => s !== null),
    ...row.band.flatMap((b) => (b ? [b[1]] : [])),
  ]);
  return Math.ceil(Math.max(1, ...reached) * 1.15);
}

/** Speedup against thread count (log₂ axis), per series, with the ideals and the Amdahl fit. */
export function SpeedupChart({ result }: Props) {
  const rows = useMemo(() => speedupRowsOf(result), [result]);
  const cores = result.hardwareConcurrency;
  const s = statedSerialFractionOf(result);
  return (
    <figure className="lab-chart" data-testid="speedup-chart">
      <figcaption>Speedup over one thread</figcaption>
      <ComposedChart
        responsive
        style={{ width: '100%', aspectRatio: 1.6, maxHeight: 360 }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="threads"
          type="number"
          scale="log"
          domain={['dataMin', 'dataMax']}
          ticks={rows.map((row) => row.threads)}
          label={{ value: 'threads', position: 'insideBottomRight', offset: -4 }}
        />
        <YAxis
          domain={[0, yMaxOf(rows)]}
          allowDataOverflow
          label={{ value: 'speedup ×', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip formatter={formatValue} labelFormatter={(n) => `${String(n)} threads`} />
        <Legend />
        <ReferenceLine
          x={cores}
          ifOverflow="extendDomain"
          stroke={REFERENCE_COLOR}
          label={{ value: 'hardware threads', position: 'top' }}
        />
        {result.series.map((series, i) => (
          <Area
            key={`band-${series.label}`}
            dataKey={(row: SpeedupRow) => row.band[i]}
            name={`${series.label} (min–max)`}
            legendType="none"
            stroke="none"
            fill={seriesColor(i)}
            fillOpacity={0.15}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        <Line
          dataKey="linear"
          name="ideal y = n"
          className="lab-reference-line"
          stroke={REFERENCE_COLOR}
          strokeDasharray="2 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="ideal"
          name={`ideal on ${cores} hardware threads`}
          className="lab-reference-line"
          stroke={REFERENCE_COLOR}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        {s !== undefined && (
          <Line
            dataKey="amdahl"
            name={`Amdahl, ${Math.round(s * 100)}% serial`}
            className="lab-reference-line"
            stroke={AMDAHL_COLOR}
            strokeDasharray="8 3 2 3"
            dot={false}
            isAnimationActive={false}
          />
        )}
        {result.series.map((series, i) => (
          <Line
            key={series.label}
            dataKey={(row: SpeedupRow) => row.speedup[i]}
            name={series.label}
            className="lab-series-line"
            stroke={seriesColor(i)}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </figure>
  );
}
