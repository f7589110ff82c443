import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/**
 * Loads Monaco with its workers bundled locally. This module is only ever reached through a
 * dynamic import, so Monaco stays out of the initial chunk; a CDN would break under COEP and
 * offline.
 */
export async function loadMonaco() {
  self.MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
  };
  return import('./monaco-js');
}

export type Monaco = Awaited<ReturnType<typeof loadMonaco>>;
