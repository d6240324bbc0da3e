import type { Migration } from './runner.js';

/** Team document migrations, oldest first (see sessionMigrations.ts for version 0). */
export const teamMigrations: readonly Migration[] = [
  {
    id: 'team/1-containers',
    from: 0,
    up(doc) {
      doc.getMap('meta');
    },
  },
];

export const TEAM_SCHEMA_VERSION = teamMigrations.length;
