import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.js';

export function healthRoutes(app: FastifyInstance, deps: { metrics: Metrics }): void {
  app.get('/api/health', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));

  app.get('/metrics', { config: { rateLimit: false } }, async (_request, reply) => {
    const body = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(body);
  });
}
