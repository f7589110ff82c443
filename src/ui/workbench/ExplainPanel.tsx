import type { DemoDefinition } from '../../demos/types';

type Props = { demo: DemoDefinition };

/** The demo's explanation: what to try, what to watch, why, the fix, and the Python. */
export function ExplainPanel({ demo }: Props) {
  const { explain } = demo;
  return (
    <section className="explain" aria-labelledby="explain-title">
      <h2 id="explain-title">{demo.title}</h2>
      <p className="concepts">
        {demo.concepts.map((c) => (
          <span className="tag" key={c}>
            {c}
          </span>
        ))}
      </p>
      {explain.tryThis && <Part title="Try this" text={explain.tryThis} />}
      {explain.watch && <Part title="What to watch" text={explain.watch} />}
      {explain.why && <Part title="Why it happens" text={explain.why} />}
      {explain.fix && <Part title="The fix" text={explain.fix} />}
      {explain.python && (
        <>
          <h3>In Python</h3>
          <pre className="python">
            <code>{explain.python}</code>
          </pre>
        </>
      )}
    </section>
  );
}

function Part({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h3>{title}</h3>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}
