import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, ProcessLock } from './processLock.js';

const dirs: string[] = [];
function lockFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-lock-'));
  dirs.push(dir);
  return path.join(dir, 'horizon.sqlite.lock');
}

/** A process that stays alive until killed: the "other server". */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => new Promise((resolve) => child.once('exit', resolve).kill()) };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ProcessLock', () => {
  it('writes our pid while held and removes the file on release', () => {
    const file = lockFile();
    const lock = ProcessLock.acquire(file);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses while another running process holds it, naming that process', async () => {
    const file = lockFile();
    const other = otherProcess();
    try {
      fs.writeFileSync(file, `${other.pid}\n`);
      let thrown: unknown;
      try {
        ProcessLock.acquire(file);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DataDirInUseError);
      expect((thrown as Error).message).toContain(`process ${other.pid}`);
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(other.pid));
    } finally {
      await other.stop();
    }
  });

  it('takes over a lock whose process is gone, or that is unreadable', async () => {
    const file = lockFile();
    const other = otherProcess();
    await other.stop();
    fs.writeFileSync(file, `${other.pid}\n`);
    ProcessLock.acquire(file).release();
    fs.writeFileSync(file, 'garbage');
    ProcessLock.acquire(file).release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('does not remove a lock another process has taken over since', async () => {
    const file = lockFile();
    const lock = ProcessLock.acquire(file);
    const other = otherProcess();
    try {
      fs.writeFileSync(file, `${other.pid}\n`);
      lock.release();
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(other.pid));
    } finally {
      await other.stop();
    }
  });
});
