/**
 * Join/leave soak: thousands of clients come and go across many rooms. Afterwards no room, connection, timer or
 * listener is left behind, and memory returns near where it started.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createSession, startTestServer, waitFor, waitForSynced } from '../testing/testServer.js';
import type { TestServer } from '../testing/testServer.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function settledHeapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate').length;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ roomUnloadDelayMs: 20 });
});
afterAll(async () => {
  await server.close();
});

describe('join/leave soak', () => {
  it('2000 join/leave cycles over 20 rooms leave no room, connection or timer behind', async () => {
    const sessions = await Promise.all([0, 1].map(() => createSession(server)));
    const people = await Promise.all(
      sessions.flatMap((s) => [s.teamA, s.teamB].map((team) => s.join('Участник', team).then((j) => ({ j, team })))),
    );
    // Ten team rooms and two session rooms per pass, plus repeats: 20 distinct rooms in total with both sessions.
    const targets = people.flatMap(({ j, team }) =>
      [j.rooms.teams[team]!, j.rooms.session].map((room) => ({ room, token: j.token })),
    );
    const extra = await Promise.all(sessions.map((s) => createSession(server).then((t) => ({ s, t }))));
    for (const { t } of extra) {
      for (const team of [t.teamA, t.teamB]) {
        const j = await t.join('Гость', team);
        targets.push({ room: j.rooms.teams[team]!, token: j.token }, { room: j.rooms.session, token: j.token });
      }
    }

    const cycle = async (n: number) => {
      const target = targets[n % targets.length]!;
      const c = connectClient(server.wsUrl, target.room, target.token);
      c.provider.awareness.setLocalStateField('user', { name: `u${n}` });
      await waitForSynced(c, 10_000);
      if (target.room.startsWith('team:')) c.doc.getMap('visits').set(String(n), n);
      c.destroy();
    };

    const warmup = Array.from({ length: 100 }, (_, i) => cycle(i));
    await Promise.all(warmup);
    await waitFor(() => server.rooms.loadedRooms === 0, 10_000, 'warm-up rooms unloaded');
    const heapBefore = settledHeapMb();
    const timersBefore = activeTimers();

    const total = 2000;
    const concurrency = 25;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) await cycle(100 + next++);
      }),
    );
    await waitFor(() => server.rooms.loadedRooms === 0, 15_000, 'rooms unloaded');
    // Closing sockets finish their close handshakes on timers of their own; let them settle.
    await waitFor(() => activeTimers() <= timersBefore + 2, 10_000, 'timers to settle').catch(() => {});
    const connections = (await server.metrics.connections.get()).values[0]?.value;
    const heapAfter = settledHeapMb();
    const timersAfter = activeTimers();
    console.info(
      `soak: ${total} cycles, rooms ${server.rooms.loadedRooms}, connections ${connections}, ` +
        `heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB, timers ${timersBefore} → ${timersAfter}`,
    );
    expect(server.rooms.loadedRooms).toBe(0);
    expect(connections).toBe(0);
    expect(timersAfter).toBeLessThanOrEqual(timersBefore + 2);
    expect(heapAfter - heapBefore).toBeLessThan(15);
  });
});
