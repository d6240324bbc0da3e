// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenRenewer } from './RoomConnection';
import { RoomRegistry } from './RoomRegistry';

/** A socket that never opens by itself: the test decides when the server answers or closes it. */
class FakeSocket {
  static readonly instances: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  /** The token this socket was opened with. */
  get token(): string | null {
    return new URL(this.url).searchParams.get('token');
  }

  send(): void {}

  close(): void {
    this.readyState = this.CLOSED;
  }

  /** The server closes the socket with this code. */
  serverCloses(code: number, reason = ''): void {
    this.readyState = this.CLOSED;
    this.onclose?.({ code, reason });
  }
}

const NOW_S = 1_900_000_000;
const ROOM = 'team:sess0001:teamb001';

/** A token as the server shapes it (`base64url(JSON claims).signature`); the client never checks the signature. */
function token(claims: { teamId: string; exp: number; signature?: string }): string {
  const payload = { sessionId: 'sess0001', participantId: 'part0001', role: 'participant', v: 1, ...claims };
  delete (payload as { signature?: string }).signature;
  const base64 = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${base64}.${claims.signature ?? 'sig'}`;
}

function lastSocket(): FakeSocket {
  const socket = FakeSocket.instances.at(-1);
  if (!socket) throw new Error('no socket was opened');
  return socket;
}

describe('RoomRegistry and its room connections', () => {
  let registry: RoomRegistry;

  beforeEach(() => {
    vi.useFakeTimers({ now: NOW_S * 1000 });
    FakeSocket.instances.length = 0;
    vi.stubGlobal('WebSocket', FakeSocket);
  });

  afterEach(() => {
    registry?.destroyAll();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('opens the next socket with a renewed token that expires in the same second (a move just after joining)', async () => {
    registry = new RoomRegistry('ws://horizon.test', null, 0);
    const beforeMove = token({ teamId: 'teama001', exp: NOW_S + 3600 });
    // The facilitator moved the person within the second the first token was signed: same expiry, new team.
    const afterMove = token({ teamId: 'teamb001', exp: NOW_S + 3600, signature: 'sig2' });
    const connection = registry.acquire(ROOM, beforeMove);
    expect(lastSocket().token).toBe(beforeMove);

    expect(registry.acquire(ROOM, afterMove)).toBe(connection);
    expect(connection.token).toBe(afterMove);
    lastSocket().serverCloses(1006);
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastSocket().token).toBe(afterMove);
  });

  it('keeps its token when offered an older one of the same person', () => {
    registry = new RoomRegistry('ws://horizon.test', null, 0);
    const fresh = token({ teamId: 'teamb001', exp: NOW_S + 3600 });
    const stale = token({ teamId: 'teamb001', exp: NOW_S + 60 });
    const connection = registry.acquire(ROOM, fresh);
    registry.acquire(ROOM, stale);
    expect(connection.token).toBe(fresh);
  });

  it('a room refused for its token connects again when a component brings a newer token', async () => {
    const expired = token({ teamId: 'teama001', exp: NOW_S - 10 });
    const renewed = token({ teamId: 'teama001', exp: NOW_S + 3600 });
    const afterMove = token({ teamId: 'teamb001', exp: NOW_S + 3601 });
    const renew = vi.fn<TokenRenewer>(async () => renewed);
    registry = new RoomRegistry('ws://horizon.test', renew, 0);
    const connection = registry.acquire(ROOM, expired);

    // Expired: renewed once, automatically.
    lastSocket().serverCloses(4401, 'token expired');
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(lastSocket().token).toBe(renewed);
    // Before that socket synced, the person was moved: the renewed token no longer fits this room.
    lastSocket().serverCloses(4403, 'moved to another team');
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.getState()).toMatchObject({ kind: 'refused', code: 4403 });

    // The page follows the move with a newer token; the room must use it rather than stay refused.
    const sockets = FakeSocket.instances.length;
    registry.acquire(ROOM, afterMove);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.instances.length).toBeGreaterThan(sockets);
    expect(lastSocket().token).toBe(afterMove);
    expect(connection.getState().kind).not.toBe('refused');
  });
  it('tells when the server refused an edit from this device, until the cause is gone', () => {
    registry = new RoomRegistry('ws://horizon.test', null, 0);
    const connection = registry.acquire(ROOM, token({ teamId: 'teamb001', exp: NOW_S + 3600 }));
    const heard = vi.fn();
    connection.subscribe(heard);
    expect(connection.getWritesRefused()).toBe(false);
    // messageType auth (2), permission denied (0), then the reason as a length-prefixed string.
    const reason = new TextEncoder().encode('locked: the facilitator has locked this team for now');
    const frame = new Uint8Array([2, 0, reason.length, ...reason]);
    lastSocket().onmessage?.({ data: frame.buffer });
    expect(connection.getWritesRefused()).toBe(true);
    expect(heard).toHaveBeenCalled();
    connection.clearWritesRefused();
    expect(connection.getWritesRefused()).toBe(false);
  });
});
