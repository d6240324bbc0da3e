/**
 * Logger options. Request URLs are logged without their `token` query parameter: a WebSocket carries its bearer
 * token in the URL (browsers cannot set headers on a WebSocket), and logs must never hold credentials.
 */
import type { FastifyServerOptions } from 'fastify';

export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req(request: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) {
        return { method: request.method, url: redactToken(request.url), remoteAddress: request.ip };
      },
    },
  };
}
