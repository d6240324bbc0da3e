import type { FastifyInstance } from 'fastify';
import type { CreateSessionRequest, MoveParticipantRequest } from '@horizon/shared';
import { requireBearer } from '../../auth/bearer.js';
import type { TokenSigner } from '../../auth/tokens.js';
import type { Store } from '../../persistence/Store.js';
import { createDemoSession } from '../../sessions/createDemoSession.js';
import type { RoomWriter, SessionService } from '../../sessions/SessionService.js';
import { createSessionBody, moveParticipantBody, participantParams, sessionParams } from './schemas.js';

export interface SessionsRouteDeps {
  sessions: SessionService;
  signer: TokenSigner;
  store: Store;
  rooms: RoomWriter;
}

export function sessionsRoutes(app: FastifyInstance, deps: SessionsRouteDeps): void {
  app.post<{ Body: CreateSessionRequest }>(
    '/api/sessions',
    { schema: { body: createSessionBody }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const created = await deps.sessions.create(request.body);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/sessions/demo',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (_request, reply) => reply.code(201).send(await createDemoSession(deps.sessions, deps.store, deps.rooms)),
  );

  app.get<{ Params: { sessionId: string } }>(
    '/api/sessions/:sessionId',
    { schema: { params: sessionParams } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.sessions.view(request.params.sessionId, claims);
    },
  );

  app.patch<{ Params: { sessionId: string; participantId: string }; Body: MoveParticipantRequest }>(
    '/api/sessions/:sessionId/participants/:participantId',
    { schema: { params: participantParams, body: moveParticipantBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      const { sessionId, participantId } = request.params;
      return deps.sessions.moveParticipant(sessionId, claims, participantId, request.body.teamId);
    },
  );
}
