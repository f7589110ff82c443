import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketMsFor, throughputSeries } from '../../lab/throughput';
import { formatValue, seriesColor } from './chart-style';

type Props = {
  /** When each item completed, in ms since the run started (e.g. RunReport.output[].t). */
  timesMs: readonly number[];
  /** Now, for a run still going; absent once it has ended. */
  endMs?: number;
  /** Bucket width; by default a round width giving at most 60 buckets. */
  bucketMs?: number;
};

/** Items completed per second over the run, bucketed so the SVG stays small. */
export function ThroughputChart({ timesMs, endMs, bucketMs }: Props) {
  const data = useMemo(() => {
    const spanMs = endMs ?? Math.max(0, ...timesMs);
    return throughputSeries(timesMs, bucketMs ?? bucketMsFor(spanMs), endMs);
  }, [timesMs, endMs, bucketMs]);
  return (
    <figure className="lab-chart" data-testid="throughput-chart">
      <figcaption>Throughput (items per second)</figcaption>
      <LineChart
        responsive
        style={{ width: '100%', aspectRatio: 2.4, maxHeight: 240 }}
        data={data}
        margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="tMs"
          type="number"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(ms: number) => `${(ms / 1000).toFixed(1)} s`}
        />
        <YAxis />
        <Tooltip formatter={formatValue} labelFormatter={(ms) => `${String(ms)} ms`} />
        <Line
          type="stepAfter"
          dataKey="perSecond"
          name="items per second"
          stroke={seriesColor(0)}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </figure>
  );
}
