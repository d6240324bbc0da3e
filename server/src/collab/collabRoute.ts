/**
 * The room server's endpoint: `/collab/<room>?token=…`, speaking the standard y-websocket protocol.
 *
 * Admission happens after the upgrade, so every refusal reaches the client as a close code with a reason
 * (y-websocket retries forever after an HTTP error, but stops on 4400–4499). The message listener is attached
 * synchronously, before any await, or the client's first sync message would be lost.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { COLLAB_PATH, CloseCode, parseRoomName, roomAccess, roomNameOf } from '@horizon/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { SessionService } from '../sessions/SessionService.js';
import { Connection } from './Connection.js';
import { isOriginAllowed } from './origin.js';
import type { RoomManager } from './RoomManager.js';

export interface CollabDeps {
  config: Config;
  signer: TokenSigner;
  sessions: SessionService;
  rooms: RoomManager;
  metrics: Metrics;
  /** Team locks (facilitation/LockService): a session's locks are in memory before anyone joins its team rooms. */
  locks: { ensureLoaded(sessionId: string): Promise<void> };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** What admission needs from the upgrade request, copied out so the request object is not kept alive. */
interface Upgrade {
  url: string;
  origin: string | undefined;
  host: string | undefined;
}

export function collabRoute(app: FastifyInstance, deps: CollabDeps): void {
  const log = app.log;
  const onRefuse = (code: number, reason: string) => {
    deps.metrics.refusals.inc({ reason: String(code) });
    log.info({ code, reason }, 'collab connection refused');
  };
  app.get(`${COLLAB_PATH}/*`, { websocket: true, config: { rateLimit: false } }, (socket: WebSocket, request) => {
    // Nothing below may capture `request`: a long-lived socket would keep it (and its logger) in memory.
    const upgrade: Upgrade = { url: request.url, origin: request.headers.origin, host: request.headers.host };
    const conn = new Connection(socket, deps.config.limits, onRefuse);
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => conn.receive(toBytes(data)));
    deps.metrics.connections.inc();
    let leave: (() => void) | undefined;
    socket.on('close', () => {
      conn.closing = true;
      deps.metrics.connections.dec();
      leave?.();
    });
    forgetUpgrade(socket);
    socket.on('error', (error) => log.warn({ err: error }, 'collab socket error'));

    admit(conn, upgrade, deps).then(
      (release) => {
        if (conn.closing) release();
        else leave = release;
      },
      (error: unknown) => {
        log.error({ err: error }, 'collab admission failed');
        conn.close(1011, 'the server could not open the room');
      },
    );
  });
}

/**
 * Drops what keeps the upgrade's HTTP objects alive for the socket's whole life: @fastify/websocket's error listener
 * closes over the Fastify request and reply, and the TCP socket still points to the hijacked ServerResponse (and
 * through it the IncomingMessage, its headers and the request logger): kilobytes per idle connection. Errors are
 * handled by our own listener instead (ws closes the socket after an error either way).
 */
function forgetUpgrade(socket: WebSocket): void {
  socket.removeAllListeners('error');
  const tcp = (socket as unknown as { _socket?: { _httpMessage?: ServerResponse | null } })._socket;
  const response = tcp?._httpMessage;
  if (tcp && response && typeof response.detachSocket === 'function') response.detachSocket(tcp as never);
}

/** Checks origin, token, rights and the room; joins the connection to the room. Returns how to leave it. */
async function admit(conn: Connection, request: Upgrade, deps: CollabDeps): Promise<() => void> {
  const noop = () => {};
  if (!isOriginAllowed(request.origin, request.host, deps.config.allowedOrigins)) {
    conn.close(CloseCode.forbidden, 'this origin may not open rooms');
    return noop;
  }
  const url = new URL(request.url, 'http://server');
  const roomName = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
  const token = url.searchParams.get('token');
  if (!token) {
    conn.close(CloseCode.unauthorized, 'a token is required');
    return noop;
  }
  const verified = deps.signer.verify(token);
  if (!verified.ok) {
    conn.close(CloseCode.unauthorized, verified.reason === 'expired' ? 'token expired' : 'invalid token');
    return noop;
  }
  const ref = parseRoomName(roomName);
  if (!ref) {
    conn.close(CloseCode.notFound, 'no such room');
    return noop;
  }
  const access = roomAccess(verified.claims, ref);
  if (access === 'none') {
    conn.close(CloseCode.forbidden, 'this token does not grant this room');
    return noop;
  }
  const admission = await deps.sessions.admission(ref, verified.claims);
  if (conn.closing) return noop;
  if (admission !== 'ok') {
    if (admission === 'moved') conn.close(CloseCode.forbidden, 'moved to another team; renew the token');
    else conn.close(CloseCode.notFound, 'no such room');
    return noop;
  }
  conn.claims = verified.claims;
  conn.access = access;
  // The write path checks locks from memory, so they must be there before the first update can arrive.
  if (ref.kind === 'team' && access === 'write') await deps.locks.ensureLoaded(ref.sessionId);
  const room = await deps.rooms.acquire(roomNameOf(ref), ref);
  // Joined even if the client left while the room loaded: leaving then schedules the unload as usual.
  room.join(conn);
  return () => room.leave(conn);
}
