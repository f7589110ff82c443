import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { wallTimeRowsOf } from '../../lab/chart-data';
import type { SweepResult } from '../../runtime/contract-types';
import { formatValue, REFERENCE_COLOR, seriesColor } from './chart-style';

type Props = { result: SweepResult };

/** Before and after per series: the median at the fewest threads next to the best threaded one. */
export function WallTimeChart({ result }: Props) {
  const rows = useMemo(() => wallTimeRowsOf(result), [result]);
  // Every series sweeps the same thread list, so the first row names the "before" for all.
  const baseThreads = rows[0]?.baseThreads ?? 1;
  return (
    <figure className="lab-chart" data-testid="walltime-chart">
      <figcaption>Median wall time (ms)</figcaption>
      <BarChart
        responsive
        style={{ width: '100%', aspectRatio: 2, maxHeight: 280 }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis label={{ value: 'ms', angle: -90, position: 'insideLeft' }} />
        <Tooltip
          formatter={(value, name, item) => {
            const threads = (item.payload as { bestThreads: number | null }).bestThreads;
            return name === 'best threaded' && threads !== null
              ? `${formatValue(value)} (${threads} threads)`
              : formatValue(value);
          }}
        />
        <Legend />
        <Bar
          dataKey="baseMs"
          name={`${baseThreads} thread${baseThreads === 1 ? '' : 's'}`}
          fill={REFERENCE_COLOR}
          isAnimationActive={false}
        />
        <Bar
          dataKey="bestMs"
          name="best threaded"
          fill={seriesColor(0)}
          isAnimationActive={false}
        />
      </BarChart>
    </figure>
  );
}
