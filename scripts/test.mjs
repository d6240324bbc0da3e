// Runs the whole suite: unit and integration tests, then the browser tests (one Chromium at a time), and prints one
// closing line with the totals. Fails when any test failed, or when the browser tests did not run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const artifacts = path.resolve('.test-artifacts');
mkdirSync(artifacts, { recursive: true });

function vitest(name, projects) {
  const report = path.join(artifacts, `vitest-${name}.json`);
  rmSync(report, { force: true });
  const args = [
    'exec',
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  const run = spawnSync('pnpm', args, { stdio: 'inherit' });
  let totals = { passed: 0, failed: 0, skipped: 0 };
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals = {
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    };
  } catch {
    totals.failed += 1; // no report: the run itself broke
  }
  return { ...totals, ok: run.status === 0 };
}

const chromium = spawnSync(process.execPath, ['scripts/require-chromium.mjs'], { stdio: 'inherit' });
if (chromium.status !== 0) process.exit(1);

const node = vitest('node', ['unit', 'integration']);
const browser = vitest('browser', ['browser']);
const passed = node.passed + browser.passed;
const failed = node.failed + browser.failed;
const skipped = node.skipped + browser.skipped;
console.log(
  `\nunit+integration: ${node.passed} passed, ${node.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`,
);
if (browser.passed === 0) console.error('The browser tests did not run: that is a failure, not a pass.');
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(node.ok && browser.ok && failed === 0 && browser.passed > 0 ? 0 : 1);
