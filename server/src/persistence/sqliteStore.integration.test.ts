import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/testServer.js';
import { SqliteStore } from './sqliteStore.js';
import { storeContract } from './storeContract.js';

storeContract('SQLite', {
  async open() {
    const file = path.join(tempDir('horizon-store-'), 'horizon.sqlite');
    const store = new SqliteStore(file);
    return {
      store,
      async reopen() {
        await store.close();
        return new SqliteStore(file);
      },
    };
  },
});

describe('SQLite schema upgrades', () => {
  it('adds the template column to a database made before templates, keeping its sessions', async () => {
    const file = path.join(tempDir('horizon-store-old-'), 'horizon.sqlite');
    const old = new Database(file);
    old.exec(`
      CREATE TABLE sessions (id TEXT PRIMARY KEY, title TEXT NOT NULL, horizon_year INTEGER NOT NULL,
        created_at TEXT NOT NULL, facilitator_id TEXT NOT NULL);
      INSERT INTO sessions VALUES ('sessold1', 'Старая сессия', 2036, '2026-01-01T00:00:00.000Z', 'facil001');
    `);
    old.close();
    const store = new SqliteStore(file);
    expect(await store.getSession('sessold1')).toMatchObject({ title: 'Старая сессия', templateId: 'image-of-future' });
    await store.close();
  });
});
