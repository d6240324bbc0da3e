import { useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ConnectionState } from './connectionState';
import { RoomRegistryContext } from './context';
import type { Peer, PresenceUser, PresenceView } from './presence';
import type { RoomConnection } from './RoomConnection';
import type { RoomRegistry } from './RoomRegistry';

const NO_PEERS: readonly Peer[] = [];
const CONNECTING: ConnectionState = { kind: 'connecting' };
const noSubscription = () => () => {};

export function useRoomRegistry(): RoomRegistry {
  const registry = useContext(RoomRegistryContext);
  if (!registry) throw new Error('useRoomRegistry needs a <CollabProvider> above it');
  return registry;
}

/** Holds the room open while the calling component is mounted; null until the connection exists. */
export function useRoom(room: string | null, token: string | null): RoomConnection | null {
  const registry = useRoomRegistry();
  useEffect(() => {
    if (!room || !token) return;
    const connection = registry.acquire(room, token);
    return () => registry.release(connection);
  }, [registry, room, token]);
  return useSyncExternalStore(registry.subscribe, () => (room && token ? registry.get(room, token) : null));
}

export function useConnectionState(connection: RoomConnection | null): ConnectionState {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, () => connection?.getState() ?? CONNECTING);
}

/** Whether the server refused an edit made on this device (it waits in the local copy). */
export function useWritesRefused(connection: RoomConnection | null): boolean {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, () => connection?.getWritesRefused() ?? false);
}

export function usePeers(connection: RoomConnection | null): readonly Peer[] {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, () => connection?.getPeers() ?? NO_PEERS);
}

/** Publishes what this client is looking at, e.g. the workspace tab, while it is looking. */
export function useLocalView(connection: RoomConnection | null, view: PresenceView | null): void {
  const tab = view?.tab;
  useEffect(() => {
    if (!connection || !tab) return;
    connection.setLocalView({ tab });
  }, [connection, tab]);
}

/** A change counter per doc, bumped before any subscriber hears of the change. */
const docVersions = new WeakMap<Y.Doc, number>();

function trackDoc(doc: Y.Doc): void {
  if (docVersions.has(doc)) return;
  docVersions.set(doc, 0);
  doc.on('update', () => docVersions.set(doc, (docVersions.get(doc) ?? 0) + 1));
}

/**
 * A value read from a Y.Doc, re-read after every change to the doc. Pass a stable `read` (a module-level function):
 * the value is recomputed only when the doc changes or `read` does.
 */
export function useDocValue<T>(doc: Y.Doc | null | undefined, read: (doc: Y.Doc) => T, fallback: T): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      trackDoc(doc);
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  const version = useSyncExternalStore(subscribe, () => (doc ? (docVersions.get(doc) ?? 0) : -1));
  // `version` is the dependency that matters: it changes whenever the doc does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? read(doc) : fallback), [doc, read, version]);
}

/** Publishes who this client is in the room's awareness for as long as the user is known. */
export function useLocalPresence(connection: RoomConnection | null, user: PresenceUser | null): void {
  const { name, color, participantId, role } = user ?? {};
  useEffect(() => {
    if (!connection || !name || !color || !participantId || !role) return;
    connection.setLocalUser({ name, color, participantId, role });
  }, [connection, name, color, participantId, role]);
}
