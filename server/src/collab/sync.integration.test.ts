import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, createSession, startTestServer, waitFor, waitForSynced } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(dataDir?: string) {
  const server = await startTestServer(dataDir ? { dataDir } : {});
  servers.push(server);
  return server;
}

function client(server: TestServer, room: string, token: string, doc?: Y.Doc) {
  const c = connectClient(server.wsUrl, room, token, doc);
  clients.push(c);
  return c;
}

describe('two y-websocket clients in one team room', () => {
  it('converge on concurrent edits, and a late joiner gets everything', async () => {
    const server = await start();
    const session = await createSession(server);
    const anna = await session.join('Анна', session.teamA);
    const boris = await session.join('Борис', session.teamA);
    const room = anna.rooms.teams[session.teamA]!;
    const a = client(server, room, anna.token);
    const b = client(server, room, boris.token);
    await Promise.all([waitForSynced(a), waitForSynced(b)]);

    // Concurrent edits from both sides, including text typed at the same position.
    a.doc.getText('t').insert(0, 'Самара ');
    b.doc.getText('t').insert(0, '2036 ');
    a.doc.getMap('notes').set('n1', 'Люди');
    b.doc.getMap('notes').set('n2', 'Экономика');
    await waitFor(() => a.doc.getMap('notes').size === 2 && b.doc.getMap('notes').size === 2, 5000, 'maps');
    await waitFor(() => a.doc.getText('t').toString() === b.doc.getText('t').toString(), 5000, 'text');
    expect(a.doc.getText('t').toString()).toHaveLength('Самара 2036 '.length);

    const late = client(server, room, anna.token);
    await waitForSynced(late);
    expect(late.doc.getMap('notes').toJSON()).toEqual({ n1: 'Люди', n2: 'Экономика' });
    expect(late.doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
  });

  it('keeps teams apart: an edit in one team room never reaches another', async () => {
    const server = await start();
    const session = await createSession(server);
    const anna = await session.join('Анна', session.teamA);
    const boris = await session.join('Борис', session.teamB);
    const a = client(server, anna.rooms.teams[session.teamA]!, anna.token);
    const b = client(server, boris.rooms.teams[session.teamB]!, boris.token);
    await Promise.all([waitForSynced(a), waitForSynced(b)]);
    a.doc.getMap('notes').set('secret', 'только команда А');
    const probe = client(server, anna.rooms.teams[session.teamA]!, anna.token);
    await waitFor(() => probe.doc.getMap('notes').has('secret'), 5000, 'probe');
    expect(b.doc.getMap('notes').has('secret')).toBe(false);
  });

  it('seeds the session room for every reader, and the data survives a restart', async () => {
    const first = await start();
    const session = await createSession(first);
    const anna = await session.join('Анна', session.teamA);
    const room = anna.rooms.teams[session.teamA]!;
    const a = client(first, room, anna.token);
    await waitForSynced(a);
    for (let i = 0; i < 50; i++) a.doc.getArray<number>('seq').push([i]);
    const observer = client(first, room, anna.token);
    await waitFor(() => observer.doc.getArray('seq').length === 50, 5000, 'observer');
    const sessionReader = client(first, anna.rooms.session, anna.token);
    await waitForSynced(sessionReader);
    expect(sessionReader.doc.getMap('meta').get('title')).toBe('Образ будущего 2036');
    expect(sessionReader.doc.getMap('teams').size).toBe(2);

    clients.splice(0).forEach((c) => c.destroy());
    await first.close();
    const second = await start(first.dataDir);
    const again = client(second, room, anna.token);
    await waitForSynced(again);
    expect(again.doc.getArray('seq').toArray()).toEqual([...Array(50).keys()]);
    expect(again.doc.getMap('meta').get('teamId')).toBe(session.teamA);
  });

  // yjs follows a formatted Y.Text change with a formatting clean-up transaction of its own; the server once let that
  // second transaction hide the client's update, which then reached neither the other client nor the disk.
  it('relays and stores formatted text typed letter by letter (rich text, as the vision editor writes it)', async () => {
    const first = await start();
    const session = await createSession(first);
    const anna = await session.join('Анна', session.teamA);
    const boris = await session.join('Борис', session.teamA);
    const room = anna.rooms.teams[session.teamA]!;
    const a = client(first, room, anna.token);
    const b = client(first, room, boris.token);
    await Promise.all([waitForSynced(a), waitForSynced(b)]);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    a.doc.getXmlFragment('vision').insert(0, [paragraph]);
    const word = 'Таланты остаются';
    for (let i = 0; i < word.length; i++) {
      a.doc.transact(() => text.insert(i, word[i]!, { bold: true }));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const expected = `<paragraph><bold>${word}</bold></paragraph>`;
    await waitFor(() => b.doc.getXmlFragment('vision').toString() === expected, 5000, 'formatted text at Boris');

    clients.splice(0).forEach((c) => c.destroy());
    await first.close();
    const second = await start(first.dataDir);
    const again = client(second, room, anna.token);
    await waitForSynced(again);
    expect(again.doc.getXmlFragment('vision').toString()).toBe(expected);
  });

  it('shows a reconnecting page present again at once, and never lets another participant take its place', async () => {
    const server = await start();
    const session = await createSession(server);
    const anna = await session.join('Анна', session.teamA);
    const boris = await session.join('Борис', session.teamA);
    const room = anna.rooms.teams[session.teamA]!;
    const a = client(server, room, anna.token);
    const b = client(server, room, boris.token);
    await Promise.all([waitForSynced(a), waitForSynced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Анна' });
    const annaId = a.doc.clientID;
    const seesAnna = () => b.provider.awareness.getStates().get(annaId)?.['user']?.name === 'Анна';
    await waitFor(seesAnna, 5000, 'presence');

    // What Horizon's client does on every (re)connect (client/src/collab/RoomConnection.ts): renew its presence twice,
    // past the clock the room used to announce it gone.
    a.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      const state = a.provider.awareness.getLocalState();
      a.provider.awareness.setLocalState({ ...state });
      a.provider.awareness.setLocalState({ ...state });
    });
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(annaId), 5000, 'departure');
    a.provider.connect();
    // The same participant may take its client ID back at once (another may not, for 10 s).
    await waitFor(seesAnna, 3000, 'presence after reconnect');

    // Another participant echoing Anna's ID right after she leaves is still refused.
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(annaId), 5000, 'second departure');
    const forged = new Y.Doc();
    forged.clientID = annaId;
    const forgedClient = client(server, room, boris.token, forged);
    await waitForSynced(forgedClient);
    forgedClient.provider.awareness.setLocalStateField('user', { name: 'Не Анна' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.provider.awareness.getStates().get(annaId)).toBeUndefined();
  });
});
