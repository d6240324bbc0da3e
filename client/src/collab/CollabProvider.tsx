import { useEffect, useState, type ReactNode } from 'react';
import { RoomRegistryContext } from './context';
import type { TokenRenewer } from './RoomConnection';
import { RoomRegistry } from './RoomRegistry';

/** The WebSocket origin of the page: the room server lives on the same host as the app. */
export function pageWsBase(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export function CollabProvider({
  wsBase,
  renewToken,
  children,
}: {
  wsBase: string;
  /** How a room gets a new token when the server refuses its current one (expired, or the person moved team). */
  renewToken?: TokenRenewer;
  children: ReactNode;
}) {
  const [registry] = useState(() => new RoomRegistry(wsBase, renewToken ?? null));
  useEffect(() => () => registry.destroyAll(), [registry]);
  return <RoomRegistryContext.Provider value={registry}>{children}</RoomRegistryContext.Provider>;
}
