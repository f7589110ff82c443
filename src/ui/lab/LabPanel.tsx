import { useMemo, useState } from 'react';
import type { LabPreset } from '../../demos/types';
import { parseThreadList, varyChoicesOf } from '../../lab/options';
import { DEFAULT_REPEATS, DEFAULT_THREADS } from '../../lab/sweep';
import type { State, SweepOptions } from '../../runtime/contract-types';
import { DownloadButtons } from './DownloadButtons';
import { LabControls, type LabSettings } from './LabControls';
import { LabReading } from './LabReading';
import { SpeedupChart } from './SpeedupChart';
import { SweepProgressBar } from './SweepProgressBar';
import { useSweep, type RunSweep } from './use-sweep';
import { WallTimeChart } from './WallTimeChart';
import './lab.css';

export type LabPanelProps = {
  state: State;
  preset?: LabPreset;
  /** Runs the sweep of `state` (docs/contracts.md, Sweeps); must stop its current run when `signal` fires. */
  runSweep: RunSweep;
  hardwareConcurrency: number;
};

const initialSettings = (preset: LabPreset | undefined): LabSettings => ({
  threadsText: (preset?.threads ?? DEFAULT_THREADS).join(', '),
  repeats: preset?.repeats ?? DEFAULT_REPEATS,
  vary: Object.keys(preset?.vary ?? {})[0] ?? 'none',
});

/** The speedup lab: choose a sweep, run it, read the charts and the plain-language reading. */
export function LabPanel({ state, preset, runSweep, hardwareConcurrency }: LabPanelProps) {
  const choices = useMemo(() => varyChoicesOf(preset), [preset]);
  const [settings, setSettings] = useState(() => initialSettings(preset));
  const { status, start, cancel } = useSweep(runSweep);
  const threads = parseThreadList(settings.threadsText);

  const onStart = () => {
    if (!threads.ok) return;
    const values = choices[settings.vary];
    const options: SweepOptions = { threads: threads.value, repeats: settings.repeats };
    start(values ? { ...options, vary: { [settings.vary]: values } } : options);
  };

  return (
    <section className="lab-panel" aria-label="Speedup lab">
      <p className="lab-note">
        This device has {hardwareConcurrency} hardware thread{hardwareConcurrency === 1 ? '' : 's'}:
        CPU-bound work cannot run more than {hardwareConcurrency}× faster here; waiting (I/O) can.
        One thread is always measured, even when not listed: every speedup is against it.
      </p>
      <LabControls
        settings={settings}
        onChange={setSettings}
        varyChoices={choices}
        running={status.kind === 'running'}
        threadsError={threads.ok ? null : threads.error}
        onStart={onStart}
        onCancel={cancel}
      />
      {status.kind === 'running' && <SweepProgressBar progress={status.progress} />}
      {status.kind === 'cancelled' && <p role="status">Sweep cancelled.</p>}
      {status.kind === 'failed' && (
        <p className="lab-error" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'done' && (
        <>
          <LabReading result={status.result} />
          <div className="lab-charts">
            <SpeedupChart result={status.result} />
            <WallTimeChart result={status.result} />
          </div>
          <DownloadButtons result={status.result} baseName={`interleave-${state.demo}-sweep`} />
        </>
      )}
    </section>
  );
}

export default LabPanel;
