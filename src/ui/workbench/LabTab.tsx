import type { SweepOptions } from '../../runtime/contract-types';
import type { Session } from '../../runtime/session';
import { runSweep } from '../../lab/sweep';
import LabPanel from '../lab/LabPanel';
import { ThroughputChart } from '../lab/ThroughputChart';

type Props = { session: Session };

/** The speedup lab for the current program, with the demo's preset when it has one. */
export default function LabTab({ session }: Props) {
  const state = session.state();
  const output = session.log?.output ?? [];
  return (
    <>
      <LabPanel
        key={state.demo}
        state={state}
        preset={session.demo()?.lab}
        hardwareConcurrency={navigator.hardwareConcurrency}
        runSweep={(options: SweepOptions, onProgress, signal) =>
          runSweep(state, options, {
            run: (s) => session.runState(s, signal),
            hardwareConcurrency: navigator.hardwareConcurrency,
            signal,
            onProgress,
          })
        }
      />
      {output.length > 1 && (
        <section aria-labelledby="throughput-title">
          <h3 id="throughput-title">Throughput of the last run: lines printed per second</h3>
          <p className="hint">
            A demo that prints once per finished item (a page fetched, a file hashed) shows its
            items per second here.
          </p>
          <ThroughputChart
            timesMs={output.map((line) => line.t)}
            endMs={session.running ? undefined : session.lastReport()?.wallMs}
          />
        </section>
      )}
    </>
  );
}
