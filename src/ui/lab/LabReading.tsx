import { useMemo } from 'react';
import { readingOf } from '../../lab/reading';
import type { SweepResult } from '../../runtime/contract-types';

type Props = { result: SweepResult };

/** The sweep read in plain words, one paragraph per series and the Amdahl estimate. */
export function LabReading({ result }: Props) {
  const reading = useMemo(() => readingOf(result), [result]);
  return (
    <section className="lab-reading" aria-label="What the sweep shows" data-testid="lab-reading">
      {reading.series.map((series) => (
        <p key={series.label}>{series.sentences.join(' ')}</p>
      ))}
      {reading.amdahl && <p>{reading.amdahl}</p>}
    </section>
  );
}
