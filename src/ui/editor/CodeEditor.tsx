import { useEffect, useMemo, useRef } from 'react';
import { perThreadCopyWritesOf } from '../../runtime/thread-copies';
import { EDITOR_THEMES } from './editor-themes';
import { nextLineDecorations, type NextLine } from './next-lines';
import './next-lines.css';
import { loadMonaco, type Monaco } from './load-monaco';
import type * as monacoNs from 'monaco-esm/editor/editor.api.js';

export type EditorMarker = {
  line: number;
  column?: number;
  /** Where the mark ends on its line; the line's end when absent. */
  endColumn?: number;
  message: string;
  severity?: 'error' | 'warning';
};

type Props = {
  value: string;
  onChange: (value: string) => void;
  markers: readonly EditorMarker[];
  readOnly: boolean;
  theme: 'light' | 'dark';
  /** Type declarations of the program model's globals, for IntelliSense and hover docs. */
  globalsDts: string;
  label: string;
  /** Step mode: every thread's next line, highlighted in the thread's colour. */
  nextLines?: readonly NextLine[];
};

const MARKER_OWNER = 'interleave-run';
const NO_LINES: readonly NextLine[] = [];

/** Monaco, loaded on first render of this (lazily imported) component. */
export default function CodeEditor({
  value,
  onChange,
  markers,
  readOnly,
  theme,
  globalsDts,
  label,
  nextLines = NO_LINES,
}: Props) {
  // The program's own warnings, computed here so that their parser loads with the editor, lazily.
  // Parsed again only when the code changes: each run's end brings new markers, and parsing there
  // added to the page's busiest moment.
  const copies = useMemo(
    () => perThreadCopyWritesOf(value).map((w): EditorMarker => ({ ...w, severity: 'warning' })),
    [value],
  );
  const allMarkers = useMemo(() => [...markers, ...copies], [markers, copies]);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monacoNs.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const onChangeRef = useRef(onChange);
  // The latest props, for the moment Monaco finishes loading (they may have changed meanwhile).
  const latest = useRef({ value, markers: allMarkers, readOnly, theme, nextLines });
  const highlights = useRef<monacoNs.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    onChangeRef.current = onChange;
    latest.current = { value, markers: allMarkers, readOnly, theme, nextLines };
  });

  useEffect(() => {
    let disposed = false;
    let created: monacoNs.editor.IStandaloneCodeEditor | null = null;
    void loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      const js = monaco.typescript.javascriptDefaults;
      js.setCompilerOptions({
        target: 99,
        module: 99,
        allowNonTsExtensions: true,
        checkJs: false,
        lib: ['esnext'],
      });
      js.setExtraLibs([{ content: globalsDts, filePath: 'file:///interleave-globals.d.ts' }]);
      for (const { name, ...data } of Object.values(EDITOR_THEMES)) {
        monaco.editor.defineTheme(name, data);
      }
      const now = latest.current;
      created = monaco.editor.create(host.current, {
        value: now.value,
        language: 'javascript',
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        readOnly: now.readOnly,
        ariaLabel: label,
        theme: EDITOR_THEMES[now.theme].name,
      });
      created.onDidChangeModelContent(() => onChangeRef.current(created?.getValue() ?? ''));
      editorRef.current = created;
      setMarkers(monaco, created, now.markers);
      highlights.current = created.createDecorationsCollection();
      showNextLines(created, highlights.current, now.nextLines);
      host.current.dataset.ready = 'true';
    });
    return () => {
      disposed = true;
      created?.dispose();
      editorRef.current = null;
    };
    // The editor is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const ed = editorRef.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  // The label names the demo: switching demo must rename the editor, or it names the previous one.
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    monacoRef.current?.editor.setTheme(EDITOR_THEMES[theme].name);
  }, [theme]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const editor = editorRef.current;
    if (monaco && editor) setMarkers(monaco, editor, allMarkers);
  }, [allMarkers]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor && highlights.current) showNextLines(editor, highlights.current, nextLines);
  }, [nextLines, value]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}

function showNextLines(
  editor: monacoNs.editor.IStandaloneCodeEditor,
  collection: monacoNs.editor.IEditorDecorationsCollection,
  lines: readonly NextLine[],
): void {
  const model = editor.getModel();
  if (!model) return;
  collection.set(
    nextLineDecorations(lines, model.getLineCount(), (line) =>
      Math.max(1, model.getLineFirstNonWhitespaceColumn(line)),
    ),
  );
}

/** Marks the last run's errors, and the program's warnings, at their lines. */
function setMarkers(
  monaco: Monaco,
  editor: monacoNs.editor.IStandaloneCodeEditor,
  markers: readonly EditorMarker[],
): void {
  const model = editor.getModel();
  if (!model) return;
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    markers.map((m) => {
      const line = Math.min(Math.max(1, m.line), model.getLineCount());
      return {
        startLineNumber: line,
        endLineNumber: line,
        startColumn: m.column ?? 1,
        endColumn: m.endColumn ?? model.getLineMaxColumn(line),
        message: m.message,
        severity:
          m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      };
    }),
  );
}
