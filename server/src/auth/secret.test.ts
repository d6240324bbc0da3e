import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from './secret.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-secret-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateSecret', () => {
  it('uses the configured secret and writes nothing', () => {
    const dir = tempDir();
    expect(loadOrCreateSecret(dir, 'configured-secret-value')).toBe('configured-secret-value');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('prefers the configured secret over one already on disk', () => {
    const dir = tempDir();
    const generated = loadOrCreateSecret(dir, undefined);
    expect(loadOrCreateSecret(dir, 'configured-secret-value')).not.toBe(generated);
  });

  it('generates a secret once and reads the same one back, so tokens survive a restart', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const first = loadOrCreateSecret(dir, undefined);
    const second = loadOrCreateSecret(dir, undefined);
    expect(second).toBe(first);
    // Long enough for TokenSigner, and random rather than fixed.
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateSecret(tempDir(), undefined)).not.toBe(first);
  });

  it.skipIf(process.platform === 'win32')('keeps the generated secret readable by its owner only', () => {
    const dir = tempDir();
    loadOrCreateSecret(dir, undefined);
    const [file] = fs.readdirSync(dir);
    expect(file).toBeDefined();
    expect(fs.statSync(path.join(dir, file!)).mode & 0o777).toBe(0o600);
  });

  it('treats an empty configured secret as not configured', () => {
    const dir = tempDir();
    const secret = loadOrCreateSecret(dir, '');
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateSecret(dir, undefined)).toBe(secret);
  });
});
