/**
 * Runs the built server (`node server/dist/server.js`) as a child process on a free port with a fresh data
 * directory, the way `pnpm start` runs it. The port comes from Fastify's own "Server listening at" log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const SERVER_ENTRY = path.join(REPO_ROOT, 'server/dist/server.js');
const CLIENT_INDEX = path.join(REPO_ROOT, 'client/dist/index.html');
const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. a short token lifetime. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  for (const file of [SERVER_ENTRY, CLIENT_INDEX]) {
    if (!existsSync(file)) {
      throw new Error(
        `${path.relative(REPO_ROOT, file)} is missing: run \`pnpm -r run build\` at the repository root first`,
      );
    }
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'horizon-e2e-data-'));
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(`the server did not report listening within ${options.startTimeoutMs ?? 20_000} ms:\n${output}`),
        ),
      options.startTimeoutMs ?? 20_000,
    );
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const url = listeningUrl(line);
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before listening:\n${output}`));
    });
  });

  return {
    baseUrl,
    dataDir,
    output: () => output,
    stop: async () => {
      await stopChild(child, exited);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fastify logs JSON lines; the address is in `msg`. A non-JSON line is matched as plain text. */
function listeningUrl(line: string): string | null {
  let text = line;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { msg?: unknown }).msg === 'string') {
      text = (parsed as { msg: string }).msg;
    }
  } catch {
    // Not JSON: match the raw line.
  }
  return LISTENING.exec(text)?.[1] ?? null;
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
