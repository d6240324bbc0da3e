import type { SessionView } from '@horizon/shared';
import { useEffect, useState } from 'react';
import { tokenIdentity } from '../collab/tokenIdentity';
import { ApiRequestError, getSession } from './api';
import { renewToken } from './tokenRenewal';

export type SessionViewState =
  | { status: 'loading' }
  | { status: 'ready'; view: SessionView; error?: unknown; fromCache?: boolean }
  | { status: 'error'; error: unknown };

const CACHE_PREFIX = 'horizon.view.';

/** The last view this browser saw, so a reload on weak Wi-Fi still opens the workspace (edits go to the local copy). */
function cachedView(sessionId: string, token: string): SessionView | null {
  try {
    const raw = window.localStorage.getItem(CACHE_PREFIX + sessionId);
    const cached = raw ? (JSON.parse(raw) as { identity?: string; view?: SessionView }) : null;
    return cached?.identity === tokenIdentity(token) && cached.view ? cached.view : null;
  } catch {
    return null;
  }
}

function cacheView(sessionId: string, token: string, view: SessionView): void {
  try {
    window.localStorage.setItem(CACHE_PREFIX + sessionId, JSON.stringify({ identity: tokenIdentity(token), view }));
  } catch {
    // A full or disabled storage only costs the offline fallback.
  }
}

/**
 * `GET /api/sessions/:id`, optionally polled. A failed poll keeps the last good view (with the error beside it), so a
 * blip in the network does not blank the lobby. An expired token is renewed (the stored credentials change, the
 * caller re-renders with the new token and this loads again); the server unreachable falls back to the last view.
 */
export function useSessionView(sessionId: string, token: string | null, pollMs?: number): SessionViewState {
  const [state, setState] = useState<{ key: string; value: SessionViewState }>({
    key: '',
    value: { status: 'loading' },
  });
  // Keyed by whose token it is, not the token itself: a renewed token reloads the view without blanking the page.
  const key = `${sessionId}\n${token ? tokenIdentity(token) : ''}`;

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const view = await getSession(sessionId, token, controller.signal);
        cacheView(sessionId, token, view);
        setState({ key, value: { status: 'ready', view } });
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiRequestError && error.status === 401) {
          // On success the credentials change and this effect starts over with the new token.
          const renewed = await renewToken(token).catch(() => null);
          if (renewed && renewed !== token) return;
        }
        const offline = error instanceof ApiRequestError && error.status === 0 ? cachedView(sessionId, token) : null;
        setState((previous) => {
          if (previous.key === key && previous.value.status === 'ready') {
            return { key, value: { status: 'ready', view: previous.value.view, error } };
          }
          if (offline) return { key, value: { status: 'ready', view: offline, error, fromCache: true } };
          return { key, value: { status: 'error', error } };
        });
      }
      if (pollMs && !controller.signal.aborted) timer = setTimeout(() => void load(), pollMs);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, sessionId, token, pollMs]);

  return state.key === key ? state.value : { status: 'loading' };
}
