import { useCallback, useState } from 'react';

export interface FeedbackAction {
  /** Runs the request; true when the server accepted it (a failure is kept in `error`). */
  run: (request: () => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
  error: unknown;
}

/**
 * A feedback request in flight and its last failure. The result comes back through the session document, so the
 * screen never shows a comment the server did not store.
 */
export function useFeedbackAction(): FeedbackAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error };
}
