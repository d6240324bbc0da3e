/**
 * The Horizon server as a Fastify app, buildable in tests with any config. `server.ts` only listens and handles
 * signals.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import { CloseCode } from '@horizon/shared';
import { loadOrCreateSecret } from './auth/secret.js';
import { TokenSigner } from './auth/tokens.js';
import { collabRoute } from './collab/collabRoute.js';
import { refuseUpgrades } from './collab/refuseUpgrades.js';
import { RoomManager } from './collab/RoomManager.js';
import type { Config } from './config.js';
import { HttpError } from './errors.js';
import { loggerOptions } from './logging.js';
import { Metrics } from './metrics.js';
import { SqliteStore } from './persistence/sqliteStore.js';
import type { Store } from './persistence/Store.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { infoRoutes } from './routes/infoRoutes.js';
import { exportRoutes } from './routes/api/exportRoutes.js';
import { joinRoutes } from './routes/api/joinRoutes.js';
import { sessionsRoutes } from './routes/api/sessionsRoutes.js';
import { tokenRoutes } from './routes/api/tokenRoutes.js';
import { SessionService } from './sessions/SessionService.js';
import { FacilitationService } from './facilitation/FacilitationService.js';
import { facilitationRoutes } from './facilitation/facilitationRoutes.js';
import { LockService } from './facilitation/LockService.js';
import { SessionSerializer } from './facilitation/serial.js';
import { VotingService } from './facilitation/VotingService.js';
import { FeedbackService } from './feedback/FeedbackService.js';
import { feedbackRoutes } from './feedback/feedbackRoutes.js';
import { MentoringService } from './feedback/MentoringService.js';

export interface HorizonApp {
  app: FastifyInstance;
  rooms: RoomManager;
  store: Store;
  metrics: Metrics;
}

export async function buildApp(config: Config, options: { store?: Store } = {}): Promise<HorizonApp> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    // Bodies are small JSON documents; the collaboration traffic goes over WebSockets.
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    // Refuse what the schema does not describe instead of silently dropping or coercing it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  const store =
    options.store ??
    new SqliteStore(path.join(config.dataDir, 'horizon.sqlite'), {
      checkpoints: { onError: (message) => app.log.warn({ message }, 'WAL checkpoint failed') },
      journal: { onError: (message) => app.log.error({ message }, 'update journal') },
    });
  const signer = new TokenSigner(loadOrCreateSecret(config.dataDir, config.secret));
  const metrics = new Metrics();
  // Locks gate the room write path, and read the session document through the rooms: each needs the other.
  const locks: LockService = new LockService((sessionId, fn) => rooms.read({ kind: 'session', sessionId }, fn));
  const rooms: RoomManager = new RoomManager(store, config, metrics, app.log, (ref, conn) =>
    locks.mayWrite(ref, conn.claims),
  );
  const sessions = new SessionService(store, signer, config.tokenTtlSeconds, rooms);
  const now = () => Date.now();
  const serial = new SessionSerializer();
  const voting = new VotingService({ store, rooms, serial, now });
  const facilitation = new FacilitationService({ store, rooms, locks, voting, serial, now });
  const feedback = new FeedbackService({ store, rooms, serial, now });
  const mentoring = new MentoringService({ store, refreshToken: (token) => sessions.refreshToken(token) });

  app.setErrorHandler((error: Error, request, reply) => {
    if (error instanceof HttpError)
      return reply.code(error.status).send({ error: error.error, message: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if ((error as { validation?: unknown }).validation) {
      return reply.code(400).send({ error: 'bad_request', message: error.message });
    }
    if (status !== undefined && status >= 400 && status < 500) {
      const code = status === 429 ? 'too_many_requests' : 'bad_request';
      return reply.code(status).send({ error: code, message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server.' });
  });

  await app.register(rateLimit, { global: true, max: 600, timeWindow: '1 minute' });
  await app.register(websocket, {
    // ws drops larger frames outright; the Connection refuses anything over the configured limit with 4413 first.
    options: { maxPayload: config.limits.maxMessageBytes * 4 },
    // Replaces the plugin's default (close every socket without a code): first put everything on disk and close
    // room sockets with 1012, so clients know to reconnect, then close whatever is left.
    preClose: async function (this: FastifyInstance) {
      refuseUpgrades(this.server);
      await rooms.close();
      for (const socket of this.websocketServer.clients) socket.close(CloseCode.serviceRestart, 'server restarting');
      await new Promise<void>((resolve) => this.websocketServer.close(() => resolve()));
    },
  });

  sessionsRoutes(app, { sessions, signer, store, rooms });
  joinRoutes(app, { sessions });
  tokenRoutes(app, { sessions });
  exportRoutes(app, { signer, store, rooms, sessions });
  healthRoutes(app, { metrics });
  infoRoutes(app, { host: config.host });
  facilitationRoutes(app, { signer, facilitation, voting, now });
  feedbackRoutes(app, { signer, feedback, mentoring });
  collabRoute(app, { config, signer, sessions, rooms, metrics, locks });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/collab');
    if (wantsPage && config.clientDir && fs.existsSync(path.join(config.clientDir, 'index.html'))) {
      // Client routes (/join/…, /s/…) are rendered by the single-page app.
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${request.url}` });
  });
  if (config.clientDir && fs.existsSync(config.clientDir)) {
    await app.register(fastifyStatic, { root: config.clientDir, wildcard: false, index: ['index.html'] });
  }

  app.addHook('onClose', async () => {
    await store.close();
  });

  return { app, rooms, store, metrics };
}
