/**
 * The facilitator's commands, applied to the session document by the server alone, and the participants' side of
 * facilitation (readiness). Voting lives in VotingService; locks are mirrored for the socket by LockService.
 *
 * Every command of a session runs after the previous one finished (`serial`): a command reads the document,
 * decides, then writes, and nothing else writes the session document, so the decision still holds when it writes.
 */
import type * as Y from 'yjs';
import { Origin, newId, teamRoom } from '@horizon/shared';
import type { RoomRef, TokenClaims } from '@horizon/shared';
import {
  hasAgenda,
  isTeamLocked,
  nextTimer,
  parseFacilitatorCommand,
  readAgenda,
  readLocks,
  readTimer,
  readVotingRound,
  agendaOf,
  setCurrentStage,
  setProjectorFocus,
  setReadiness,
  writeAgendaStages,
  writeLocks,
  writeTimer,
  writeVotingRound,
} from '@horizon/shared/facilitation';
import type {
  FacilitatorCommand,
  FacilitatorCommandResponse,
  Locks,
  ReadinessRequest,
  VotingRound,
} from '@horizon/shared/facilitation';
import { DEFAULT_TEMPLATE_ID, templates } from '@horizon/shared/templates';
import { HttpError } from '../errors.js';
import type { Store } from '../persistence/Store.js';
import type { LockService } from './LockService.js';
import type { SessionSerializer } from './serial.js';
import type { FacilitationRooms } from './types.js';
import type { VotingService } from './VotingService.js';

const sessionRef = (sessionId: string): RoomRef => ({ kind: 'session', sessionId });

export interface FacilitationDeps {
  store: Store;
  rooms: FacilitationRooms;
  locks: LockService;
  voting: VotingService;
  serial: SessionSerializer;
  now(): number;
}

export class FacilitationService {
  constructor(private readonly deps: FacilitationDeps) {}

  /** Checks the token, the role and the body, then applies the command. */
  async command(sessionId: string, claims: TokenClaims, body: unknown): Promise<FacilitatorCommandResponse> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    if (claims.role !== 'facilitator') {
      throw new HttpError(
        'forbidden',
        'Only the facilitator runs the session: agenda, timer, projector, locks, votes.',
      );
    }
    const parsed = parseFacilitatorCommand(body);
    if (!parsed.ok) throw new HttpError('badRequest', parsed.message);
    if (!(await this.deps.store.getSession(sessionId))) throw new HttpError('notFound', 'No such session.');
    return this.deps.serial.run(sessionId, () => this.#apply(sessionId, parsed.command));
  }

  async #apply(sessionId: string, command: FacilitatorCommand): Promise<FacilitatorCommandResponse> {
    switch (command.type) {
      case 'agenda.setStage': {
        await this.#ensureAgenda(sessionId);
        const agenda = await this.#read(sessionId, readAgenda);
        if (!agenda.stages.some((s) => s.id === command.stageId)) {
          throw new HttpError('notFound', `The agenda has no stage "${command.stageId}".`);
        }
        await this.#write(sessionId, (doc) => setCurrentStage(doc, command.stageId));
        return { ok: true };
      }
      case 'timer.start':
      case 'timer.pause':
      case 'timer.resume':
      case 'timer.addMinute':
      case 'timer.stop': {
        const timer = await this.#read(sessionId, readTimer);
        const next = nextTimer(timer, command, this.deps.now());
        if (!next.ok) throw new HttpError('conflict', next.conflict);
        await this.#write(sessionId, (doc) => writeTimer(doc, next.timer));
        return { ok: true };
      }
      case 'projector.focus': {
        const { teamId, roundId } = command.focus;
        if (teamId !== undefined) await this.#requireTeam(sessionId, teamId);
        if (roundId !== undefined) await this.#requireRound(sessionId, roundId);
        await this.#write(sessionId, (doc) => setProjectorFocus(doc, command.focus));
        return { ok: true };
      }
      case 'lock.set':
        await this.#setLock(sessionId, command.teamId, command.locked);
        return { ok: true };
      case 'voting.open': {
        const round: VotingRound = {
          id: newId(),
          title: command.title,
          target: command.target,
          scope: command.scope,
          votesPerPerson: command.votesPerPerson,
          anonymous: command.anonymous,
          status: 'open',
          openedAt: this.deps.now(),
        };
        await this.#write(sessionId, (doc) => writeVotingRound(doc, round));
        return { roundId: round.id };
      }
      case 'voting.close': {
        const round = await this.#requireRound(sessionId, command.roundId);
        if (round.status !== 'open') throw new HttpError('conflict', 'This voting round is already closed.');
        await this.#write(sessionId, (doc) => writeVotingRound(doc, { ...round, status: 'closed' }));
        return { ok: true };
      }
      case 'voting.reveal': {
        const round = await this.#requireRound(sessionId, command.roundId);
        if (round.status === 'open') throw new HttpError('conflict', 'Close the voting round before revealing it.');
        if (round.status === 'revealed') throw new HttpError('conflict', 'This voting round is already revealed.');
        const results = await this.deps.voting.results(sessionId, round);
        await this.#write(sessionId, (doc) => writeVotingRound(doc, { ...round, status: 'revealed', results }));
        return { ok: true };
      }
    }
  }

  /**
   * `no teamId`: every team (unlocking clears every lock). Unlocking one team while all are locked turns "all" into
   * "every other team", so the rest stay locked.
   */
  async #setLock(sessionId: string, teamId: string | undefined, locked: boolean): Promise<void> {
    const teamIds = (await this.deps.store.listTeams(sessionId)).map((t) => t.teamId);
    if (teamId !== undefined && !teamIds.includes(teamId)) {
      throw new HttpError('notFound', 'This session has no such team.');
    }
    const before = await this.#read(sessionId, readLocks);
    let next: Locks;
    if (teamId === undefined) next = locked ? { all: true, teams: before.teams } : { all: false, teams: {} };
    else if (locked) next = { all: before.all, teams: { ...before.teams, [teamId]: true } };
    else if (before.all) {
      next = { all: false, teams: Object.fromEntries(teamIds.filter((id) => id !== teamId).map((id) => [id, true])) };
    } else {
      const { [teamId]: _unlocked, ...rest } = before.teams;
      next = { all: false, teams: rest };
    }
    await this.#write(sessionId, (doc) => {
      writeLocks(doc, next);
      // The socket's gate sees the lock in this same turn: no update slips in between.
      this.deps.locks.remember(sessionId, readLocks(doc));
    });
    for (const id of teamIds) {
      if (isTeamLocked(before, id) && !isTeamLocked(next, id)) {
        this.deps.rooms.peek(teamRoom(sessionId, id))?.resyncRefusedWrites();
      }
    }
  }

  /** A team marks itself ready (or not) for a stage; the facilitator may mark any team. */
  async setReadiness(sessionId: string, claims: TokenClaims, body: ReadinessRequest): Promise<{ ok: true }> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    if (claims.role !== 'participant' && claims.role !== 'facilitator') {
      throw new HttpError('forbidden', 'Only a team’s participants (or the facilitator) mark the team ready.');
    }
    if (!(await this.deps.store.getSession(sessionId))) throw new HttpError('notFound', 'No such session.');
    const me = await this.deps.store.getParticipant(sessionId, claims.participantId);
    if (!me) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
    let teamId: string;
    if (claims.role === 'participant') {
      if (!me.teamId) throw new HttpError('forbidden', 'You are not in a team.');
      if (body.teamId !== undefined && body.teamId !== me.teamId) {
        throw new HttpError('forbidden', 'You can mark only your own team ready.');
      }
      teamId = me.teamId;
    } else {
      if (body.teamId === undefined) throw new HttpError('badRequest', 'Name the team (teamId) to mark ready.');
      await this.#requireTeam(sessionId, body.teamId);
      teamId = body.teamId;
    }
    return this.deps.serial.run(sessionId, async () => {
      await this.#ensureAgenda(sessionId);
      const agenda = await this.#read(sessionId, readAgenda);
      if (!agenda.stages.some((s) => s.id === body.stageId)) {
        throw new HttpError('notFound', `The agenda has no stage "${body.stageId}".`);
      }
      const mark = { ready: body.ready, by: me.name, at: this.deps.now() };
      await this.#write(sessionId, (doc) => setReadiness(doc, body.stageId, teamId, mark));
      return { ok: true as const };
    });
  }

  /** Sessions made before agendas get their template's agenda on first use, first stage current. */
  async #ensureAgenda(sessionId: string): Promise<void> {
    if (await this.#read(sessionId, hasAgenda)) return;
    const session = await this.deps.store.getSession(sessionId);
    const template = templates[session?.templateId ?? DEFAULT_TEMPLATE_ID] ?? templates[DEFAULT_TEMPLATE_ID]!;
    const stages = agendaOf(template, 'ru');
    await this.#write(sessionId, (doc) => {
      writeAgendaStages(doc, stages);
      setCurrentStage(doc, stages[0]?.id ?? null);
    });
  }

  async #requireTeam(sessionId: string, teamId: string): Promise<void> {
    const teams = await this.deps.store.listTeams(sessionId);
    if (!teams.some((t) => t.teamId === teamId)) throw new HttpError('notFound', 'This session has no such team.');
  }

  async #requireRound(sessionId: string, roundId: string): Promise<VotingRound> {
    const round = await this.#read(sessionId, (doc) => readVotingRound(doc, roundId));
    if (!round) throw new HttpError('notFound', 'This session has no such voting round.');
    return round;
  }

  #read<T>(sessionId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.deps.rooms.read(sessionRef(sessionId), fn);
  }

  #write(sessionId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    return this.deps.rooms.change(sessionRef(sessionId), Origin.facilitator, fn);
  }
}
