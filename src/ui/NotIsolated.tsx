type Props = { problem: string };

/** Shown instead of the workbench when the browser withholds shared memory. */
export function NotIsolated({ problem }: Props) {
  return (
    <main className="not-isolated" role="alert" aria-labelledby="ni-title">
      <h1 id="ni-title">Interleave needs shared memory, and this page has none</h1>
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
          <a href={location.href} target="_blank" rel="noopener">
            Open Interleave in a new tab
          </a>
          .
        </li>
      </ul>
    </main>
  );
}
