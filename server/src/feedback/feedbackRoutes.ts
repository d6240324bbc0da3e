/**
 * The feedback endpoints: comment threads, replies, resolving, initiative reviews, and a mentor's choice of teams.
 * Threads and reviews land in the session document, which no client writes directly.
 */
import type { FastifyInstance } from 'fastify';
import type {
  CreateThreadRequest,
  MentoringRequest,
  ReplyRequest,
  ResolveRequest,
  ReviewRequest,
} from '@horizon/shared/feedback';
import { requireBearer } from '../auth/bearer.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { FeedbackService } from './FeedbackService.js';
import type { MentoringService } from './MentoringService.js';
import {
  createThreadBody,
  mentoringBody,
  replyBody,
  resolveBody,
  reviewBody,
  sessionParams,
  threadParams,
} from './schemas.js';

export interface FeedbackRouteDeps {
  signer: TokenSigner;
  feedback: FeedbackService;
  mentoring: MentoringService;
}

type SessionRoute<B> = { Params: { sessionId: string }; Body: B };
type ThreadRoute<B> = { Params: { sessionId: string; threadId: string }; Body: B };

export function feedbackRoutes(app: FastifyInstance, deps: FeedbackRouteDeps): void {
  app.post<SessionRoute<CreateThreadRequest>>(
    '/api/sessions/:sessionId/threads',
    { schema: { params: sessionParams, body: createThreadBody } },
    async (request, reply) => {
      const claims = requireBearer(request, deps.signer);
      const created = await deps.feedback.createThread(request.params.sessionId, claims, request.body);
      return reply.code(201).send(created);
    },
  );

  app.post<ThreadRoute<ReplyRequest>>(
    '/api/sessions/:sessionId/threads/:threadId/replies',
    { schema: { params: threadParams, body: replyBody } },
    async (request, reply) => {
      const claims = requireBearer(request, deps.signer);
      const { sessionId, threadId } = request.params;
      return reply.code(201).send(await deps.feedback.reply(sessionId, claims, threadId, request.body.text));
    },
  );

  app.post<ThreadRoute<ResolveRequest>>(
    '/api/sessions/:sessionId/threads/:threadId/resolve',
    { schema: { params: threadParams, body: resolveBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      const { sessionId, threadId } = request.params;
      return deps.feedback.resolve(sessionId, claims, threadId, request.body.resolved);
    },
  );

  app.post<SessionRoute<ReviewRequest>>(
    '/api/sessions/:sessionId/reviews',
    { schema: { params: sessionParams, body: reviewBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      return deps.feedback.review(request.params.sessionId, claims, request.body);
    },
  );

  app.put<SessionRoute<MentoringRequest>>(
    '/api/sessions/:sessionId/mentoring',
    { schema: { params: sessionParams, body: mentoringBody } },
    async (request) => {
      const claims = requireBearer(request, deps.signer);
      // requireBearer accepted the header, so it holds exactly one token.
      const token = request.headers.authorization!.replace(/^Bearer\s+/i, '').trim();
      return deps.mentoring.setTeams(request.params.sessionId, claims, token, request.body.teamIds);
    },
  );
}
