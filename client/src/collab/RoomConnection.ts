import { COLLAB_PATH } from '@horizon/shared';
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
import { peersFrom, type Peer, type PresenceUser } from './presence';

/**
 * One room: its Y.Doc, the y-websocket provider that syncs it, and two small stores (connection state, peers) that
 * React reads through `useSyncExternalStore`. Snapshots are replaced, never mutated, so React sees every change.
 */
export class RoomConnection {
  readonly room: string;
  readonly token: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;

  private facts: ConnectionFacts;
  private state: ConnectionState;
  private peers: readonly Peer[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly stopOwnAwareness: () => void;
  private readonly onNetwork = () => this.dispatch({ type: 'network', online: navigator.onLine });

  constructor(wsBase: string, room: string, token: string) {
    this.room = room;
    this.token = token;
    this.doc = new Y.Doc();
    this.facts = initialFacts(navigator.onLine);
    this.state = describeConnection(this.facts);
    this.provider = new WebsocketProvider(wsBase + COLLAB_PATH, room, this.doc, {
      params: { token },
      // BroadcastChannel would sync tabs of this browser directly, past the server's per-token write checks
      // (a read-only tab's edits would reach the others through a writable tab). The server is the only path.
      disableBc: true,
    });
    this.stopOwnAwareness = sendOwnAwarenessOnly(this.provider);
    this.provider.on('status', ({ status }) => this.dispatch({ type: 'status', status }));
    this.provider.on('sync', (synced) => this.dispatch({ type: 'sync', synced }));
    this.provider.on('connection-close', (event) =>
      this.dispatch({ type: 'close', code: event?.code ?? null, reason: event?.reason ?? '' }),
    );
    this.provider.awareness.on('change', this.onAwarenessChange);
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
    // The provider connects in its constructor, before the listeners above were attached.
    if (this.provider.wsconnected) this.dispatch({ type: 'status', status: 'connected' });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ConnectionState => this.state;

  readonly getPeers = (): readonly Peer[] => this.peers;

  /** Announces who this client is to everyone in the room. */
  setLocalUser(user: PresenceUser): void {
    this.provider.awareness.setLocalStateField('user', user);
  }

  /** A deliberate retry after a refusal; the provider does not retry a final close by itself. */
  retry(): void {
    this.dispatch({ type: 'retry' });
    this.provider.connect();
  }

  destroy(): void {
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    this.provider.awareness.off('change', this.onAwarenessChange);
    this.stopOwnAwareness();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

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
