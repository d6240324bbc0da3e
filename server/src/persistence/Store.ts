/**
 * The storage contract. SQLite implements it for one box; a PostgreSQL store will implement the same interface and
 * pass the same contract suite (storeContract.ts). Methods are async so a networked store fits without changes.
 */
import type { JoinCodes, Role } from '@horizon/shared';

export interface StoredRoom {
  /** The latest compacted state, or null when the room was never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** The sequence number of the last update in `updates` (0 when none): compaction folds up to it. */
  lastSeq: number;
}

export interface AppendEntry {
  room: string;
  update: Uint8Array;
}

export interface SessionRecord {
  sessionId: string;
  title: string;
  horizonYear: number;
  createdAt: string;
  facilitatorId: string;
  codes: JoinCodes;
  /** The template the session's documents were seeded from. */
  templateId: string;
}

export interface TeamRecord {
  sessionId: string;
  teamId: string;
  name: string;
  position: number;
}

export interface ParticipantRecord {
  participantId: string;
  sessionId: string;
  name: string;
  role: Role;
  teamId?: string;
  mentorOf?: string[];
  createdAt: string;
}

export interface NewSession {
  session: SessionRecord;
  teams: TeamRecord[];
  facilitator: ParticipantRecord;
  /** Initial document states, written as snapshots in the same transaction. */
  rooms: { room: string; state: Uint8Array }[];
}

/** One vote: a person may put several on one item, so votes are rows, not a set. */
export interface StoredVote {
  roundId: string;
  voterId: string;
  teamId: string;
  itemId: string;
  /** Server epoch ms. */
  castAt: number;
}

export interface Store {
  /** Loads a room's snapshot and the updates after it. A room never written loads empty. */
  loadRoom(room: string): Promise<StoredRoom>;
  /** Appends updates in one transaction, in order; returns each entry's sequence number. */
  appendUpdates(entries: readonly AppendEntry[]): Promise<number[]>;
  /**
   * The same, done before it returns: offered by stores whose append is a local write (SQLite's journal), so an update
   * can be persisted and relayed in the turn it arrived. A networked store leaves it out.
   */
  appendUpdatesNow?(entries: readonly AppendEntry[]): number[];
  /** Replaces the snapshot and drops the room's updates with sequence ≤ `uptoSeq`, atomically. */
  compactRoom(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /** Total bytes stored for the room (snapshot and log). */
  roomSize(room: string): Promise<number>;

  /** Creates a session with its teams, facilitator and initial rooms atomically. Codes must be unused. */
  createSession(input: NewSession): Promise<void>;
  getSession(sessionId: string): Promise<SessionRecord | null>;
  /** Finds the session and the role a join code grants (codes are stored normalised, upper case). */
  findCode(code: string): Promise<{ sessionId: string; role: Exclude<Role, 'facilitator'> } | null>;
  isCodeTaken(code: string): Promise<boolean>;
  listTeams(sessionId: string): Promise<TeamRecord[]>;
  addParticipant(participant: ParticipantRecord): Promise<void>;
  getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null>;
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;
  /** Puts a participant in another team; returns the updated record, or null when there is no such participant. */
  moveParticipant(sessionId: string, participantId: string, teamId: string): Promise<ParticipantRecord | null>;
  /** Replaces the teams a mentor mentors; returns the updated record, or null when there is no such participant. */
  setMentorOf(sessionId: string, participantId: string, teamIds: readonly string[]): Promise<ParticipantRecord | null>;

  /**
   * Records a vote if the voter has fewer than `budget` votes in the round, atomically, so two requests at once
   * cannot both take the last vote. Returns false (and stores nothing) when the budget is spent.
   */
  castVote(vote: StoredVote, budget: number): Promise<boolean>;
  /** Removes one of the voter's votes on the item (the latest); false when there is none. */
  retractVote(roundId: string, voterId: string, teamId: string, itemId: string): Promise<boolean>;
  /** Every vote of the round, in the order cast. */
  listVotes(roundId: string): Promise<StoredVote[]>;
  /** One voter's votes in the round, in the order cast. */
  votesOf(roundId: string, voterId: string): Promise<StoredVote[]>;

  close(): Promise<void>;
}
