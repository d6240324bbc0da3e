/**
 * Checks an awareness update before y-protocols applies it: each entry must speak for a client ID the connection
 * owns (or may claim), and each state must be small, valid JSON. Without this, one client could impersonate or
 * erase another's presence, since awareness entries carry any client ID the sender likes.
 */
import * as decoding from 'lib0/decoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  stateBytes: number;
}

export class InvalidAwarenessError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** Decodes the entries of an awareness update, checking layout and state size. */
export function readAwarenessEntries(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    if (count * 3 > update.length) throw new InvalidAwarenessError(`awareness claims ${count} entries`);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const stateBytes = Buffer.byteLength(json, 'utf8');
      if (stateBytes > maxStateBytes) {
        throw new InvalidAwarenessError(`awareness state of ${stateBytes} bytes exceeds ${maxStateBytes}`, true);
      }
      JSON.parse(json);
      entries.push({ clientId, clock, stateBytes });
    }
  } catch (error) {
    if (error instanceof InvalidAwarenessError) throw error;
    throw new InvalidAwarenessError(`malformed awareness update: ${(error as Error).message}`);
  }
  if (decoder.pos !== update.length) throw new InvalidAwarenessError('trailing bytes after the awareness update');
  return entries;
}
