/** Reads and checks the `Authorization: Bearer <token>` header of an HTTP request. */
import type { FastifyRequest } from 'fastify';
import type { TokenClaims } from '@horizon/shared';
import { HttpError } from '../errors.js';
import type { TokenSigner } from './tokens.js';

export function requireBearer(request: FastifyRequest, signer: TokenSigner): TokenClaims {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) throw new HttpError('unauthorized', 'Send the session token as "Authorization: Bearer <token>".');
  const result = signer.verify(match[1]);
  if (!result.ok) {
    const why = result.reason === 'expired' ? 'The token has expired; join again.' : 'The token is not valid.';
    throw new HttpError('unauthorized', why);
  }
  return result.claims;
}
