/**
 * A Node peer of a Horizon server for tests and benchmarks: creates a session over the HTTP API, joins people,
 * and opens a team room with y-websocket (ws as the WebSocket, no BroadcastChannel, per DESIGN.md).
 */
import { COLLAB_PATH, type CreateSessionResponse, type JoinResponse } from './shared.js';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface TestSession {
  sessionId: string;
  facilitatorToken: string;
  participantCode: string;
  teamId: string;
  teamRoom: string;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createSession(baseUrl: string, title: string, horizonYear = 2036): Promise<TestSession> {
  const created = await post<CreateSessionResponse>(`${baseUrl}/api/sessions`, {
    title,
    horizonYear,
    teams: ['Команда 1', 'Команда 2'],
  });
  const teamId = created.teams[0]!.teamId;
  return {
    sessionId: created.sessionId,
    facilitatorToken: created.facilitatorToken,
    participantCode: created.codes.participant,
    teamId,
    teamRoom: created.rooms.teams[teamId]!,
  };
}

export async function join(baseUrl: string, session: TestSession, name: string): Promise<JoinResponse> {
  return post<JoinResponse>(`${baseUrl}/api/join`, { code: session.participantCode, name, teamId: session.teamId });
}

/** What the web client stores for a joined person (`horizon.session.<id>` in localStorage). */
export function storedCredentials(joined: JoinResponse, name: string): string {
  return JSON.stringify({
    token: joined.token,
    role: joined.role,
    participantId: joined.participantId,
    teamId: joined.teamId,
    name,
  });
}

export interface OpenRoom {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

export async function openRoom(baseUrl: string, room: string, token: string): Promise<OpenRoom> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + COLLAB_PATH, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`room ${room} did not sync`)), 15_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once a fresh peer of the room sees `check` hold: the honest proof that the server has the writes. */
export async function serverSees(
  baseUrl: string,
  room: string,
  token: string,
  check: (doc: Y.Doc) => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const probe = await openRoom(baseUrl, room, token);
    const ok = check(probe.doc);
    probe.close();
    if (ok) return;
    if (Date.now() - started > timeoutMs) throw new Error(`the server did not show the expected state of ${room}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
