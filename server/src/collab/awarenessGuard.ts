/**
 * Decodes an awareness update before y-protocols applies it, checking its layout and that each state is small,
 * valid JSON. The Room then keeps only the entries for client IDs the connection owns: awareness entries carry any
 * client ID the sender likes, so without that one client could impersonate or erase another's presence.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as sent, JSON. */
  json: string;
  /** A null state removes the client's presence. */
  isNull: boolean;
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
      const state: unknown = JSON.parse(json);
      entries.push({ clientId, clock, json, isNull: state === null });
    }
  } catch (error) {
    if (error instanceof InvalidAwarenessError) throw error;
    throw new InvalidAwarenessError(`malformed awareness update: ${(error as Error).message}`);
  }
  if (decoder.pos !== update.length) throw new InvalidAwarenessError('trailing bytes after the awareness update');
  return entries;
}

/** Encodes entries back into an awareness update (after some were filtered out). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
