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
});
