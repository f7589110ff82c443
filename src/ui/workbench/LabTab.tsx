import type { SweepOptions } from '../../runtime/contract-types';
import type { Session } from '../../runtime/session';
import { runSweep } from '../../lab/sweep';
import LabPanel from '../lab/LabPanel';

type Props = { session: Session };

/** The speedup lab for the current program, with the demo's preset when it has one. */
export default function LabTab({ session }: Props) {
  const state = session.state();
  return (
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
  );
}
