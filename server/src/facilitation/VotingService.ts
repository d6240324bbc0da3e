/**
 * Votes. A round's public settings live in the session document; the ballots live only in the store, checked
 * against the voter's budget on the way in, so a client that speaks the protocol directly can neither overspend nor
 * learn the counts. Counts reach a document once, as the round's results, when the facilitator reveals it.
 */
import * as Y from 'yjs';
import type { RoomRef, TokenClaims } from '@horizon/shared';
import { notesMap, readNote } from '@horizon/shared/board';
import { initiativeEntry, readInitiative } from '@horizon/shared/initiatives';
import { readVotingRound } from '@horizon/shared/facilitation';
import type { CastVoteRequest, MyVotes, VotingResult, VotingRound, VotingTarget } from '@horizon/shared/facilitation';
import { HttpError } from '../errors.js';
import type { ParticipantRecord, Store, StoredVote } from '../persistence/Store.js';
import type { SessionSerializer } from './serial.js';
import type { FacilitationRooms } from './types.js';

/** Results show what people voted for; a long note is cut to this many characters. */
const LABEL_MAX = 140;

const sessionRef = (sessionId: string): RoomRef => ({ kind: 'session', sessionId });
const teamRef = (sessionId: string, teamId: string): RoomRef => ({ kind: 'team', sessionId, teamId });

function itemExists(doc: Y.Doc, target: VotingTarget, itemId: string): boolean {
  return target === 'notes' ? notesMap(doc).get(itemId) instanceof Y.Map : initiativeEntry(doc, itemId) !== undefined;
}

function labelOf(doc: Y.Doc, target: VotingTarget, itemId: string): string {
  if (target === 'initiatives') return readInitiative(doc, itemId)?.title ?? '';
  const note = notesMap(doc).get(itemId);
  if (!(note instanceof Y.Map)) return '';
  const text = readNote(note, itemId).text.replace(/\s+/g, ' ').trim();
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

export interface VotingDeps {
  store: Store;
  rooms: FacilitationRooms;
  serial: SessionSerializer;
  now(): number;
}

export class VotingService {
  constructor(private readonly deps: VotingDeps) {}

  /** The caller's own votes in the round and what is left of their budget. */
  async mine(sessionId: string, claims: TokenClaims, roundId: string): Promise<MyVotes> {
    await this.#voter(sessionId, claims);
    const round = await this.#round(sessionId, roundId);
    return this.#mine(round, claims.participantId);
  }

  /** Casts or takes back one vote, within the round's rules; answers like `mine`. */
  async vote(sessionId: string, claims: TokenClaims, roundId: string, body: CastVoteRequest): Promise<MyVotes> {
    const me = await this.#voter(sessionId, claims);
    return this.deps.serial.run(sessionId, async () => {
      const round = await this.#round(sessionId, roundId);
      if (round.status !== 'open') throw new HttpError('conflict', 'This voting round is closed.');
      const teams = await this.deps.store.listTeams(sessionId);
      if (!teams.some((t) => t.teamId === body.teamId)) {
        throw new HttpError('notFound', 'This session has no such team.');
      }
      if (round.scope === 'own' && !this.#isOwnTeam(me, body.teamId)) {
        throw new HttpError('forbidden', 'In this round you vote only for your own team’s items.');
      }
      if (body.action === 'retract') {
        const removed = await this.deps.store.retractVote(round.id, me.participantId, body.teamId, body.itemId);
        if (!removed) throw new HttpError('conflict', 'You have no vote on this item to take back.');
        return this.#mine(round, me.participantId);
      }
      const exists = await this.deps.rooms.read(teamRef(sessionId, body.teamId), (doc) =>
        itemExists(doc, round.target, body.itemId),
      );
      if (!exists) {
        const what = round.target === 'notes' ? 'note' : 'initiative';
        throw new HttpError('notFound', `This team has no such ${what}.`);
      }
      const vote: StoredVote = {
        roundId: round.id,
        voterId: me.participantId,
        teamId: body.teamId,
        itemId: body.itemId,
        castAt: this.deps.now(),
      };
      if (!(await this.deps.store.castVote(vote, round.votesPerPerson))) {
        throw new HttpError(
          'budget',
          `You have used all ${round.votesPerPerson} of your votes in this round; take one back to vote again.`,
        );
      }
      return this.#mine(round, me.participantId);
    });
  }

  /** The round's results from the stored ballots: one row per voted item, most votes first. */
  async results(sessionId: string, round: VotingRound): Promise<VotingResult[]> {
    const votes = await this.deps.store.listVotes(round.id);
    const rows = new Map<string, { teamId: string; itemId: string; votes: number; voterIds: string[] }>();
    for (const v of votes) {
      const key = `${v.teamId}\u0000${v.itemId}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { teamId: v.teamId, itemId: v.itemId, votes: 0, voterIds: [] }));
      row.votes += 1;
      if (!row.voterIds.includes(v.voterId)) row.voterIds.push(v.voterId);
    }
    const labels = new Map<string, string>();
    for (const teamId of new Set([...rows.values()].map((r) => r.teamId))) {
      await this.deps.rooms.read(teamRef(sessionId, teamId), (doc) => {
        for (const row of rows.values()) {
          if (row.teamId === teamId) labels.set(`${teamId}\u0000${row.itemId}`, labelOf(doc, round.target, row.itemId));
        }
      });
    }
    const names = round.anonymous
      ? new Map<string, string>()
      : new Map((await this.deps.store.listParticipants(sessionId)).map((p) => [p.participantId, p.name]));
    const results: VotingResult[] = [...rows].map(([key, row]) => ({
      teamId: row.teamId,
      itemId: row.itemId,
      label: labels.get(key) ?? '',
      votes: row.votes,
      ...(round.anonymous ? {} : { voters: row.voterIds.map((id) => names.get(id) ?? '') }),
    }));
    return results.sort(
      (a, b) =>
        b.votes - a.votes ||
        a.label.localeCompare(b.label, 'ru') ||
        a.teamId.localeCompare(b.teamId) ||
        a.itemId.localeCompare(b.itemId),
    );
  }

  async #mine(round: VotingRound, voterId: string): Promise<MyVotes> {
    const votes = await this.deps.store.votesOf(round.id, voterId);
    return {
      votes: votes.map((v) => ({ teamId: v.teamId, itemId: v.itemId })),
      remaining: Math.max(0, round.votesPerPerson - votes.length),
    };
  }

  /** Scope "own": a participant's team, a mentor's mentored teams; the facilitator belongs to every team. */
  #isOwnTeam(me: ParticipantRecord, teamId: string): boolean {
    if (me.role === 'facilitator') return true;
    if (me.role === 'mentor') return me.mentorOf?.includes(teamId) ?? false;
    return me.teamId === teamId;
  }

  /** The voter as the store has them now (a moved participant votes for their new team). */
  async #voter(sessionId: string, claims: TokenClaims): Promise<ParticipantRecord> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    if (claims.role === 'projector') throw new HttpError('forbidden', 'A projector shows the vote; it cannot vote.');
    if (!(await this.deps.store.getSession(sessionId))) throw new HttpError('notFound', 'No such session.');
    const me = await this.deps.store.getParticipant(sessionId, claims.participantId);
    if (!me) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
    return me;
  }

  async #round(sessionId: string, roundId: string): Promise<VotingRound> {
    const round = await this.deps.rooms.read(sessionRef(sessionId), (doc) => readVotingRound(doc, roundId));
    if (!round) throw new HttpError('notFound', 'This session has no such voting round.');
    return round;
  }
}
