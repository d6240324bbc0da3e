/**
 * Sessions, join codes and participants: creating a session (with its documents seeded), joining with a code, and
 * what each role may see of a session.
 */
import * as Y from 'yjs';
import {
  newId,
  newJoinCode,
  normalizeJoinCode,
  seedSessionDoc,
  seedTeamDoc,
  sessionRoom,
  teamRoom,
} from '@horizon/shared';
import { imageOfFutureTemplate } from '@horizon/shared/templates';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  JoinCodes,
  JoinRequest,
  JoinResponse,
  SessionRooms,
  SessionView,
  TeamInfo,
  TokenClaims,
} from '@horizon/shared';
import type { TokenSigner } from '../auth/tokens.js';
import { HttpError } from '../errors.js';
import type { ParticipantRecord, SessionRecord, Store, TeamRecord } from '../persistence/Store.js';

const DEFAULT_HORIZON_YEAR = 2036;
/** Participants type this one from a projector: short. The others travel as links: longer, so hard to guess. */
const CODE_LENGTHS = { participant: 6, mentor: 10, projector: 10 } as const;

function roomsOf(sessionId: string, teams: readonly { teamId: string }[]): SessionRooms {
  return {
    session: sessionRoom(sessionId),
    teams: Object.fromEntries(teams.map((t) => [t.teamId, teamRoom(sessionId, t.teamId)])),
  };
}

function teamInfos(teams: readonly TeamRecord[]): TeamInfo[] {
  return teams.map((t) => ({ teamId: t.teamId, name: t.name }));
}

export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly signer: TokenSigner,
    private readonly tokenTtlSeconds: number,
  ) {}

  async create(input: CreateSessionRequest): Promise<CreateSessionResponse> {
    const sessionId = newId();
    const createdAt = new Date().toISOString();
    const names = input.teams && input.teams.length > 0 ? input.teams : ['Команда 1', 'Команда 2'];
    const teams: TeamRecord[] = names.map((name, position) => ({
      sessionId,
      teamId: newId(8),
      name: name.trim(),
      position,
    }));
    const codes: JoinCodes = {
      participant: await this.#uniqueCode(CODE_LENGTHS.participant),
      mentor: await this.#uniqueCode(CODE_LENGTHS.mentor),
      projector: await this.#uniqueCode(CODE_LENGTHS.projector),
    };
    const facilitator: ParticipantRecord = {
      participantId: newId(),
      sessionId,
      name: 'Facilitator',
      role: 'facilitator',
      createdAt,
    };
    const session: SessionRecord = {
      sessionId,
      title: input.title.trim(),
      horizonYear: input.horizonYear ?? DEFAULT_HORIZON_YEAR,
      createdAt,
      facilitatorId: facilitator.participantId,
      codes,
    };

    const sessionDoc = new Y.Doc();
    seedSessionDoc(sessionDoc, {
      sessionId,
      title: session.title,
      horizonYear: session.horizonYear,
      startYear: new Date(createdAt).getUTCFullYear(),
      createdAt,
      teams: teamInfos(teams),
    });
    const rooms = [{ room: sessionRoom(sessionId), state: Y.encodeStateAsUpdate(sessionDoc) }];
    for (const team of teams) {
      const doc = new Y.Doc();
      seedTeamDoc(doc, { sessionId, teamId: team.teamId, template: imageOfFutureTemplate, lang: 'ru' });
      rooms.push({ room: teamRoom(sessionId, team.teamId), state: Y.encodeStateAsUpdate(doc) });
    }
    await this.store.createSession({ session, teams, facilitator, rooms });

    return {
      sessionId,
      facilitatorToken: this.#sign({ sessionId, participantId: facilitator.participantId, role: 'facilitator' }),
      codes,
      teams: teamInfos(teams),
      rooms: roomsOf(sessionId, teams),
    };
  }

  /** What a join code opens, shown before a person types their name. */
  async lookupCode(rawCode: string) {
    const found = await this.store.findCode(normalizeJoinCode(rawCode));
    if (!found) throw new HttpError('notFound', 'No session has this code. Check the code and try again.');
    const session = await this.store.getSession(found.sessionId);
    if (!session) throw new HttpError('notFound', 'The session of this code no longer exists.');
    const teams = await this.store.listTeams(found.sessionId);
    return {
      sessionId: session.sessionId,
      title: session.title,
      horizonYear: session.horizonYear,
      role: found.role,
      teams: teamInfos(teams),
    };
  }

  async join(input: JoinRequest): Promise<JoinResponse> {
    const found = await this.store.findCode(normalizeJoinCode(input.code));
    if (!found) throw new HttpError('notFound', 'No session has this code. Check the code and try again.');
    const teams = await this.store.listTeams(found.sessionId);
    const teamIds = new Set(teams.map((t) => t.teamId));
    const participant: ParticipantRecord = {
      participantId: newId(),
      sessionId: found.sessionId,
      name: input.name.trim(),
      role: found.role,
      createdAt: new Date().toISOString(),
    };
    if (found.role === 'participant') {
      const teamId = input.teamId ?? (teams.length === 1 ? teams[0]!.teamId : undefined);
      if (!teamId) throw new HttpError('badRequest', 'Choose a team to join.');
      if (!teamIds.has(teamId)) throw new HttpError('badRequest', 'This session has no such team.');
      participant.teamId = teamId;
    } else if (found.role === 'mentor') {
      const mentorOf = [...new Set([...(input.teamIds ?? []), ...(input.teamId ? [input.teamId] : [])])];
      const unknown = mentorOf.find((id) => !teamIds.has(id));
      if (unknown) throw new HttpError('badRequest', 'This session has no such team.');
      participant.mentorOf = mentorOf;
    }
    await this.store.addParticipant(participant);
    return {
      token: this.#sign({
        sessionId: participant.sessionId,
        participantId: participant.participantId,
        role: participant.role,
        ...(participant.teamId ? { teamId: participant.teamId } : {}),
        ...(participant.mentorOf ? { mentorOf: participant.mentorOf } : {}),
      }),
      participantId: participant.participantId,
      sessionId: participant.sessionId,
      role: participant.role,
      ...(participant.teamId ? { teamId: participant.teamId } : {}),
      ...(participant.mentorOf ? { mentorOf: participant.mentorOf } : {}),
      rooms: roomsOf(participant.sessionId, teams),
    };
  }

  async view(sessionId: string, claims: TokenClaims): Promise<SessionView> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    const session = await this.store.getSession(sessionId);
    if (!session) throw new HttpError('notFound', 'No such session.');
    const [teams, me] = await Promise.all([
      this.store.listTeams(sessionId),
      this.store.getParticipant(sessionId, claims.participantId),
    ]);
    if (!me) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
    const view: SessionView = {
      sessionId,
      title: session.title,
      horizonYear: session.horizonYear,
      createdAt: session.createdAt,
      teams: teamInfos(teams),
      rooms: roomsOf(sessionId, teams),
      you: {
        participantId: me.participantId,
        role: me.role,
        name: me.name,
        ...(me.teamId ? { teamId: me.teamId } : {}),
        ...(me.mentorOf ? { mentorOf: me.mentorOf } : {}),
      },
    };
    if (claims.role === 'facilitator') {
      view.codes = session.codes;
      view.participants = (await this.store.listParticipants(sessionId))
        .filter((p) => p.role !== 'facilitator')
        .map((p) => ({
          participantId: p.participantId,
          name: p.name,
          role: p.role,
          ...(p.teamId ? { teamId: p.teamId } : {}),
        }));
    }
    return view;
  }

  /** Whether the room's session and team exist (the socket answers 4404 otherwise). */
  async roomExists(sessionId: string, teamId?: string): Promise<boolean> {
    const session = await this.store.getSession(sessionId);
    if (!session) return false;
    if (teamId === undefined) return true;
    return (await this.store.listTeams(sessionId)).some((t) => t.teamId === teamId);
  }

  #sign(claims: Omit<TokenClaims, 'v' | 'exp'>): string {
    return this.signer.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + this.tokenTtlSeconds });
  }

  async #uniqueCode(length: number): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode(length);
      if (!(await this.store.isCodeTaken(code))) return code;
    }
    throw new Error('could not find an unused join code');
  }
}
