import { lazy, Suspense, useState } from 'react';
import { isolationProblem } from './isolation';
import { NotIsolated } from './NotIsolated';

const CodeEditor = lazy(() => import('./editor/CodeEditor'));

const problem = isolationProblem();

export function App() {
  const [code, setCode] = useState(
    'export const threads = 2;\nexport function thread(id) {\n  print(`hello from ${id}`);\n}\n',
  );
  if (problem) return <NotIsolated problem={problem} />;
  return (
    <main className="workbench">
      <h1>Interleave</h1>
      <Suspense fallback={<p>Loading the editor…</p>}>
        <CodeEditor
          value={code}
          onChange={setCode}
          markers={[]}
          readOnly={false}
          theme="light"
          globalsDts=""
          label="Program"
        />
      </Suspense>
    </main>
  );
}
