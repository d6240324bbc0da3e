/**
 * Who a token belongs to and until when, read from its payload (`base64url(JSON) . signature`) without checking the
 * signature (the server does). Renewed tokens keep the identity, so a room survives a renewal; another person's token
 * gets its own room connection and local copy.
 */
function payloadOf(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[0];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `<sessionId>.<participantId>`, or the token itself when it cannot be read. */
export function tokenIdentity(token: string): string {
  const claims = payloadOf(token);
  const { sessionId, participantId } = claims ?? {};
  return typeof sessionId === 'string' && typeof participantId === 'string' ? `${sessionId}.${participantId}` : token;
}

/** Expiry in seconds since the epoch; 0 when unreadable. */
export function tokenExpiry(token: string): number {
  const exp = payloadOf(token)?.exp;
  return typeof exp === 'number' ? exp : 0;
}

/** The token's claims as plain facts, for pages that need the team or the participant. */
export function tokenClaims(
  token: string,
): { sessionId: string; participantId: string; teamId?: string; exp: number } | null {
  const claims = payloadOf(token);
  if (!claims || typeof claims.sessionId !== 'string' || typeof claims.participantId !== 'string') return null;
  return {
    sessionId: claims.sessionId,
    participantId: claims.participantId,
    exp: typeof claims.exp === 'number' ? claims.exp : 0,
    ...(typeof claims.teamId === 'string' ? { teamId: claims.teamId } : {}),
  };
}
