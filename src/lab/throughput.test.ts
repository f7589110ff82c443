import { describe, expect, it } from 'vitest';
import { bucketMsFor, throughputSeries } from './throughput';

describe('throughputSeries', () => {
  it.each([
    { name: 'no items', times: [], bucket: 100, end: undefined, out: [[0, 0]] },
    {
      name: 'counts per bucket up to the last time, in any order',
      times: [250, 10, 20, 99.9, 100, 120],
      bucket: 100,
      end: undefined,
      out: [
        [0, 30],
        [100, 20],
        [200, 10],
      ],
    },
    {
      name: 'keeps empty buckets in the middle',
      times: [0, 1000],
      bucket: 500,
      end: undefined,
      out: [
        [0, 2],
        [500, 0],
        [1000, 2],
      ],
    },
    {
      name: 'a live run divides the filling bucket by the time it covers so far',
      times: [10, 60, 110, 120, 130, 500],
      bucket: 100,
      end: 150,
      out: [
        [0, 20],
        [100, 60],
      ],
    },
    {
      name: 'ignores negative and non-finite times',
      times: [-5, Number.NaN, Infinity, 50],
      bucket: 100,
      end: undefined,
      out: [[0, 10]],
    },
  ])('$name', ({ times, bucket, end, out }) => {
    expect(throughputSeries(times, bucket, end).map((s) => [s.tMs, s.perSecond])).toEqual(out);
  });

  it('rejects a bucket that is not a positive number', () => {
    expect(() => throughputSeries([1], 0)).toThrow(RangeError);
    expect(() => throughputSeries([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('bucketMsFor', () => {
  it.each([
    { span: 3000, max: 60, bucket: 50 },
    { span: 1000, max: 60, bucket: 20 },
    { span: 600, max: 60, bucket: 10 },
    { span: 90_000, max: 60, bucket: 2000 },
    { span: 0, max: 60, bucket: 0.02 },
  ])('$span ms in at most $max buckets → $bucket ms', ({ span, max, bucket }) => {
    expect(bucketMsFor(span, max)).toBeCloseTo(bucket, 10);
    expect(Math.ceil(span / bucketMsFor(span, max))).toBeLessThanOrEqual(max);
  });
});
