import { useContext, useEffect, useSyncExternalStore } from 'react';
import type { ConnectionState } from './connectionState';
import { RoomRegistryContext } from './context';
import type { Peer, PresenceUser } from './presence';
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

export function usePeers(connection: RoomConnection | null): readonly Peer[] {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, () => connection?.getPeers() ?? NO_PEERS);
}

/** Publishes who this client is in the room's awareness for as long as the user is known. */
export function useLocalPresence(connection: RoomConnection | null, user: PresenceUser | null): void {
  const { name, color, participantId, role } = user ?? {};
  useEffect(() => {
    if (!connection || !name || !color || !participantId || !role) return;
    connection.setLocalUser({ name, color, participantId, role });
  }, [connection, name, color, participantId, role]);
}
