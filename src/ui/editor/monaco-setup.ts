/**
 * Monaco + monaco-yaml, configured once at module scope (never inside a component: a second
 * configureMonacoYaml call replaces the first and re-creating workers leaks them).
 *
 * Fully offline: the full `monaco-editor` entry (not editor.api, see designer-ux.md §6), workers
 * bundled by Vite, and the Kubernetes schema passed inline with an in-memory URI, so neither
 * Monaco nor the YAML worker ever asks the network for anything. `isKubernetes` stays off: it
 * changes oneOf matching and we validate one kind per file anyway.
 */
import * as monaco from 'monaco-editor';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker.js?worker';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    if (label === 'editorWorkerService') return new EditorWorker();
    if (label === 'yaml') return new YamlWorker();
    // Only YAML and plain text models exist; any other worker would be a bug, not a feature.
    throw new Error(`No worker for language "${label}"`);
  },
};

/**
 * The strict Kubernetes schema, when the export engineer's generated file is present. A glob
 * (rather than a static import) keeps the editor working with syntax checks alone until it is.
 */
const schemaModules = import.meta.glob<JSONSchema>('../../core/kube/schema/k8s-strict.schema.json', {
  import: 'default',
  eager: false,
});

/** Bundle files live under this scheme so schema `fileMatch` globs apply and nothing looks like a URL to fetch. */
export const MODEL_SCHEME = 'file';

export function modelUri(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: MODEL_SCHEME, path: `/bundle/${path}` });
}

export function pathOfModel(model: monaco.editor.ITextModel): string | undefined {
  const p = model.uri.path;
  return model.uri.scheme === MODEL_SCHEME && p.startsWith('/bundle/') ? p.slice('/bundle/'.length) : undefined;
}

/** monaco-yaml's options apart from the schemas: no schema fetching, no formatting. */
const YAML_OPTIONS = {
  enableSchemaRequest: false,
  isKubernetes: false,
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
};

const yaml = configureMonacoYaml(monaco, { ...YAML_OPTIONS, schemas: [] });

/** Resolves once the schema (if any) has been handed to the YAML worker. */
export const schemaReady: Promise<boolean> = (async () => {
  const load = Object.values(schemaModules)[0];
  if (!load) return false;
  try {
    const schema = await load();
    yaml.update({
      ...YAML_OPTIONS,
      // Every bundle YAML file, and only those: a file-like in-memory URI names the schema.
      schemas: [{ uri: 'file:///schemas/k8s-strict.schema.json', fileMatch: ['*.yaml'], schema }],
    });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The editor's dark theme: Monaco's vs-dark, with comments lightened from #608b4e (4.2:1 on
 * #1e1e1e, below WCAG AA; axe flags the bundle's `# PLACEHOLDER` comments) to #7ca668 (6:1).
 */
monaco.editor.defineTheme('aspire-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7ca668' }],
  colors: {},
});

/** The one theme choice for every editor of the page (text and diff). */
export function editorTheme(dark: boolean): string {
  return dark ? 'aspire-dark' : 'vs';
}

export { monaco };
