/**
 * One Chromium per simulated person: a persistent context on a fresh profile directory, so people share no
 * cookies, storage or BroadcastChannel, exactly like separate devices.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './server.js';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.test-artifacts/screenshots');

export const LAPTOP = { width: 1366, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps calling home, which floods a closed network and slows every test.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Person {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors, for a final "nothing broke" check. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface PersonOptions {
  viewport: { width: number; height: number };
  /** Emulates a phone: touch, mobile viewport meta handling. */
  mobile?: boolean;
  locale?: string;
}

export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium was not found at ${executable}. Install it with \`apt-get install -y chromium\` ` +
        '(or point CHROMIUM_PATH at a Chromium binary). Browser tests never skip silently.',
    );
  }
  return executable;
}

export async function launchPerson(name: string, options: PersonOptions): Promise<Person> {
  const profileDir = await mkdtemp(path.join(tmpdir(), `horizon-e2e-${name}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: options.viewport,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    locale: options.locale ?? 'ru-RU',
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Yjs was already imported/.test(message.text())) {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  return {
    name,
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
