import type { SessionView } from '@horizon/shared';
import { useEffect, useState } from 'react';
import { getSession } from './api';

export type SessionViewState =
  { status: 'loading' } | { status: 'ready'; view: SessionView; error?: unknown } | { status: 'error'; error: unknown };

/**
 * `GET /api/sessions/:id`, optionally polled. A failed poll keeps the last good view (with the error beside it),
 * so a blip in the network does not blank the lobby.
 */
export function useSessionView(sessionId: string, token: string | null, pollMs?: number): SessionViewState {
  const [state, setState] = useState<{ key: string; value: SessionViewState }>({
    key: '',
    value: { status: 'loading' },
  });
  const key = `${sessionId}\n${token ?? ''}`;

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const view = await getSession(sessionId, token, controller.signal);
        setState({ key, value: { status: 'ready', view } });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((previous) =>
          previous.key === key && previous.value.status === 'ready'
            ? { key, value: { status: 'ready', view: previous.value.view, error } }
            : { key, value: { status: 'error', error } },
        );
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
