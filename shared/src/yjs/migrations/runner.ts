/**
 * Named schema migrations, run by the server on load before the first sync step, inside one transaction tagged
 * `migration` so the result is persisted and sent to clients like any other change.
 *
 * Each migration moves a document from `from` to `from + 1`. A document newer than the code knows is refused rather
 * than silently downgraded: an older server must not serve a room a newer one wrote.
 */
import type * as Y from 'yjs';
import { Origin } from '../origins.js';

export interface Migration {
  /** A stable, unique name, e.g. `team/1-meta`. Never renamed once shipped. */
  readonly id: string;
  /** The schema version the migration starts from; it leaves the document at `from + 1`. */
  readonly from: number;
  readonly up: (doc: Y.Doc) => void;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`document schema version ${found} is newer than this server supports (${supported})`);
  }
}

export function schemaVersionOf(doc: Y.Doc): number {
  const value = doc.getMap('meta').get('schemaVersion');
  return typeof value === 'number' ? value : 0;
}

/** Checks that a migration list is a gap-free chain starting at version 0; returns the latest version. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((m, index) => {
    if (m.from !== index) throw new Error(`migration ${m.id} starts at ${m.from}, expected ${index}`);
  });
  return migrations.length;
}

/** Runs the migrations a document still needs; returns the ids it ran (empty when the document is current). */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[]): string[] {
  const latest = latestVersion(migrations);
  const current = schemaVersionOf(doc);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const pending = migrations.slice(current);
  if (pending.length === 0) return [];
  doc.transact(() => {
    for (const migration of pending) {
      migration.up(doc);
      doc.getMap('meta').set('schemaVersion', migration.from + 1);
    }
  }, Origin.migration);
  return pending.map((m) => m.id);
}
