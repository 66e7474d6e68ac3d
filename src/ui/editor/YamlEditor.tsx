/**
 * The Kubernetes YAML editor: one Monaco model per bundle file (so the schema applies per file
 * and each file keeps its own undo stack), one editor showing the active file.
 *
 * Models are made when a file is first shown or edited, not up front: a 300-resource design has
 * 300 files, and 300 eager models (each validated by monaco-yaml's worker) kept the page busy for
 * a minute. Until then the store's text is the file's text.
 *
 * The workbench store owns the text (DEVELOPERS.md, "One edited file's text"); a model mirrors it.
 * Typing → `typed()` in the store; a store change that did not come from typing (app undo,
 * regenerate, reload) → `mirror()`, the one path from the store into a model: one undoable
 * full-text edit. `mirrored` holds which of the store's file objects each model last agreed with
 * (the store replaces a file's object when its text changes), not a copy of any text.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { BundleFile } from '../../core/kube/objects';
import { useDesignApi, useWorkbenchApi } from '../../state/app-state-context';
import type { WorkbenchStore } from '../../state/workbench-store';
import { editorApi } from './editor-api';
import { markersByFile, type LineMarker } from './markers';
import { editorTheme, modelUri, monaco, schemaReady } from './monaco-setup';
import { useDarkMode } from './use-dark-mode';

const OWNER = 'aspire-parity';

/** The resource a line of a file belongs to: the file's only resource, else a row's evidence there. */
function resourceAt(workbench: WorkbenchStore, path: string, line: number): string | undefined {
  const s = workbench.getState();
  const list = s.generated.resourcesOf[path] ?? [];
  if (list.length === 1) return list[0];
  let best: { r: string; span: number } | undefined;
  for (const row of s.report?.rows ?? []) {
    for (const ev of row.evidence ?? []) {
      if (ev.file !== path || line < ev.line || line > (ev.endLine ?? ev.line)) continue;
      const span = (ev.endLine ?? ev.line) - ev.line;
      if (!best || span < best.span) best = { r: row.resource, span };
    }
  }
  return best?.r ?? list[0];
}

export default function YamlEditor() {
  const workbench = useWorkbenchApi();
  const designStore = useDesignApi();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  const mirrored = useRef(new Map<string, BundleFile>());
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const applyingExternal = useRef(false);
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const schemaOn = useRef(false);
  const lastMarkers = useRef(new Map<string, string>());
  const markerLists = useRef(new Map<string, LineMarker[]>());
  /** The file's model, made on first use (see the header). Set once the editor exists. */
  const modelFor = useRef<(path: string) => monaco.editor.ITextModel | undefined>(() => undefined);

  /** The one store → model path: a change from outside the editor (app undo, regenerate) is undoable here too. */
  function mirror(m: monaco.editor.ITextModel, path: string, file: BundleFile): void {
    if (mirrored.current.get(path) === file) return;
    mirrored.current.set(path, file);
    if (m.getValue() === file.text) return;
    applyingExternal.current = true;
    try {
      m.pushStackElement();
      m.pushEditOperations([], [{ range: m.getFullModelRange(), text: file.text }], () => null);
      m.pushStackElement();
    } finally {
      applyingExternal.current = false;
    }
  }

  function applyMarkers(path: string, model: monaco.editor.ITextModel): void {
    const list = markerLists.current.get(path) ?? [];
    const key = JSON.stringify(list);
    if (lastMarkers.current.get(path) === key) return;
    lastMarkers.current.set(path, key);
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      list.map((x) => ({ ...x, severity: x.severity as unknown as monaco.MarkerSeverity })),
    );
  }

  const files = useStore(workbench, (s) => s.files);
  const activePath = useStore(workbench, (s) => s.activePath);
  const reveal = useStore(workbench, (s) => s.reveal);
  const report = useStore(workbench, (s) => s.report);
  const validation = useStore(workbench, (s) => s.validation);
  const dark = useDarkMode();

  // Create the editor once.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const editor = monaco.editor.create(el, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      wordWrap: 'off',
      renderWhitespace: 'selection',
      ariaLabel: 'Kubernetes YAML file',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    highlight.current = editor.createDecorationsCollection();

    // The cursor's resource becomes the canvas selection (user moves only, never our own reveals).
    let followTimer: ReturnType<typeof setTimeout> | undefined;
    const cursorSub = editor.onDidChangeCursorPosition((e) => {
      if (e.source === 'api' || e.source === 'model' || applyingExternal.current) return;
      const model = editor.getModel();
      const path = model ? [...models.current].find(([, m]) => m === model)?.[0] : undefined;
      if (!path) return;
      clearTimeout(followTimer);
      followTimer = setTimeout(() => {
        const r = resourceAt(workbench, path, e.position.lineNumber);
        const sel = designStore.getState().view.selected;
        if (r && !(sel.length === 1 && sel[0] === r)) designStore.getState().select([r]);
      }, 120);
    });

    void schemaReady.then((on) => {
      schemaOn.current = on;
    });

    const all = models.current;
    const mirroredFiles = mirrored.current;
    const markerKeys = lastMarkers.current;
    const ensure = (path: string): monaco.editor.ITextModel | undefined => {
      const existing = all.get(path);
      if (existing) return existing;
      const file = workbench.getState().files.find((f) => f.path === path);
      if (!file) return undefined;
      const uri = modelUri(path);
      monaco.editor.getModel(uri)?.dispose();
      const model = monaco.editor.createModel(file.text, /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext', uri);
      model.onDidChangeContent(() => {
        if (applyingExternal.current) return;
        workbench.getState().typed(path, model.getValue());
        const now = workbench.getState().files.find((f) => f.path === path);
        if (now) mirroredFiles.set(path, now);
      });
      all.set(path, model);
      mirroredFiles.set(path, file);
      applyMarkers(path, model);
      return model;
    };
    modelFor.current = ensure;
    Object.assign(editorApi, {
      getText: (path: string) =>
        all.get(path)?.getValue() ?? workbench.getState().files.find((f) => f.path === path)?.text,
      setText: (path: string, text: string) => {
        const m = ensure(path);
        if (!m) return false;
        m.pushStackElement();
        m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null);
        m.pushStackElement();
        return true;
      },
      replaceLines: (path: string, startLine: number, endLine: number, text: string) => {
        const m = ensure(path);
        if (!m) return false;
        workbench.getState().setActive(path);
        const last = m.getLineCount();
        const range =
          endLine > last
            ? new monaco.Range(startLine, 1, last, m.getLineMaxColumn(last))
            : new monaco.Range(startLine, 1, endLine, 1);
        const ed = editorRef.current;
        // Through the editor when it shows this model, so the edit is one undo stop there.
        if (ed && ed.getModel() === m) {
          ed.pushUndoStop();
          ed.executeEdits('parity-fix', [{ range, text, forceMoveMarkers: true }]);
          ed.pushUndoStop();
        } else {
          m.pushStackElement();
          m.pushEditOperations([], [{ range, text }], () => null);
          m.pushStackElement();
        }
        return true;
      },
      placeCursor: (path: string, line: number, column: number) => {
        const m = ensure(path);
        const ed = editorRef.current;
        if (!m || !ed) return false;
        if (ed.getModel() !== m) ed.setModel(m);
        workbench.getState().setActive(path);
        ed.setPosition({ lineNumber: line, column });
        ed.revealLineInCenter(line);
        ed.focus();
        return true;
      },
      paths: () => workbench.getState().files.map((f) => f.path),
      markers: (path: string) => {
        const m = all.get(path);
        return m
          ? monaco.editor.getModelMarkers({ resource: m.uri }).map((x) => ({
              line: x.startLineNumber,
              endLine: x.endLineNumber,
              message: x.message,
              owner: x.owner,
              severity: x.severity as number,
            }))
          : [];
      },
    });

    return () => {
      clearTimeout(followTimer);
      cursorSub.dispose();
      editor.dispose();
      editorRef.current = null;
      for (const m of all.values()) m.dispose();
      all.clear();
      mirroredFiles.clear();
      markerKeys.clear();
    };
  }, [workbench, designStore]);

  // Models follow the files: update from outside, dispose. New files get a model when shown.
  useEffect(() => {
    const all = models.current;
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const [path, m] of all) {
      const file = byPath.get(path);
      if (file === undefined) {
        m.dispose();
        all.delete(path);
        mirrored.current.delete(path);
        viewStates.current.delete(path);
        lastMarkers.current.delete(path);
        continue;
      }
      mirror(m, path, file);
    }
  }, [files]);

  // Show the active file, keeping each file's scroll and cursor.
  useEffect(() => {
    const ed = editorRef.current;
    if (!ed || !activePath) return;
    const m = modelFor.current(activePath);
    const current = ed.getModel();
    if (!m || current === m) return;
    if (current) {
      const prev = [...models.current].find(([, x]) => x === current)?.[0];
      if (prev) viewStates.current.set(prev, ed.saveViewState());
    }
    ed.setModel(m);
    const vs = viewStates.current.get(activePath);
    if (vs) ed.restoreViewState(vs);
  }, [activePath, files]);

  // Reveal evidence lines (a parity row was clicked).
  useEffect(() => {
    const ed = editorRef.current;
    if (!ed || !reveal) return;
    const m = modelFor.current(reveal.path);
    if (!m) return;
    if (ed.getModel() !== m) ed.setModel(m);
    const last = m.getLineCount();
    const start = Math.min(Math.max(1, reveal.line), last);
    const end = Math.min(Math.max(start, reveal.endLine ?? start), last);
    ed.revealLinesInCenter(start, end);
    ed.setSelection(new monaco.Range(start, 1, start, 1));
    highlight.current?.set([
      {
        range: new monaco.Range(start, 1, end, 1),
        options: { isWholeLine: true, className: 'wb-evidence-line', linesDecorationsClassName: 'wb-evidence-gutter' },
      },
    ]);
  }, [reveal]);

  // Markers: only models whose markers changed are touched (300 files, one keystroke). Files
  // without a model yet get theirs when the model is made.
  useEffect(() => {
    markerLists.current = markersByFile(report, validation, schemaOn.current);
    for (const [path, m] of models.current) applyMarkers(path, m);
  }, [report, validation, files]);

  useEffect(() => {
    monaco.editor.setTheme(editorTheme(dark));
  }, [dark]);

  return <div ref={host} className="wb-monaco" data-testid="yaml-editor" />;
}
