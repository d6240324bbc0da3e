/** Helpers for the facilitation integration tests. */
import type * as Y from 'yjs';
import { Origin } from '@horizon/shared';
import { addNote } from '@horizon/shared/board';
import { createInitiative } from '@horizon/shared/initiatives';
import { api, connectClient, waitForSynced } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';

export type ErrorBody = { error: string; message: string };

/** Sends a facilitator command (with the facilitator's token unless another is given). */
export function command<T = { ok: true }>(
  server: TestServer,
  s: SessionFixture,
  body: unknown,
  token: string | undefined = s.created.facilitatorToken,
) {
  return api<T>(server, 'POST', `/api/sessions/${s.created.sessionId}/commands`, body, token);
}

/** A y-websocket reader of the session document, synced. */
export async function sessionReader(server: TestServer, s: SessionFixture, token: string): Promise<TestClient> {
  const client = connectClient(server.wsUrl, s.created.rooms.session, token);
  await waitForSynced(client);
  return client;
}

/** Adds a note to a team's board from the server side; returns its id. */
export async function addTeamNote(server: TestServer, s: SessionFixture, teamId: string, text: string) {
  let id = '';
  await server.rooms.change({ kind: 'team', sessionId: s.created.sessionId, teamId }, Origin.server, (doc) => {
    id = addNote(doc, { x: 0, y: 0, text, authorId: 'test', authorName: 'Тест' }, Origin.server);
  });
  return id;
}

export async function addTeamInitiative(server: TestServer, s: SessionFixture, teamId: string, title: string) {
  let id = '';
  await server.rooms.change({ kind: 'team', sessionId: s.created.sessionId, teamId }, Origin.server, (doc) => {
    id = createInitiative(doc, { title, createdBy: 'test' }, Origin.server);
  });
  return id;
}

/**
 * Everything a session document holds, as JSON. A client knows a root type only once something asks for it by kind,
 * so each root (all maps in the session document) is asked for first; otherwise `toJSON` would skip it.
 */
export function wholeDocJson(doc: Y.Doc): string {
  for (const key of [...doc.share.keys()]) doc.getMap(key);
  return JSON.stringify(doc.toJSON());
}
