// Throughput of a running demo: how many items (e.g. printed lines) completed per second, in
// fixed buckets of time since the run started.

export type ThroughputSample = { tMs: number; perSecond: number };

/**
 * Counts `timesMs` (ms since the run started, any order) into buckets `[k·bucketMs, (k+1)·bucketMs)`,
 * each sample stamped with its bucket's start. Without `endMs` the buckets run up to the one holding
 * the last time, all full width (the run is over). With `endMs` (a live run: now) they cover
 * `[0, endMs)`, and the last, still-filling bucket is divided by the time it covers so far, so the
 * chart does not dip falsely at its right edge.
 */
export function throughputSeries(
  timesMs: readonly number[],
  bucketMs: number,
  endMs?: number,
): ThroughputSample[] {
  if (!(bucketMs > 0) || !Number.isFinite(bucketMs)) {
    throw new RangeError(`bucketMs must be a positive number; got ${bucketMs}.`);
  }
  const times = timesMs.filter(
    (t) => t >= 0 && (endMs === undefined ? Number.isFinite(t) : t < endMs),
  );
  const buckets =
    endMs === undefined
      ? Math.floor(Math.max(0, ...times) / bucketMs) + 1
      : Math.max(1, Math.ceil(endMs / bucketMs));
  const counts = new Array<number>(buckets).fill(0);
  for (const t of times) {
    const k = Math.floor(t / bucketMs);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts.map((count, k) => {
    const tMs = k * bucketMs;
    const covered = endMs === undefined ? bucketMs : Math.min(bucketMs, endMs - tMs);
    return { tMs, perSecond: covered > 0 ? (count * 1000) / covered : 0 };
  });
}

/** A round bucket size (1, 2 or 5 × 10^k ms) giving at most `maxBuckets` buckets over `spanMs`. */
export function bucketMsFor(spanMs: number, maxBuckets = 60): number {
  const raw = Math.max(spanMs, 1) / maxBuckets;
  const decade = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((m) => m * decade >= raw) ?? 10;
  return step * decade;
}
