import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, defaultConfig } from './config.js';

describe('configFromEnv', () => {
  it('falls back to the documented defaults with an empty environment', () => {
    const config = configFromEnv({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.secret).toBeUndefined();
    expect(config.allowedOrigins).toEqual([]);
    expect(config).toEqual(defaultConfig());
  });

  it('treats empty variables as unset', () => {
    expect(configFromEnv({ PORT: '', HOST: '', DATA_DIR: '', SECRET: '', ALLOWED_ORIGINS: '' })).toEqual(
      defaultConfig(),
    );
  });

  it('takes overrides from the environment', () => {
    const config = configFromEnv({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATA_DIR: 'var/horizon',
      SECRET: 'from-the-environment',
      CLIENT_DIR: 'public',
      LOG_LEVEL: 'debug',
      TOKEN_TTL_SECONDS: '60',
      ROOM_UNLOAD_DELAY_MS: '0',
      COMPACT_AFTER_UPDATES: '10',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('var/horizon'),
      secret: 'from-the-environment',
      clientDir: path.resolve('public'),
      logLevel: 'debug',
      tokenTtlSeconds: 60,
      roomUnloadDelayMs: 0,
      compactAfterUpdates: 10,
    });
  });

  it('trusts proxy headers only when TRUST_PROXY says so', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(configFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    for (const value of ['0', 'false', 'no', '']) expect(configFromEnv({ TRUST_PROXY: value }).trustProxy).toBe(false);
  });

  it('keeps an absolute DATA_DIR as given', () => {
    const dir = path.resolve('/srv/horizon-data');
    expect(configFromEnv({ DATA_DIR: dir }).dataDir).toBe(dir);
  });

  it('splits ALLOWED_ORIGINS on commas, trimming spaces and dropping empty entries', () => {
    const config = configFromEnv({ ALLOWED_ORIGINS: ' https://a.example ,https://b.example,, * ,' });
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example', '*']);
  });

  it('refuses a port that is not a non-negative integer, naming the variable', () => {
    for (const bad of ['abc', '-1', '80.5', '8080x']) {
      expect(() => configFromEnv({ PORT: bad })).toThrow(/PORT/);
    }
  });

  it('names whichever numeric variable is wrong', () => {
    for (const name of ['TOKEN_TTL_SECONDS', 'ROOM_UNLOAD_DELAY_MS', 'COMPACT_AFTER_UPDATES']) {
      expect(() => configFromEnv({ [name]: 'soon' })).toThrow(new RegExp(name));
    }
  });

  it('does not read process.env when an environment is passed', () => {
    const saved = process.env.PORT;
    process.env.PORT = 'not-a-port';
    try {
      expect(configFromEnv({}).port).toBe(8080);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });
});
