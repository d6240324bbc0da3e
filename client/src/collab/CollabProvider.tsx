import { useEffect, useState, type ReactNode } from 'react';
import { RoomRegistryContext } from './context';
import { RoomRegistry } from './RoomRegistry';

/** The WebSocket origin of the page: the room server lives on the same host as the app. */
export function pageWsBase(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export function CollabProvider({ wsBase, children }: { wsBase: string; children: ReactNode }) {
  const [registry] = useState(() => new RoomRegistry(wsBase));
  useEffect(() => () => registry.destroyAll(), [registry]);
  return <RoomRegistryContext.Provider value={registry}>{children}</RoomRegistryContext.Provider>;
}
