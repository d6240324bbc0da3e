import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import @horizon/shared (and its subpaths, e.g. @horizon/shared/board) from source, so a change in shared needs
// no build before the unit tests.
const sharedSource = fileURLToPath(new URL('./shared/src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@horizon\/shared$/, replacement: `${sharedSource}index.ts` },
      { find: /^@horizon\/shared\/([a-z]+)$/, replacement: `${sharedSource}$1/index.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{shared,server,client}/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['server/src/**/*.integration.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
