/**
 * A structural pre-check of a Yjs V1 update, run before yjs sees it.
 *
 * yjs trusts its input: counts and lengths straight from the wire decide how much it allocates and loops (a few
 * bytes can claim billions of structs or a clock range of 2^50, burning CPU or memory). This walks the V1 layout with
 * lib0's decoder, without building any yjs object, and refuses updates whose counts exceed what the bytes could hold,
 * whose lengths or clocks are out of any honest range, that have trailing bytes, or that do not decode at all.
 * Only V1 is accepted: the y-websocket protocol carries V1, and V2 decoding has a known heap blow-up (yjs #687).
 */
import * as decoding from 'lib0/decoding';

/** No honest client reaches these: 16 M characters in one struct, 2^31 operations by one client. */
const MAX_LENGTH = 1 << 24;
const MAX_CLOCK = 2 ** 31;

export interface UpdateShape {
  /** Structs (items, GCs, skips) in the update. */
  structs: number;
  /** Deleted ranges in its delete set. */
  deleteRanges: number;
}

export class InvalidUpdateError extends Error {}

function fail(message: string): never {
  throw new InvalidUpdateError(message);
}

function readCount(decoder: decoding.Decoder, minBytesEach: number, what: string): number {
  const count = decoding.readVarUint(decoder);
  const remaining = decoder.arr.length - decoder.pos;
  if (count * minBytesEach > remaining) fail(`${what} count ${count} exceeds the bytes left (${remaining})`);
  return count;
}

function readLength(decoder: decoding.Decoder, what: string): number {
  const len = decoding.readVarUint(decoder);
  if (len > MAX_LENGTH) fail(`${what} length ${len} is out of range`);
  return len;
}

function readClock(decoder: decoding.Decoder): number {
  const clock = decoding.readVarUint(decoder);
  if (clock > MAX_CLOCK) fail(`clock ${clock} is out of range`);
  return clock;
}

/** Skips an `any` value (lib0 encoding) while checking nested counts against the bytes left. */
function skipAny(decoder: decoding.Decoder, depth: number): void {
  if (depth > 64) fail('value nests too deep');
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125: // integer
      decoding.readVarInt(decoder);
      return;
    case 124: // float32
      decoding.readFloat32(decoder);
      return;
    case 123: // float64
      decoding.readFloat64(decoder);
      return;
    case 122: // bigint
      decoding.readBigInt64(decoder);
      return;
    case 119: // string
      decoding.readVarString(decoder);
      return;
    case 118: {
      // object: count, then key/value pairs
      const n = readCount(decoder, 2, 'object entry');
      for (let i = 0; i < n; i++) {
        decoding.readVarString(decoder);
        skipAny(decoder, depth + 1);
      }
      return;
    }
    case 117: {
      const n = readCount(decoder, 1, 'array element');
      for (let i = 0; i < n; i++) skipAny(decoder, depth + 1);
      return;
    }
    case 116: // Uint8Array
      decoding.readVarUint8Array(decoder);
      return;
    default:
      fail(`unknown value type ${type}`);
  }
}

/** yjs parses these strings with JSON.parse while applying; a bad one would throw half-way through. */
function readJson(text: string): void {
  try {
    JSON.parse(text);
  } catch {
    fail('content is not valid JSON');
  }
}

/** Reads one item's content and returns its length in clock units. */
function skipContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // ContentDeleted
      return readLength(decoder, 'deleted content');
    case 2: {
      // ContentJSON: count, then a string each
      const n = readCount(decoder, 1, 'JSON element');
      for (let i = 0; i < n; i++) {
        const text = decoding.readVarString(decoder);
        if (text !== 'undefined') readJson(text);
      }
      return n;
    }
    case 3: // ContentBinary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: {
      // ContentString: its length counts UTF-16 code units
      const text = decoding.readVarString(decoder);
      return text.length;
    }
    case 5: // ContentEmbed
      readJson(decoding.readVarString(decoder));
      return 1;
    case 6: // ContentFormat: key, then JSON value
      decoding.readVarString(decoder);
      readJson(decoding.readVarString(decoder));
      return 1;
    case 7: {
      // ContentType: type ref; XmlElement (3) and XmlHook (5) carry a name
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef > 6) fail(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder);
      return 1;
    }
    case 8: {
      // ContentAny: count, then a value each
      const n = readCount(decoder, 1, 'any element');
      for (let i = 0; i < n; i++) skipAny(decoder, 0);
      return n;
    }
    case 9: // ContentDoc: guid, then options, which yjs reads as an object (opts.shouldLoad)
      decoding.readVarString(decoder);
      if (decoder.arr[decoder.pos] !== 118) fail('subdocument options must be an object');
      skipAny(decoder, 0);
      return 1;
    default:
      fail(`unknown content ref ${ref}`);
  }
}

/** Checks the V1 layout of `update`; throws InvalidUpdateError, returns its shape. */
export function checkUpdateV1(update: Uint8Array): UpdateShape {
  const decoder = decoding.createDecoder(update);
  let structs = 0;
  let deleteRanges = 0;
  try {
    const clients = readCount(decoder, 3, 'client');
    for (let c = 0; c < clients; c++) {
      const count = readCount(decoder, 2, 'struct');
      decoding.readVarUint(decoder); // client id
      let clock = readClock(decoder);
      for (let s = 0; s < count; s++) {
        const info = decoding.readUint8(decoder);
        const ref = info & 0b11111;
        if (ref === 0 || ref === 10) {
          // GC or Skip: just a length
          clock += readLength(decoder, 'range');
        } else {
          const hasOrigin = (info & 0b10000000) !== 0;
          const hasRightOrigin = (info & 0b01000000) !== 0;
          if (hasOrigin) {
            decoding.readVarUint(decoder);
            readClock(decoder);
          }
          if (hasRightOrigin) {
            decoding.readVarUint(decoder);
            readClock(decoder);
          }
          if (!hasOrigin && !hasRightOrigin) {
            // Without neighbours the parent is written: a root type's name, or the id of a nested type.
            if (decoding.readVarUint(decoder) === 1) {
              decoding.readVarString(decoder);
            } else {
              decoding.readVarUint(decoder);
              readClock(decoder);
            }
            if ((info & 0b00100000) !== 0) decoding.readVarString(decoder); // parentSub (map key)
          }
          clock += skipContent(decoder, ref);
        }
        if (clock > MAX_CLOCK) fail(`clock ${clock} is out of range`);
      }
      structs += count;
    }
    const dsClients = readCount(decoder, 2, 'delete-set client');
    for (let c = 0; c < dsClients; c++) {
      decoding.readVarUint(decoder); // client id
      const ranges = readCount(decoder, 2, 'deleted range');
      for (let r = 0; r < ranges; r++) {
        const clock = readClock(decoder);
        const len = readLength(decoder, 'deleted range');
        if (clock + len > MAX_CLOCK) fail('deleted range is out of range');
      }
      deleteRanges += ranges;
    }
  } catch (error) {
    if (error instanceof InvalidUpdateError) throw error;
    throw new InvalidUpdateError(`not a Yjs V1 update: ${(error as Error).message}`);
  }
  if (decoder.pos !== update.length) fail(`${update.length - decoder.pos} trailing bytes after the update`);
  return { structs, deleteRanges };
}
