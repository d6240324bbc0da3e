/**
 * WebSocket close codes used by the room server, in one table.
 *
 * y-websocket treats 4400–4499 as final: the provider emits `closed` and stops reconnecting, which is what we want for
 * every refusal that a retry cannot fix. 1012 ("service restart") makes it reconnect after a server restart.
 */
export const CloseCode = {
  /** Normal close, e.g. the room was asked to close by the server owner. */
  normal: 1000,
  /** The server is restarting or shutting down; reconnect later. */
  serviceRestart: 1012,
  /** A frame could not be decoded, or the update is not a valid V1 Yjs update, or awareness was forged. */
  malformed: 4400,
  /** No token, a token with a bad signature, or an expired token. */
  unauthorized: 4401,
  /** The token is valid but does not grant this room, or the Origin is not allowed. */
  forbidden: 4403,
  /** The room does not exist (unknown session or team, or a malformed room name). */
  notFound: 4404,
  /** A message, the room or an awareness state would exceed its size limit. */
  tooLarge: 4413,
  /** The connection sent more messages or bytes than its rate limit allows. */
  tooFast: 4429,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** True when a y-websocket provider will not reconnect after this close code. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499;
}
