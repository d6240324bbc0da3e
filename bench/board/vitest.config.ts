// Runs the board benchmark through vitest (Node 20 cannot run TypeScript directly), with the same @horizon/shared
// source aliases as the tests. Not part of any test project: run it on purpose, see README.md.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSource = fileURLToPath(new URL('../../shared/src/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  resolve: {
    alias: [
      { find: /^@horizon\/shared$/, replacement: `${sharedSource}index.ts` },
      { find: /^@horizon\/shared\/([a-z]+)$/, replacement: `${sharedSource}$1/index.ts` },
    ],
  },
  test: {
    include: ['bench/board/*.bench.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
