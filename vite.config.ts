import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served from its own origin only: Monaco, its workers, schemas and the C# grammar
// are all bundled (no CDN), so it works offline.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  // First run of the dev server: every dependency is pre-bundled before the page loads. Without
  // this, the first lazy import (Monaco's YAML worker, elkjs on the first import, tree-sitter on
  // the first Program.cs) made Vite discover a new dependency and reload the page under the user,
  // losing undo history and half-typed fields.
  optimizeDeps: {
    // Workers are not reached from index.html: scan them as entries too.
    entries: ['index.html', 'src/**/*.worker.ts', 'src/**/*.worker.js'],
    include: [
      'monaco-yaml/yaml.worker.js',
      'monaco-editor/esm/vs/editor/editor.worker',
      'elkjs/lib/elk.bundled.js',
      'html-to-image',
      'web-tree-sitter',
    ],
  },
});
