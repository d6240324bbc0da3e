import { createContext } from 'react';
import type { RoomRegistry } from './RoomRegistry';

export const RoomRegistryContext = createContext<RoomRegistry | null>(null);
