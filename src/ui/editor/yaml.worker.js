// The YAML language worker, re-exported from a local file so Vite bundles it as a worker entry.
// Importing 'monaco-yaml/yaml.worker.js?worker' directly fails under Vite ("Unexpected usage …
// loadForeignModule"); this one-line file is monaco-yaml's documented fix.
import 'monaco-yaml/yaml.worker.js';
