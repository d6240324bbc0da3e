/**
 * Configuration, read from the environment once at start-up (README "Configuration"). Nothing else reads
 * process.env, so tests build an app from an explicit config.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CollabLimits {
  /** Largest WebSocket frame accepted, bytes. */
  maxMessageBytes: number;
  /** Largest encoded room state; an update that would grow a room past it is refused. */
  maxRoomBytes: number;
  /** Largest awareness state of one client, bytes of JSON. */
  maxAwarenessBytes: number;
  /** Client IDs one connection may speak for in awareness. */
  maxClientIdsPerConnection: number;
  /** Token bucket per connection: sustained messages per second and burst. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Token bucket per connection: sustained bytes per second and burst. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Token bucket per connection on the CPU time its updates cost to apply, ms per second and burst. */
  applyMsPerSecond: number;
  applyMsBurst: number;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** HMAC secret; when undefined it is read from or generated into `dataDir`. */
  secret: string | undefined;
  /** Origins allowed to open a WebSocket besides the server's own host; `*` allows any. */
  allowedOrigins: string[];
  /** Directory of the built client; undefined serves no static files. */
  clientDir: string | undefined;
  logLevel: string;
  /** Trust X-Forwarded-* headers (behind a reverse proxy), so rate limits see the real client address. */
  trustProxy: boolean;
  /** Lifetime of participant tokens, seconds. */
  tokenTtlSeconds: number;
  /** How long a room stays loaded after its last client leaves, ms. */
  roomUnloadDelayMs: number;
  /** Compact a room's log into a snapshot once it holds this many updates. */
  compactAfterUpdates: number;
  limits: CollabLimits;
}

export const defaultLimits: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxRoomBytes: 32 * 1024 * 1024,
  maxAwarenessBytes: 16 * 1024,
  maxClientIdsPerConnection: 4,
  // A paste or a fast typist sends hundreds of small updates a second; these leave room for that.
  messagesPerSecond: 500,
  messageBurst: 2000,
  bytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 8 * 1024 * 1024,
  // Unknown cheap-to-send, costly-to-apply updates exist (DESIGN.md): whatever gets past the structural check still
  // cannot take more than a fifth of a core for long.
  applyMsPerSecond: 200,
  applyMsBurst: 2000,
};

const here = path.dirname(fileURLToPath(import.meta.url));

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return {
    host: '0.0.0.0',
    port: 8080,
    dataDir: path.resolve('data'),
    secret: undefined,
    allowedOrigins: [],
    clientDir: path.resolve(here, '../../client/dist'),
    logLevel: 'info',
    trustProxy: false,
    tokenTtlSeconds: 14 * 24 * 3600,
    roomUnloadDelayMs: 10_000,
    compactAfterUpdates: 500,
    limits: defaultLimits,
    ...overrides,
  };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const base = defaultConfig();
  return defaultConfig({
    host: env.HOST || base.host,
    port: intFrom(env, 'PORT', base.port),
    dataDir: path.resolve(env.DATA_DIR || base.dataDir),
    secret: env.SECRET || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    clientDir: env.CLIENT_DIR ? path.resolve(env.CLIENT_DIR) : base.clientDir,
    logLevel: env.LOG_LEVEL || base.logLevel,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    tokenTtlSeconds: intFrom(env, 'TOKEN_TTL_SECONDS', base.tokenTtlSeconds),
    roomUnloadDelayMs: intFrom(env, 'ROOM_UNLOAD_DELAY_MS', base.roomUnloadDelayMs),
    compactAfterUpdates: intFrom(env, 'COMPACT_AFTER_UPDATES', base.compactAfterUpdates),
  });
}
