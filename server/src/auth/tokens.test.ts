import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TokenClaims } from '@horizon/shared';
import { TokenSigner } from './tokens.js';

const secret = 'a-test-secret-of-enough-length';
const now = 1_800_000_000;
const claims: Omit<TokenClaims, 'v'> = {
  sessionId: 'sessabcd',
  participantId: 'persabcd',
  role: 'participant',
  teamId: 'teamabcd',
  exp: now + 3600,
};
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Signs any JSON value the way TokenSigner does, so the signature is good and only the claims are wrong. */
function forge(value: unknown, key = secret): string {
  const payload = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

function withChar(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe('TokenSigner', () => {
  const signer = new TokenSigner(secret);

  it('verifies what it signed and keeps every claim', () => {
    const mentor = { ...claims, role: 'mentor' as const, teamId: undefined, mentorOf: ['teamaaaa', 'teambbbb'] };
    for (const c of [claims, mentor]) {
      const result = signer.verify(signer.sign(c), now);
      expect(result).toEqual({ ok: true, claims: JSON.parse(JSON.stringify({ ...c, v: 1 })) });
    }
  });

  it('is accepted by another signer with the same secret (stateless across instances)', () => {
    expect(new TokenSigner(secret).verify(signer.sign(claims), now).ok).toBe(true);
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenSigner('another-secret-16chars');
    expect(signer.verify(other.sign(claims), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses every single-character change to the payload', () => {
    const token = signer.sign(claims);
    const dot = token.indexOf('.');
    for (let i = 0; i < dot; i++) {
      for (const c of BASE64URL) {
        if (c === token[i]) continue;
        expect(signer.verify(withChar(token, i, c), now).ok).toBe(false);
      }
    }
  });

  it('refuses every single-character change to the signature that changes its bytes', () => {
    const token = signer.sign(claims);
    const dot = token.indexOf('.');
    const signature = Buffer.from(token.slice(dot + 1), 'base64url');
    for (let i = dot + 1; i < token.length; i++) {
      for (const c of BASE64URL) {
        const changed = withChar(token, i, c);
        if (Buffer.from(changed.slice(dot + 1), 'base64url').equals(signature)) continue;
        expect(signer.verify(changed, now)).toEqual({ ok: false, reason: 'bad_signature' });
      }
    }
  });

  // Node's base64url decoder ignores the unused low bits of the last character (43 characters carry 258 bits for a
  // 256-bit MAC): comparing decoded bytes would accept up to four strings for one token.
  it('refuses a signature whose last character was changed', () => {
    const token = signer.sign(claims);
    const last = token.length - 1;
    for (const c of BASE64URL) {
      if (c === token[last]) continue;
      expect(signer.verify(withChar(token, last, c), now).ok).toBe(false);
    }
  });

  it('refuses a token at or past its expiry, accepts it a second before', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, claims.exp - 1).ok).toBe(true);
    expect(signer.verify(token, claims.exp)).toEqual({ ok: false, reason: 'expired' });
    expect(signer.verify(token, claims.exp + 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('uses the current time when none is given', () => {
    const fresh = signer.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 });
    const stale = signer.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 });
    expect(signer.verify(fresh).ok).toBe(true);
    expect(signer.verify(stale)).toEqual({ ok: false, reason: 'expired' });
  });

  it('calls anything that is not a token shape malformed', () => {
    const token = signer.sign(claims);
    const [payload, signature] = token.split('.') as [string, string];
    const notTokens: unknown[] = [
      undefined,
      null,
      42,
      {},
      [token],
      Buffer.from(token),
      '',
      payload,
      `.${signature}`,
      `${token}.${signature}`,
      `${payload}..${signature}`,
      `${token}${'A'.repeat(5000)}`,
    ];
    for (const value of notTokens) expect(signer.verify(value, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('checks the claims after the signature: a well-signed token with bad claims is malformed', () => {
    const good = { ...claims, v: 1 };
    const { exp: _exp, ...noExp } = good;
    const badClaims: unknown[] = [
      { ...good, role: 'admin' },
      { ...good, role: 'Facilitator' },
      { ...good, sessionId: 'BAD ID' },
      { ...good, participantId: 'ab' },
      { ...good, teamId: 'x:y' },
      { ...good, mentorOf: 'teamabcd' },
      { ...good, mentorOf: ['teamabcd', 'NOPE'] },
      { ...good, exp: String(now + 3600) },
      noExp,
      { ...good, v: 2 },
      { ...good, v: '1' },
      null,
      [],
      'a string',
      12,
    ];
    for (const value of badClaims) expect(signer.verify(forge(value), now)).toEqual({ ok: false, reason: 'malformed' });
    // The forge helper itself is faithful: with valid claims it produces an accepted token.
    expect(signer.verify(forge(good), now).ok).toBe(true);
  });

  it('calls a well-signed payload that is not JSON malformed', () => {
    const payload = Buffer.from('{not json', 'utf8').toString('base64url');
    const token = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expect(signer.verify(token, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('does not reveal claim problems to someone without the secret', () => {
    // With a wrong key, bad claims are reported as a bad signature, never as malformed.
    expect(signer.verify(forge({ role: 'admin' }, 'someone-elses-secret'), now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a secret shorter than 16 characters', () => {
    expect(() => new TokenSigner('x'.repeat(15))).toThrow(/16/);
    expect(() => new TokenSigner('')).toThrow();
    expect(() => new TokenSigner('x'.repeat(16))).not.toThrow();
  });
});
