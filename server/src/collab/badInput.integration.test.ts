/**
 * Hostile and broken input on the socket: every case gets a clear close code, and leaves the room, the store, the
 * server and the other users as they were.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, MessageType, SyncMessageType } from '@horizon/shared';
import {
  api,
  connectClient,
  connectRaw,
  createSession,
  startTestServer,
  waitFor,
  waitForSynced,
} from '../testing/testServer.js';
import type { RawClient, SessionFixture, TestClient, TestServer } from '../testing/testServer.js';

let server: TestServer;
let session: SessionFixture;
let room: string;
let token: string;
/** The attacker: a participant of the same team, so it has write access, but not the bystander's identity. */
let rawToken: string;
let bystander: TestClient;
const clients: TestClient[] = [];

const limits = {
  maxMessageBytes: 64 * 1024,
  maxRoomBytes: 256 * 1024,
  maxAwarenessBytes: 1024,
  messagesPerSecond: 50,
  messageBurst: 100,
};

beforeEach(async () => {
  server = await startTestServer({ limits });
  session = await createSession(server);
  const anna = await session.join('Анна', session.teamA);
  room = anna.rooms.teams[session.teamA]!;
  token = anna.token;
  rawToken = (await session.join('Злоумышленник', session.teamA)).token;
  bystander = connectClient(server.wsUrl, room, token);
  clients.push(bystander);
  await waitForSynced(bystander);
  bystander.doc.getMap('notes').set('before', 'есть');
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function updateFrame(update: Uint8Array, type: number = SyncMessageType.update): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, update);
  });
}

function awarenessFrame(entries: { clientId: number; clock: number; state: string }[]): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.state);
    }
  });
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, inner);
  });
}

async function rawSend(
  ...frames: Uint8Array[]
): Promise<{ client: RawClient; close: { code: number; reason: string } }> {
  const client = connectRaw(server.wsUrl, room, rawToken);
  await client.opened;
  await waitFor(() => client.messages.length > 0, 5000, 'greeting');
  for (const f of frames) client.ws.send(f);
  return { client, close: await client.closed };
}

/** The room still works for others, holds what it held, and the server answers. */
async function expectUnharmed(): Promise<void> {
  expect(bystander.provider.wsconnected).toBe(true);
  const witness = connectClient(server.wsUrl, room, token);
  clients.push(witness);
  await waitForSynced(witness);
  bystander.doc.getMap('notes').set('after', 'тоже');
  await waitFor(() => witness.doc.getMap('notes').get('after') === 'тоже', 5000, 'a write after the attack');
  expect(witness.doc.getMap('notes').get('before')).toBe('есть');
  const live = server.rooms.peek(room)!;
  expect(live.doc.store.pendingStructs).toBeNull();
  expect(live.doc.store.pendingDs).toBeNull();
  expect((await api(server, 'GET', '/api/health')).status).toBe(200);
}

describe('malformed frames', () => {
  it('garbage bytes close with 4400', async () => {
    const { close } = await rawSend(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect(close.code).toBe(CloseCode.malformed);
    await expectUnharmed();
  });

  it('an unknown message type closes with 4400', async () => {
    const { close } = await rawSend(new Uint8Array([9, 0]));
    expect(close).toMatchObject({ code: CloseCode.malformed, reason: 'unknown message type 9' });
    await expectUnharmed();
  });

  it('a truncated update closes with 4400 and changes nothing', async () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('evil', 'x'.repeat(100));
    const update = Y.encodeStateAsUpdate(doc);
    const { close } = await rawSend(updateFrame(update.subarray(0, update.length - 20)));
    expect(close.code).toBe(CloseCode.malformed);
    await expectUnharmed();
    expect(server.rooms.peek(room)!.doc.getMap('notes').has('evil')).toBe(false);
  });

  it('a V2 update is refused: only V1 is accepted', async () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('v2', 'payload');
    const { close } = await rawSend(updateFrame(Y.encodeStateAsUpdateV2(doc)));
    expect(close.code).toBe(CloseCode.malformed);
    await expectUnharmed();
    expect(server.rooms.peek(room)!.doc.getMap('notes').has('v2')).toBe(false);
  });

  it('cheap CPU and memory bombs (huge counts, lengths and clocks) are refused before yjs sees them', async () => {
    const bombs = [
      frame((e) => encoding.writeVarUint(e, 2 ** 30)), // claims a billion clients
      frame((e) => {
        // one GC struct claiming a 2^40-long range
        [1, 1, 7, 0].forEach((n) => encoding.writeVarUint(e, n));
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, 2 ** 40);
        encoding.writeVarUint(e, 0);
      }),
      frame((e) => {
        // a delete set range of 2^40
        [0, 1, 7, 1, 0].forEach((n) => encoding.writeVarUint(e, n));
        encoding.writeVarUint(e, 2 ** 40);
      }),
    ];
    for (const bomb of bombs) {
      const { close } = await rawSend(updateFrame(bomb));
      expect(close.code).toBe(CloseCode.malformed);
    }
    await expectUnharmed();
  });

  it('an update with missing dependencies is refused and leaves no pending structs for later joiners', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'первое');
    doc.getText('t').insert(6, ' второе');
    const { close } = await rawSend(updateFrame(updates[1]!));
    expect(close).toMatchObject({ code: CloseCode.malformed });
    expect(close.reason).toContain('depends on content');
    await expectUnharmed();
    expect(server.rooms.peek(room)!.doc.getText('t').toString()).toBe('');
  });
});

describe('limits', () => {
  it('a message over the size limit closes with 4413', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'я'.repeat(limits.maxMessageBytes));
    const { close } = await rawSend(updateFrame(Y.encodeStateAsUpdate(doc)));
    expect(close.code).toBe(CloseCode.tooLarge);
    await expectUnharmed();
  });

  it('a room cannot grow past its size limit', async () => {
    const frames: Uint8Array[] = [];
    const doc = new Y.Doc();
    let previous = Y.encodeStateVector(doc);
    for (let i = 0; i < 10; i++) {
      doc.getArray('blobs').push(['x'.repeat(40 * 1024)]);
      frames.push(updateFrame(Y.encodeStateAsUpdate(doc, previous)));
      previous = Y.encodeStateVector(doc);
    }
    const { close } = await rawSend(...frames);
    expect(close.code).toBe(CloseCode.tooLarge);
    await expectUnharmed();
  });

  it('a flood of messages closes with 4429', async () => {
    const query = new Uint8Array([MessageType.queryAwareness]);
    const { close } = await rawSend(...Array.from({ length: 400 }, () => query));
    expect(close.code).toBe(CloseCode.tooFast);
    await expectUnharmed();
  });

  it('an honest fast typist is never throttled', async () => {
    const typist = connectClient(server.wsUrl, room, token);
    clients.push(typist);
    await waitForSynced(typist);
    // 100 keystrokes in one burst, each its own update message: within the burst allowance.
    for (let i = 0; i < 90; i++) typist.doc.getText('t').insert(i, 'a');
    await waitFor(() => bystander.doc.getText('t').length === 90, 5000, 'typing');
    expect(typist.provider.wsconnected).toBe(true);
  });
});

describe('awareness', () => {
  it('entries for another connection’s client ID are dropped: nobody can rewrite or erase another’s presence', async () => {
    bystander.provider.awareness.setLocalStateField('user', { name: 'Анна' });
    const victim = bystander.doc.clientID;
    await waitFor(() => server.rooms.peek(room)!.awareness.getStates().has(victim), 5000, 'presence');
    const attacker = connectRaw(server.wsUrl, room, rawToken);
    await attacker.opened;
    attacker.ws.send(awarenessFrame([{ clientId: victim, clock: 999, state: '{"user":{"name":"Подмена"}}' }]));
    attacker.ws.send(awarenessFrame([{ clientId: victim, clock: 1000, state: 'null' }]));
    attacker.ws.send(awarenessFrame([{ clientId: 4242, clock: 1, state: '{"user":{"name":"Злоумышленник"}}' }]));
    await waitFor(() => server.rooms.peek(room)!.awareness.getStates().has(4242), 5000, 'attacker’s own presence');
    expect(server.rooms.peek(room)!.awareness.getStates().get(victim)).toMatchObject({ user: { name: 'Анна' } });
    expect(bystander.provider.awareness.getStates().get(victim)).toMatchObject({ user: { name: 'Анна' } });
    attacker.ws.close();
    await expectUnharmed();
  });

  it('an oversized awareness state closes with 4413', async () => {
    const state = JSON.stringify({ user: { name: 'x'.repeat(limits.maxAwarenessBytes) } });
    const { close } = await rawSend(awarenessFrame([{ clientId: 12345, clock: 1, state }]));
    expect(close.code).toBe(CloseCode.tooLarge);
    await expectUnharmed();
  });

  it('one connection speaks for a few client IDs at most', async () => {
    const attacker = connectRaw(server.wsUrl, room, rawToken);
    await attacker.opened;
    const entries = Array.from({ length: 10 }, (_, i) => ({ clientId: 1000 + i, clock: 1, state: '{}' }));
    attacker.ws.send(awarenessFrame(entries));
    await waitFor(() => server.rooms.peek(room)!.awareness.getStates().has(1000), 5000, 'first claims');
    const claimed = [...server.rooms.peek(room)!.awareness.getStates().keys()].filter((id) => id >= 1000 && id < 1010);
    expect(claimed.length).toBe(4);
    attacker.ws.close();
    await expectUnharmed();
  });

  it('presence is removed for everyone when a client leaves', async () => {
    const guest = connectClient(server.wsUrl, room, token);
    guest.provider.awareness.setLocalStateField('user', { name: 'Гость' });
    await waitFor(() => bystander.provider.awareness.getStates().has(guest.doc.clientID), 5000, 'guest visible');
    guest.destroy();
    await waitFor(() => !bystander.provider.awareness.getStates().has(guest.doc.clientID), 5000, 'guest gone');
  });
});
