import type { FastifyInstance } from 'fastify';
import type { CreateSessionRequest } from '@horizon/shared';
import { requireBearer } from '../../auth/bearer.js';
import type { TokenSigner } from '../../auth/tokens.js';
import type { SessionService } from '../../sessions/SessionService.js';
import { createSessionBody, sessionParams } from './schemas.js';

export function sessionsRoutes(app: FastifyInstance, deps: { sessions: SessionService; signer: TokenSigner }): void {
  app.post<{ Body: CreateSessionRequest }>(
    '/api/sessions',
    { schema: { body: createSessionBody }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const created = await deps.sessions.create(request.body);
      return reply.code(201).send(created);
    },
  );

  app.get<{ Params: { sessionId: string } }>(
    '/api/sessions/:sessionId',
    { schema: { params: sessionParams } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.sessions.view(request.params.sessionId, claims);
    },
  );
}
