/**
 * Signed bearer tokens: `base64url(JSON claims) . base64url(HMAC-SHA256)`. Stateless, so any server instance with the
 * same secret can check them; what a token grants is decided by `roomAccess` in shared.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Roles, isId } from '@horizon/shared';
import type { TokenClaims } from '@horizon/shared';

export type TokenFailure = 'malformed' | 'bad_signature' | 'expired';
export type TokenResult = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenFailure };

const MAX_TOKEN_LENGTH = 4096;

export class TokenSigner {
  readonly #key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('the token secret must be at least 16 characters');
    this.#key = Buffer.from(secret, 'utf8');
  }

  sign(claims: Omit<TokenClaims, 'v'>): string {
    const payload = Buffer.from(JSON.stringify({ ...claims, v: 1 }), 'utf8').toString('base64url');
    return `${payload}.${this.#mac(payload)}`;
  }

  verify(token: unknown, nowSeconds = Math.floor(Date.now() / 1000)): TokenResult {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
    const payload = token.slice(0, dot);
    // Compare the signature text, not decoded bytes: base64url decoding ignores a last character's spare bits, which
    // would let several strings pass for one token.
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.#mac(payload), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad_signature' };
    }
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
    if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    c.v === 1 &&
    isId(c.sessionId) &&
    isId(c.participantId) &&
    typeof c.role === 'string' &&
    (Roles as readonly string[]).includes(c.role) &&
    (c.teamId === undefined || isId(c.teamId)) &&
    (c.mentorOf === undefined || (Array.isArray(c.mentorOf) && c.mentorOf.every(isId))) &&
    typeof c.exp === 'number'
  );
}
