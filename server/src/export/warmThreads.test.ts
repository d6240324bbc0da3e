import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WarmThreadPool } from './warmThreads.js';

/** A thread speaking the pool's protocol: doubles numbers, refuses "bad", dies on "exit", never answers "hang". */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, job }) => {
  if (job === 'exit') process.exit(3);
  if (job === 'hang') return;
  if (job === 'bad') return parentPort.postMessage({ id, ok: false, message: 'refused' });
  parentPort.postMessage({ id, ok: true, result: job * 2 });
});
`;

let spawned = 0;
let pool: WarmThreadPool<unknown, number>;

function makePool(timeoutMs = 5_000, idleMs = 60_000) {
  spawned = 0;
  pool = new WarmThreadPool({
    what: 'Test',
    spawn: () => {
      spawned++;
      return new Worker(SOURCE, { eval: true });
    },
    timeoutMs,
    idleMs,
  });
  return pool;
}

afterEach(() => pool.close());

describe('warm render threads', () => {
  it('run one job after another on the same thread', async () => {
    makePool();
    expect(await pool.run(2)).toBe(4);
    expect(await pool.run(5)).toBe(10);
    expect(spawned).toBe(1);
    expect(pool.idleThreads).toBe(1);
  });

  it('keep a thread whose job was refused, and replace one that died or hung', async () => {
    makePool(300);
    await expect(pool.run('bad')).rejects.toThrow('Test rendering failed: refused');
    expect(pool.idleThreads).toBe(1);
    await expect(pool.run('exit')).rejects.toThrow('Test worker exited with code 3');
    expect(pool.idleThreads).toBe(0);
    await expect(pool.run('hang')).rejects.toThrow('Test rendering timed out');
    expect(pool.idleThreads).toBe(0);
    expect(await pool.run(1)).toBe(2);
    expect(spawned).toBe(3);
  });

  it('start threads ahead of the jobs, and end idle ones', async () => {
    makePool(5_000, 200);
    pool.warm(2);
    pool.warm(2);
    expect(spawned).toBe(2);
    const results = await Promise.all([pool.run(1), pool.run(2)]);
    expect(results).toEqual([2, 4]);
    expect(spawned).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pool.idleThreads).toBe(0);
  });
});
