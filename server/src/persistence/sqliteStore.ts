/**
 * The embedded store: one SQLite file under DATA_DIR in WAL mode (better-sqlite3, synchronous and fast on one box).
 *
 * Room layout: `room_snapshots` holds each room's compacted state; `room_updates` is an append-only log keyed by a
 * global sequence. Loading a room is snapshot + log; compaction replaces the snapshot and trims the log in one
 * transaction, so a crash at any point leaves a loadable room.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Role } from '@horizon/shared';
import { JournaledLog, journalFileOf } from './journaledLog.js';
import { ProcessLock } from './processLock.js';
import type { JournaledLogOptions } from './journaledLog.js';
import { WalCheckpointer } from './walCheckpointer.js';
import type { CheckpointOptions } from './walCheckpointer.js';
import type {
  AppendEntry,
  NewSession,
  ParticipantRecord,
  SessionRecord,
  Store,
  StoredRoom,
  StoredVote,
  TeamRecord,
} from './Store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS room_snapshots (room TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS room_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS room_updates_by_room ON room_updates (room, seq);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, horizon_year INTEGER NOT NULL, created_at TEXT NOT NULL,
  facilitator_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS join_codes (code TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS join_codes_by_session ON join_codes (session_id);
CREATE TABLE IF NOT EXISTS teams (
  session_id TEXT NOT NULL, team_id TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY (session_id, team_id)
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, team_id TEXT,
  mentor_of TEXT, created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_session ON participants (session_id, created_at);
CREATE TABLE IF NOT EXISTS votes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, round_id TEXT NOT NULL, voter_id TEXT NOT NULL, team_id TEXT NOT NULL,
  item_id TEXT NOT NULL, cast_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS votes_by_voter ON votes (round_id, voter_id, seq);
`;

/** Columns added after the first release, with what existing rows get. `CREATE TABLE IF NOT EXISTS` skips them. */
const ADDED_COLUMNS = [
  { table: 'sessions', column: 'template_id', definition: "TEXT NOT NULL DEFAULT 'image-of-future'" },
];

interface ParticipantRow {
  id: string;
  session_id: string;
  name: string;
  role: Role;
  team_id: string | null;
  mentor_of: string | null;
  created_at: string;
}

interface VoteRow {
  round_id: string;
  voter_id: string;
  team_id: string;
  item_id: string;
  cast_at: number;
}

function toVote(row: VoteRow): StoredVote {
  return {
    roundId: row.round_id,
    voterId: row.voter_id,
    teamId: row.team_id,
    itemId: row.item_id,
    castAt: row.cast_at,
  };
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    participantId: row.id,
    sessionId: row.session_id,
    name: row.name,
    role: row.role,
    ...(row.team_id ? { teamId: row.team_id } : {}),
    ...(row.mentor_of ? { mentorOf: JSON.parse(row.mentor_of) as string[] } : {}),
    createdAt: row.created_at,
  };
}

export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #stmts;
  /** Room updates are appended to a journal first and folded into `room_updates` in batches (journaledLog.ts). */
  readonly #log: JournaledLog;
  readonly #checkpointer: WalCheckpointer;
  readonly #lock: ProcessLock;

  constructor(file: string, options: { checkpoints?: CheckpointOptions; journal?: JournaledLogOptions } = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.#lock = ProcessLock.acquire(`${file}.lock`);
    try {
      this.#db = new Database(file);
    } catch (error) {
      this.#lock.release();
      throw error;
    }
    this.#db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (kill -9); only an OS crash could drop the last transactions.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    // The WAL file is reused from its start after each checkpoint; after a burst of writes, cut it back to this.
    this.#db.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);
    this.#db.exec(SCHEMA);
    this.#addMissingColumns();
    // After the schema exists: the checkpoint thread opens the file as it is.
    this.#checkpointer = new WalCheckpointer(file, this.#db, options.checkpoints);
    this.#log = new JournaledLog(this.#db, journalFileOf(file), options.journal);
    const db = this.#db;
    this.#stmts = {
      snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM room_snapshots WHERE room = ?'),
      updates: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM room_updates WHERE room = ? ORDER BY seq',
      ),
      putSnapshot: db.prepare<[string, Buffer, string]>(
        'INSERT INTO room_snapshots (room, data, updated_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      ),
      trim: db.prepare<[string, number]>('DELETE FROM room_updates WHERE room = ? AND seq <= ?'),
      roomSize: db.prepare<[string, string], { size: number | null }>(
        'SELECT (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM room_snapshots WHERE room = ?) + ' +
          '(SELECT COALESCE(SUM(LENGTH(data)), 0) FROM room_updates WHERE room = ?) AS size',
      ),
      insertSession: db.prepare<[string, string, number, string, string, string]>(
        'INSERT INTO sessions (id, title, horizon_year, created_at, facilitator_id, template_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getSession: db.prepare<
        [string],
        {
          id: string;
          title: string;
          horizon_year: number;
          created_at: string;
          facilitator_id: string;
          template_id: string;
        }
      >('SELECT * FROM sessions WHERE id = ?'),
      insertCode: db.prepare<[string, string, string]>(
        'INSERT INTO join_codes (code, session_id, role) VALUES (?, ?, ?)',
      ),
      findCode: db.prepare<[string], { session_id: string; role: string }>(
        'SELECT session_id, role FROM join_codes WHERE code = ?',
      ),
      codesOf: db.prepare<[string], { code: string; role: string }>(
        'SELECT code, role FROM join_codes WHERE session_id = ?',
      ),
      insertTeam: db.prepare<[string, string, string, number]>(
        'INSERT INTO teams (session_id, team_id, name, position) VALUES (?, ?, ?, ?)',
      ),
      listTeams: db.prepare<[string], { session_id: string; team_id: string; name: string; position: number }>(
        'SELECT * FROM teams WHERE session_id = ? ORDER BY position, team_id',
      ),
      insertParticipant: db.prepare<[string, string, string, string, string | null, string | null, string]>(
        'INSERT INTO participants (id, session_id, name, role, team_id, mentor_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getParticipant: db.prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE session_id = ? AND id = ?',
      ),
      listParticipants: db.prepare<[string], ParticipantRow>(
        'SELECT * FROM participants WHERE session_id = ? ORDER BY created_at, id',
      ),
      moveParticipant: db.prepare<[string, string, string]>(
        'UPDATE participants SET team_id = ? WHERE session_id = ? AND id = ?',
      ),
      setMentorOf: db.prepare<[string, string, string]>(
        'UPDATE participants SET mentor_of = ? WHERE session_id = ? AND id = ?',
      ),
      countVotes: db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM votes WHERE round_id = ? AND voter_id = ?',
      ),
      insertVote: db.prepare<[string, string, string, string, number]>(
        'INSERT INTO votes (round_id, voter_id, team_id, item_id, cast_at) VALUES (?, ?, ?, ?, ?)',
      ),
      retractVote: db.prepare<[string, string, string, string]>(
        'DELETE FROM votes WHERE seq = (SELECT MAX(seq) FROM votes ' +
          'WHERE round_id = ? AND voter_id = ? AND team_id = ? AND item_id = ?)',
      ),
      listVotes: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE round_id = ? ORDER BY seq'),
      votesOf: db.prepare<[string, string], VoteRow>(
        'SELECT * FROM votes WHERE round_id = ? AND voter_id = ? ORDER BY seq',
      ),
    };
  }

  #addMissingColumns(): void {
    for (const { table, column, definition } of ADDED_COLUMNS) {
      const columns = this.#db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
      if (!columns.some((c) => c.name === column)) {
        this.#db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
      }
    }
  }

  async loadRoom(room: string): Promise<StoredRoom> {
    await this.#log.foldThrough(this.#log.lastSeq);
    const snapshot = this.#stmts.snapshot.get(room);
    const rows = this.#stmts.updates.all(room);
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    };
  }

  async appendUpdates(entries: readonly AppendEntry[]): Promise<number[]> {
    return this.appendUpdatesNow(entries);
  }

  appendUpdatesNow(entries: readonly AppendEntry[]): number[] {
    if (entries.length === 0) return [];
    return this.#log.append(entries);
  }

  async compactRoom(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    // Every update up to `uptoSeq` must be in the table before the trim, or a journaled one would outlive it.
    await this.#log.foldThrough(uptoSeq);
    this.#db.transaction(() => {
      this.#stmts.putSnapshot.run(room, Buffer.from(snapshot), new Date().toISOString());
      this.#stmts.trim.run(room, uptoSeq);
    })();
  }

  async roomSize(room: string): Promise<number> {
    await this.#log.foldThrough(this.#log.lastSeq);
    return this.#stmts.roomSize.get(room, room)?.size ?? 0;
  }

  async createSession(input: NewSession): Promise<void> {
    const { session, teams, facilitator, rooms } = input;
    this.#db.transaction(() => {
      this.#stmts.insertSession.run(
        session.sessionId,
        session.title,
        session.horizonYear,
        session.createdAt,
        session.facilitatorId,
        session.templateId,
      );
      for (const [role, code] of Object.entries(session.codes)) {
        this.#stmts.insertCode.run(code, session.sessionId, role);
      }
      for (const team of teams) this.#stmts.insertTeam.run(team.sessionId, team.teamId, team.name, team.position);
      this.#insertParticipant(facilitator);
      const now = new Date().toISOString();
      for (const r of rooms) this.#stmts.putSnapshot.run(r.room, Buffer.from(r.state), now);
    })();
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const row = this.#stmts.getSession.get(sessionId);
    if (!row) return null;
    const codes = { participant: '', mentor: '', projector: '' };
    for (const c of this.#stmts.codesOf.all(sessionId)) codes[c.role as keyof typeof codes] = c.code;
    return {
      sessionId: row.id,
      title: row.title,
      horizonYear: row.horizon_year,
      createdAt: row.created_at,
      facilitatorId: row.facilitator_id,
      codes,
      templateId: row.template_id,
    };
  }

  async findCode(code: string) {
    const row = this.#stmts.findCode.get(code);
    if (!row) return null;
    return { sessionId: row.session_id, role: row.role as Exclude<Role, 'facilitator'> };
  }

  async isCodeTaken(code: string): Promise<boolean> {
    return this.#stmts.findCode.get(code) !== undefined;
  }

  async listTeams(sessionId: string): Promise<TeamRecord[]> {
    return this.#stmts.listTeams.all(sessionId).map((r) => ({
      sessionId: r.session_id,
      teamId: r.team_id,
      name: r.name,
      position: r.position,
    }));
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    this.#insertParticipant(participant);
  }

  #insertParticipant(p: ParticipantRecord): void {
    this.#stmts.insertParticipant.run(
      p.participantId,
      p.sessionId,
      p.name,
      p.role,
      p.teamId ?? null,
      p.mentorOf ? JSON.stringify(p.mentorOf) : null,
      p.createdAt,
    );
  }

  async getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    const row = this.#stmts.getParticipant.get(sessionId, participantId);
    return row ? toParticipant(row) : null;
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return this.#stmts.listParticipants.all(sessionId).map(toParticipant);
  }

  async moveParticipant(sessionId: string, participantId: string, teamId: string): Promise<ParticipantRecord | null> {
    const changed = this.#stmts.moveParticipant.run(teamId, sessionId, participantId).changes;
    return changed > 0 ? this.getParticipant(sessionId, participantId) : null;
  }

  async setMentorOf(
    sessionId: string,
    participantId: string,
    teamIds: readonly string[],
  ): Promise<ParticipantRecord | null> {
    const changed = this.#stmts.setMentorOf.run(JSON.stringify(teamIds), sessionId, participantId).changes;
    return changed > 0 ? this.getParticipant(sessionId, participantId) : null;
  }

  async castVote(vote: StoredVote, budget: number): Promise<boolean> {
    return this.#db.transaction(() => {
      if ((this.#stmts.countVotes.get(vote.roundId, vote.voterId)?.n ?? 0) >= budget) return false;
      this.#stmts.insertVote.run(vote.roundId, vote.voterId, vote.teamId, vote.itemId, vote.castAt);
      return true;
    })();
  }

  async retractVote(roundId: string, voterId: string, teamId: string, itemId: string): Promise<boolean> {
    return this.#stmts.retractVote.run(roundId, voterId, teamId, itemId).changes > 0;
  }

  async listVotes(roundId: string): Promise<StoredVote[]> {
    return this.#stmts.listVotes.all(roundId).map(toVote);
  }

  async votesOf(roundId: string, voterId: string): Promise<StoredVote[]> {
    return this.#stmts.votesOf.all(roundId, voterId).map(toVote);
  }

  async close(): Promise<void> {
    try {
      // Folds the last journaled updates; any that cannot be are replayed from the journal at the next start.
      this.#log.close();
    } finally {
      try {
        await this.#checkpointer.close();
        if (this.#db.open) this.#db.close();
      } finally {
        this.#lock.release();
      }
    }
  }
}
