/**
 * Test helpers: a real Horizon app on port 0 with a real SQLite file in a fresh directory, plus y-websocket
 * clients and raw WebSocket clients that speak to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateSessionResponse, JoinResponse } from '@horizon/shared';
import { buildApp } from '../app.js';
import type { HorizonApp } from '../app.js';
import { defaultConfig, defaultLimits } from '../config.js';
import type { CollabLimits, Config } from '../config.js';
import type { Store } from '../persistence/Store.js';

export interface TestServer extends HorizonApp {
  baseUrl: string;
  wsUrl: string;
  dataDir: string;
  config: Config;
  close(): Promise<void>;
}

export function tempDir(prefix = 'horizon-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(
  overrides: Partial<Omit<Config, 'limits'>> & { limits?: Partial<CollabLimits> } = {},
  options: { store?: Store } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const config = defaultConfig({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    clientDir: undefined,
    roomUnloadDelayMs: 200,
    ...overrides,
    dataDir,
    limits: { ...defaultLimits, ...overrides.limits },
  });
  const built = await buildApp(config, options);
  const address = await built.app.listen({ host: config.host, port: 0 });
  let closed = false;
  return {
    ...built,
    baseUrl: address,
    wsUrl: address.replace(/^http/, 'ws'),
    dataDir,
    config,
    async close() {
      if (closed) return;
      closed = true;
      await built.app.close();
    },
  };
}

export async function api<T>(
  server: { baseUrl: string },
  method: string,
  url: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(server.baseUrl + url, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : null,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export interface SessionFixture {
  created: CreateSessionResponse;
  teamA: string;
  teamB: string;
  join(name: string, teamId?: string, code?: string): Promise<JoinResponse>;
}

/** A session with two teams, and a helper to join it. */
export async function createSession(server: TestServer, title = 'Образ будущего 2036'): Promise<SessionFixture> {
  const res = await api<CreateSessionResponse>(server, 'POST', '/api/sessions', {
    title,
    teams: ['Команда А', 'Команда Б'],
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${JSON.stringify(res.body)}`);
  const created = res.body;
  return {
    created,
    teamA: created.teams[0]!.teamId,
    teamB: created.teams[1]!.teamId,
    async join(name, teamId, code = created.codes.participant) {
      const joined = await api<JoinResponse>(server, 'POST', '/api/join', {
        code,
        name,
        ...(teamId ? { teamId } : {}),
      });
      if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
      return joined.body;
    },
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** An unmodified y-websocket provider in Node, as the README documents it. */
export function connectClient(wsUrl: string, room: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(`${wsUrl}/collab`, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export function waitForSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, timeoutMs, 'sync');
}

/** A raw WebSocket to a room, for sending frames a real provider never would. */
export interface RawClient {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

export function connectRaw(
  wsUrl: string,
  room: string,
  token?: string,
  headers: Record<string, string> = {},
): RawClient {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  const ws = new WebSocket(`${wsUrl}/collab/${room}${query}`, { headers });
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  return { ws, messages, closed, opened };
}
