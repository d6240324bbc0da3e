import { useCallback, useState } from 'react';
import type { FacilitatorCommand } from '@horizon/shared/facilitation';
import { sendCommand } from './facilitationApi';

export interface CommandRunner {
  /** Sends a command; resolves with the server's answer, or null when it failed (the error is kept). */
  run: <T = unknown>(command: FacilitatorCommand) => Promise<T | null>;
  busy: boolean;
  error: unknown;
  clearError: () => void;
}

/**
 * The facilitator's commands go over HTTP and come back through the session doc, so the screen never shows a
 * change the server did not make: this only tracks "in flight" and the last failure.
 */
export function useCommand(sessionId: string, token: string): CommandRunner {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    async <T>(command: FacilitatorCommand): Promise<T | null> => {
      setPending((n) => n + 1);
      setError(undefined);
      try {
        return await sendCommand<T>(sessionId, token, command);
      } catch (failure) {
        setError(failure);
        return null;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [sessionId, token],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy: pending > 0, error, clearError };
}
