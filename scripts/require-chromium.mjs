// Browser tests drive the system Chromium. When it is missing, say so loudly and fail: never skip silently.
import { existsSync } from 'node:fs';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executable)) {
  const bar = '!'.repeat(78);
  console.error(
    `\n${bar}\n  Chromium is missing at ${executable}: the browser tests cannot run.\n` +
      `  Install it (Debian/Ubuntu):  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  or point CHROMIUM_PATH at a Chromium or Chrome binary.\n${bar}\n`,
  );
  process.exit(1);
}
