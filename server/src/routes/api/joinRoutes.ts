import type { FastifyInstance } from 'fastify';
import type { JoinRequest } from '@horizon/shared';
import type { SessionService } from '../../sessions/SessionService.js';
import { codeParams, joinBody } from './schemas.js';

/** Codes are short enough to guess at scale, so lookups and joins are rate-limited per address. */
const guessLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export function joinRoutes(app: FastifyInstance, deps: { sessions: SessionService }): void {
  app.get<{ Params: { code: string } }>(
    '/api/codes/:code',
    { schema: { params: codeParams }, config: guessLimit },
    async (request) => deps.sessions.lookupCode(request.params.code),
  );

  app.post<{ Body: JoinRequest }>('/api/join', { schema: { body: joinBody }, config: guessLimit }, async (request) =>
    deps.sessions.join(request.body),
  );
}
