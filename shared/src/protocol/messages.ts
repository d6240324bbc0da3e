/**
 * The y-websocket wire protocol (see docs/PROTOCOL.md). Every frame starts with a varUint message type.
 * These values are fixed by y-websocket and y-protocols; they are listed here so the server and tests share them.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** Sub-types of an auth message (y-protocols/auth). */
export const AuthMessageType = {
  permissionDenied: 0,
} as const;

/** The path under which the room server listens; the room name follows: `/collab/<room>`. */
export const COLLAB_PATH = '/collab';
