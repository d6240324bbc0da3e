import { COLLAB_PATH, CloseCode, MessageType } from '@horizon/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  describeConnection,
  initialFacts,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionFacts,
  type ConnectionState,
} from './connectionState';
import { sendOwnAwarenessOnly } from './ownAwarenessOnly';
import { peersFrom, type Peer, type PresenceUser, type PresenceView } from './presence';
import { tokenIdentity, tokenExpiry } from './tokenIdentity';

/** Exchanges a token the server refused for a new one; null when it will not (the person must join again). */
export type TokenRenewer = (staleToken: string) => Promise<string | null>;

/** Refusals a fresh token can cure: expired (4401), or a team move the old token does not know about (4403). */
const RENEWABLE = new Set<number>([CloseCode.unauthorized, CloseCode.forbidden]);
const RENEW_RETRY_MS = 3000;

/**
 * One room: its Y.Doc, the y-websocket provider that syncs it, a copy in this browser's IndexedDB, and two small
 * stores (connection state, peers) that React reads through `useSyncExternalStore`. Snapshots are replaced, never
 * mutated, so React sees every change.
 *
 * The IndexedDB copy is what makes weak Wi-Fi harmless: every change is written locally first, survives a reload or
 * a closed tab, and reaches the server whenever a socket is up again (Yjs merges it with what others did meanwhile).
 */
export class RoomConnection {
  readonly room: string;
  /** Whose connection this is: two people on one device never share a doc, a socket or a local copy. */
  readonly identity: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Whether edits are kept in this browser while offline (false where IndexedDB is unavailable). */
  readonly savesLocally: boolean;

  #token: string;
  private facts: ConnectionFacts;
  private state: ConnectionState;
  private peers: readonly Peer[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly stopOwnAwareness: () => void;
  private readonly persistence: IndexeddbPersistence | null;
  /** Renewals tried since the last successful sync: one try per refusal, never a loop. */
  private renewals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  /** The server answered an edit from this device with "permission denied" (read-only, or the team is locked). */
  private writesRefused = false;

  constructor(
    wsBase: string,
    room: string,
    token: string,
    private readonly renewToken: TokenRenewer | null = null,
  ) {
    this.room = room;
    this.#token = token;
    this.identity = tokenIdentity(token);
    this.doc = new Y.Doc();
    this.persistence =
      typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(`horizon:${room}:${this.identity}`, this.doc);
    this.savesLocally = this.persistence !== null;
    this.facts = initialFacts(navigator.onLine);
    this.state = describeConnection(this.facts);
    this.provider = new WebsocketProvider(wsBase + COLLAB_PATH, room, this.doc, {
      params: { token },
      // BroadcastChannel would sync tabs of this browser directly, past the server's per-token write checks
      // (a read-only tab's edits would reach the others through a writable tab). The server is the only path.
      disableBc: true,
      // Offline at start: wait for the 'online' event instead of failing sockets with a growing back-off.
      connect: navigator.onLine,
    });
    this.stopOwnAwareness = sendOwnAwarenessOnly(this.provider);
    // y-websocket only logs a refusal to the console. The edit stays in this doc and its local copy (the server asks
    // for it again once the team is unlocked), so the person must be told it has not reached anyone yet.
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, () => {
        if (this.writesRefused) return;
        this.writesRefused = true;
        this.emit();
      });
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.reannouncePresence();
      this.dispatch({ type: 'status', status });
    });
    this.provider.on('sync', (synced) => {
      if (synced) this.renewals = 0;
      this.dispatch({ type: 'sync', synced });
    });
    this.provider.on('connection-close', (event) => this.onClose(event?.code ?? null, event?.reason ?? ''));
    this.provider.awareness.on('change', this.onAwarenessChange);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    // The provider connects in its constructor, before the listeners above were attached.
    if (this.provider.wsconnected) this.dispatch({ type: 'status', status: 'connected' });
  }

  get token(): string {
    return this.#token;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ConnectionState => this.state;

  readonly getPeers = (): readonly Peer[] => this.peers;

  readonly getWritesRefused = (): boolean => this.writesRefused;

  /**
   * When our old socket dropped, the room announced us gone with our presence clock plus one; y-protocols everywhere
   * then ignores our presence until its clock passes that, which the provider's own renewal does only ~15 s later —
   * a connected person shown as gone. Two renewals now put the clock past the room's.
   */
  private reannouncePresence(): void {
    const state = this.provider.awareness.getLocalState();
    if (state === null) return;
    this.provider.awareness.setLocalState({ ...state });
    this.provider.awareness.setLocalState({ ...state });
  }

  /** Forgets a refusal once its cause is gone (the team was unlocked and the server took the edits). */
  clearWritesRefused(): void {
    if (!this.writesRefused) return;
    this.writesRefused = false;
    this.emit();
  }

  /** Announces who this client is to everyone in the room. */
  setLocalUser(user: PresenceUser): void {
    this.provider.awareness.setLocalStateField('user', user);
  }

  /** Announces what this client is looking at (e.g. a workspace tab), so others see where everyone is. */
  setLocalView(view: PresenceView): void {
    this.provider.awareness.setLocalStateField('view', view);
  }

  /**
   * Adopts a token of the same person unless it is older than the current one (a renewal made elsewhere, e.g. by
   * another room of the session, or the page following a team move). The next socket uses it; the open one carries
   * on. Expiry has a resolution of one second, so a token signed in the same second (a move right after joining)
   * is newer, not a duplicate: it names the team the person is in now. A room the server refused for its token
   * (expired, moved) gets a new socket with the new token instead of staying refused.
   */
  offerToken(token: string): void {
    if (token === this.#token || tokenIdentity(token) !== this.identity) return;
    if (tokenExpiry(token) < tokenExpiry(this.#token)) return;
    this.adoptToken(token);
    const refusal = this.facts.refusal;
    if (refusal && RENEWABLE.has(refusal.code) && !this.destroyed) this.retry();
  }

  /** A deliberate retry after a refusal; the provider does not retry a final close by itself. */
  retry(): void {
    this.renewals = 0;
    this.dispatch({ type: 'retry' });
    this.provider.connect();
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.provider.awareness.off('change', this.onAwarenessChange);
    this.stopOwnAwareness();
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private adoptToken(token: string): void {
    this.#token = token;
    // y-websocket reads `params` each time it opens a socket.
    this.provider.params = { ...this.provider.params, token };
    this.emit();
  }

  private onClose(code: number | null, reason: string): void {
    if (code === null || !RENEWABLE.has(code) || !this.renewToken || this.renewals > 0) {
      this.dispatch({ type: 'close', code, reason });
      return;
    }
    // Looks like a reconnect to the person while the token is renewed; a real refusal shows only if that fails.
    this.renewals++;
    this.dispatch({ type: 'close', code: null, reason });
    const stale = this.#token;
    this.renewToken(stale).then(
      (fresh) => {
        if (this.destroyed) return;
        if (!fresh || fresh === stale) {
          this.dispatch({ type: 'close', code, reason });
          return;
        }
        this.adoptToken(fresh);
        this.dispatch({ type: 'retry' });
        this.provider.connect();
      },
      () => {
        // The server could not be reached to renew: try the whole connection again shortly.
        if (this.destroyed) return;
        this.renewals = 0;
        this.retryTimer = setTimeout(() => this.provider.connect(), RENEW_RETRY_MS);
      },
    );
  }

  // The browser knows the network is gone before the socket does (its watchdog waits 30 s): stop at once, keep
  // editing locally, and reconnect the moment the network is back.
  private readonly onOffline = () => {
    this.dispatch({ type: 'network', online: false });
    if (!this.facts.refusal) this.provider.disconnect();
  };

  private readonly onOnline = () => {
    this.dispatch({ type: 'network', online: true });
    if (!this.facts.refusal) this.provider.connect();
  };

  private readonly onAwarenessChange = () => {
    this.peers = peersFrom(this.provider.awareness.getStates(), this.doc.clientID);
    this.emit();
  };

  private dispatch(event: ConnectionEvent): void {
    this.facts = reduceConnection(this.facts, event);
    const next = describeConnection(this.facts);
    if (!sameState(next, this.state)) {
      this.state = next;
      this.emit();
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function sameState(a: ConnectionState, b: ConnectionState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
