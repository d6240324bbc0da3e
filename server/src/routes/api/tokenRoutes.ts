import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../errors.js';
import type { SessionService } from '../../sessions/SessionService.js';

export function tokenRoutes(app: FastifyInstance, deps: { sessions: SessionService }): void {
  /**
   * Exchanges a token (`Authorization: Bearer`) for a fresh one. The usual bearer check refuses expired tokens, so
   * this route reads the header itself and leaves the expiry rule to `SessionService.refreshToken`.
   */
  app.post('/api/token/refresh', async (request) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new HttpError('unauthorized', 'Send the token to renew as "Authorization: Bearer <token>".');
    return deps.sessions.refreshToken(match[1]!);
  });
}
