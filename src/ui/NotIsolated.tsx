import { IsolationHelp } from './fallback/IsolationHelp';

type Props = { problem: string };

/** Shown instead of the workbench when the browser withholds shared memory and no demo is named. */
export function NotIsolated({ problem }: Props) {
  return (
    <main className="not-isolated" role="alert" aria-labelledby="ni-title">
      <h1 id="ni-title">Interleave needs shared memory, and this page has none</h1>
      <IsolationHelp problem={problem} openUrl={location.href} />
    </main>
  );
}
