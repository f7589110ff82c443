type Props = {
  problem: string;
  /** Where the full app opens in a new tab (a top-level tab may get the isolation a frame lacks). */
  openUrl: string;
};

/** Why live threads are unavailable here, and what the reader (or the host) can do about it. */
export function IsolationHelp({ problem, openUrl }: Props) {
  return (
    <>
      <p>{problem}</p>
      <p>How to fix it:</p>
      <ul>
        <li>
          Running it yourself? Start it with <code>npm install &amp;&amp; npm run dev</code>: the
          dev server sends the headers.
        </li>
        <li>
          Hosting a copy? Send the headers listed in <code>public/_headers</code> on every response
          (see <code>docs/hosting.md</code>).
        </li>
        <li>
          Inside another page? Your browser may not isolate embedded frames.{' '}
          <a href={openUrl} target="_blank" rel="noopener">
            Open Interleave in a new tab
          </a>
          .
        </li>
      </ul>
    </>
  );
}
