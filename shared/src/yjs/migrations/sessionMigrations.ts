import type { Migration } from './runner.js';

/**
 * Session document migrations, oldest first. Version 0 is a document with no `meta.schemaVersion`: the first
 * migration gives it the containers every reader expects.
 */
export const sessionMigrations: readonly Migration[] = [
  {
    id: 'session/1-containers',
    from: 0,
    up(doc) {
      // Touching the root types is enough to declare them; `teams` keeps whatever it already had.
      doc.getMap('meta');
      doc.getMap('teams');
    },
  },
];

export const SESSION_SCHEMA_VERSION = sessionMigrations.length;
