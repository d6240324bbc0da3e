import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The Horizon server; `pnpm dev` runs it on this port next to Vite.
const SERVER = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Two copies of yjs break `instanceof` checks and print "Yjs was already imported".
    dedupe: ['yjs', 'y-protocols', 'lib0'],
    // `source` makes @horizon/shared resolve to its TypeScript source: no shared build needed for dev.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/collab': { target: SERVER, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
