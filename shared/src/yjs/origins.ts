/**
 * Transaction origins. Every write to a Y.Doc is tagged, so observers (persistence, undo managers, the server's
 * broadcast) can tell who made a change. A connection's own writes use the connection object as origin.
 */
export const Origin = {
  /** The server applied a validated facilitator command. */
  facilitator: 'facilitator',
  /** The server created or seeded a document. */
  server: 'server',
  /** A schema migration run on load. */
  migration: 'migration',
  /** Content loaded from the store (never re-persisted, never broadcast as new). */
  store: 'store',
} as const;
