/**
 * `GET /api/sessions/:sessionId/export?format=docx|pdf|md|html|json|csv[&team=<teamId>]`: the session's outcomes as
 * a file; `format=svg|png&team=<teamId>`: the team's board picture; `format=docx&team=<teamId>&initiative=<id>`: one
 * initiative's passport. `POST /api/sessions/:sessionId/export/prepare?format=docx|pdf` (204): starts the render
 * threads ahead of an export, when the export dialog opens. `POST /api/sessions/import` (a JSON export as the body): a new session rebuilt from it, answered
 * like session creation (anyone may create a session, so anyone may import one). The facilitator and mentors may export the whole session or any team; a participant only their own team
 * (the team the store has for them now, so a moved participant exports their new team); a projector nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { TokenClaims } from '@horizon/shared';
import { requireBearer } from '../../auth/bearer.js';
import type { TokenSigner } from '../../auth/tokens.js';
import { HttpError } from '../../errors.js';
import { BOARD_FORMATS, EXPORT_FORMATS, contentDisposition } from '../../export/formats.js';
import type { ExportFormat } from '../../export/formats.js';
import { SessionExporter } from '../../export/SessionExporter.js';
import type { LiveRooms } from '../../export/SessionExporter.js';
import type { Store } from '../../persistence/Store.js';
import type { RoomWriter, SessionService } from '../../sessions/SessionService.js';
import { sessionParams } from './schemas.js';

export interface ExportRouteDeps {
  signer: TokenSigner;
  store: Store;
  rooms: LiveRooms & RoomWriter;
  sessions: SessionService;
}

/** A JSON export of a big session (10 teams × 200 notes × 20 initiatives) is about 1.6 MB. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

const exportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: {
    format: { type: 'string', enum: [...EXPORT_FORMATS] },
    team: { type: 'string', pattern: '^[a-z0-9]{4,32}$' },
    initiative: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
} as const;

const prepareQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: { format: { type: 'string', enum: ['docx', 'pdf'] } },
} as const;

async function checkRights(store: Store, sessionId: string, claims: TokenClaims, teamId?: string): Promise<void> {
  if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
  const me = await store.getParticipant(sessionId, claims.participantId);
  if (!me) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
  switch (me.role) {
    case 'facilitator':
    case 'mentor':
      return;
    case 'participant':
      if (teamId === undefined) throw new HttpError('forbidden', 'Participants export their own team only.');
      if (teamId !== me.teamId) throw new HttpError('forbidden', 'Participants export their own team only.');
      return;
    case 'projector':
      throw new HttpError('forbidden', 'The projector link cannot export.');
  }
}

export function exportRoutes(app: FastifyInstance, deps: ExportRouteDeps): void {
  const exporter = new SessionExporter(deps.store, deps.rooms);

  app.get<{
    Params: { sessionId: string };
    Querystring: { format: ExportFormat; team?: string; initiative?: string };
  }>(
    '/api/sessions/:sessionId/export',
    {
      schema: { params: sessionParams, querystring: exportQuery },
      // Rendering a report costs CPU seconds, not milliseconds.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const claims = requireBearer(request, deps.signer);
      const { sessionId } = request.params;
      const { format, team, initiative } = request.query;
      if (BOARD_FORMATS.includes(format) && team === undefined) {
        throw new HttpError('badRequest', 'A board picture needs a team: add team=<teamId>.');
      }
      if (initiative !== undefined && (format !== 'docx' || team === undefined)) {
        throw new HttpError(
          'badRequest',
          'An initiative passport is a Word file of one team: format=docx&team=<teamId>.',
        );
      }
      await checkRights(deps.store, sessionId, claims, team);
      const file = await exporter.export(sessionId, team, format, initiative);
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          // An HTML export opened from the API's origin must not run anything, whatever it contains.
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
          .send(file.body)
      );
    },
  );

  app.post<{ Params: { sessionId: string }; Querystring: { format: 'docx' | 'pdf' } }>(
    '/api/sessions/:sessionId/export/prepare',
    {
      schema: { params: sessionParams, querystring: prepareQuery },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const claims = requireBearer(request, deps.signer);
      const me = await deps.store.getParticipant(request.params.sessionId, claims.participantId);
      if (claims.sessionId !== request.params.sessionId || !me) {
        throw new HttpError('forbidden', 'This token belongs to another session.');
      }
      if (me.role === 'projector') throw new HttpError('forbidden', 'The projector link cannot export.');
      exporter.warm(request.query.format);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/sessions/import',
    { bodyLimit: IMPORT_BODY_LIMIT, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      // Loaded on first use: it brings Tiptap's schema code, which the event loop otherwise never needs.
      const { importSession } = await import('../../export/importSession.js');
      return reply.code(201).send(await importSession(request.body, deps.sessions, deps.rooms));
    },
  );
}
