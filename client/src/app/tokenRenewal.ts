/**
 * Renews a session token once it stops working (expired, or the person was moved to another team), and stores the
 * new one, so every page and room of the session carries on with it.
 *
 * Several rooms notice an expired token at the same moment (the session room and the team room both close with
 * 4401): they share one request per stale token.
 */
import { ApiRequestError, refreshToken } from './api';
import { loadCredentials, saveCredentials } from './credentials';
import { tokenClaims } from '../collab/tokenIdentity';

const inFlight = new Map<string, Promise<string | null>>();

/** The new token, or null when the server will not renew this one (the person has to join again). */
export function renewToken(staleToken: string): Promise<string | null> {
  let pending = inFlight.get(staleToken);
  if (!pending) {
    pending = renew(staleToken).then(
      (token) => {
        // Forget it a moment later: a straggler asking about the same stale token gets the same answer meanwhile.
        setTimeout(() => inFlight.delete(staleToken), 5000);
        return token;
      },
      (error: unknown) => {
        // A network failure is worth trying again soon.
        inFlight.delete(staleToken);
        throw error;
      },
    );
    inFlight.set(staleToken, pending);
  }
  return pending;
}

async function renew(staleToken: string): Promise<string | null> {
  const sessionId = tokenClaims(staleToken)?.sessionId;
  if (!sessionId) return null;
  const stored = loadCredentials(sessionId);
  // Another tab renewed it already.
  if (stored && stored.token !== staleToken) return stored.token;
  try {
    const renewed = await refreshToken(staleToken);
    const { teamId: _oldTeam, ...kept } = stored ?? { role: renewed.role };
    saveCredentials(sessionId, {
      ...kept,
      token: renewed.token,
      role: renewed.role,
      participantId: renewed.participantId,
      ...(renewed.teamId ? { teamId: renewed.teamId } : {}),
    });
    return renewed.token;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 0) throw error;
    return null;
  }
}
