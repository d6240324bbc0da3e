/**
 * The facilitation endpoints: facilitator commands, the server clock, readiness marks and votes. Every write to the
 * session document goes through here; no client writes that room directly.
 */
import type { FastifyInstance } from 'fastify';
import type { CastVoteRequest, ReadinessRequest, ServerTime } from '@horizon/shared/facilitation';
import { requireBearer } from '../auth/bearer.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { FacilitationService } from './FacilitationService.js';
import { castVoteBody, commandBody, readinessBody, roundParams, sessionParams } from './schemas.js';
import type { VotingService } from './VotingService.js';

export interface FacilitationRouteDeps {
  signer: TokenSigner;
  facilitation: FacilitationService;
  voting: VotingService;
  now(): number;
}

export function facilitationRoutes(app: FastifyInstance, deps: FacilitationRouteDeps): void {
  app.get('/api/time', async (): Promise<ServerTime> => ({ now: deps.now() }));

  // The body's shape depends on its `type`: parseFacilitatorCommand checks it after the role, with a message that
  // names the field at fault.
  app.post<{ Params: { sessionId: string }; Body: unknown }>(
    '/api/sessions/:sessionId/commands',
    { schema: { params: sessionParams, body: commandBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.facilitation.command(request.params.sessionId, claims, request.body);
    },
  );

  app.post<{ Params: { sessionId: string }; Body: ReadinessRequest }>(
    '/api/sessions/:sessionId/readiness',
    { schema: { params: sessionParams, body: readinessBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.facilitation.setReadiness(request.params.sessionId, claims, request.body);
    },
  );

  app.get<{ Params: { sessionId: string; roundId: string } }>(
    '/api/sessions/:sessionId/voting/:roundId/mine',
    { schema: { params: roundParams } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.voting.mine(request.params.sessionId, claims, request.params.roundId);
    },
  );

  app.post<{ Params: { sessionId: string; roundId: string }; Body: CastVoteRequest }>(
    '/api/sessions/:sessionId/voting/:roundId/votes',
    { schema: { params: roundParams, body: castVoteBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.voting.vote(request.params.sessionId, claims, request.params.roundId, request.body);
    },
  );
}
