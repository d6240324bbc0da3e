/**
 * Identifiers. Ids are random, URL-safe and short enough to read aloud; join codes avoid look-alike characters
 * (0/O, 1/I/L) because people type them from a projector.
 */

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const ID_PATTERN = /^[a-z0-9]{4,32}$/;

function randomString(alphabet: string, length: number): string {
  // Rejection sampling keeps every character equally likely (no modulo bias).
  const out: string[] = [];
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    const bytes = new Uint8Array(length * 2);
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < limit && out.length < length) out.push(alphabet[b % alphabet.length]!);
    }
  }
  return out.join('');
}

export function newId(length = 12): string {
  return randomString(ID_ALPHABET, length);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A join code: `length` characters from an alphabet without look-alikes. */
export function newJoinCode(length: number): string {
  return randomString(CODE_ALPHABET, length);
}

/** Normalises what a person typed: case, spaces and dashes do not matter. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}
