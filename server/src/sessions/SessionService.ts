/**
 * Sessions, join codes and participants: creating a session (with its documents seeded), joining with a code, and
 * what each role may see of a session.
 */
import * as Y from 'yjs';
import {
  CloseCode,
  Origin,
  newId,
  newJoinCode,
  normalizeJoinCode,
  seedSessionDoc,
  seedTeamDoc,
  sessionRoom,
  setParticipantTeam,
  teamRoom,
} from '@horizon/shared';
import { DEFAULT_TEMPLATE_ID, templates } from '@horizon/shared/templates';
import { seedFacilitation } from '@horizon/shared/facilitation';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  JoinCodes,
  JoinRequest,
  JoinResponse,
  ParticipantInfo,
  RefreshTokenResponse,
  RoomRef,
  SessionRooms,
  SessionView,
  TeamInfo,
  TokenClaims,
} from '@horizon/shared';
import type { TokenSigner } from '../auth/tokens.js';
import { HttpError } from '../errors.js';
import type { ParticipantRecord, SessionRecord, Store, TeamRecord } from '../persistence/Store.js';

const DEFAULT_HORIZON_YEAR = 2036;
/**
 * How long after expiry a token can still be exchanged for a new one. A laptop closed overnight or a phone in a
 * pocket for a weekend comes back to its place; a token found in a drawer a season later does not.
 */
const REFRESH_GRACE_SECONDS = 30 * 24 * 3600;

/** The one thing sessions need from the room server: applying a server-side change to a room (RoomManager.change). */
/** What sessions need of the room server (RoomManager): server-side writes, and closing a person's sockets. */
export interface RoomWriter {
  change(ref: RoomRef, origin: string, fn: (doc: Y.Doc) => void): Promise<void>;
  closeConnections(
    room: string,
    match: (conn: { participantId: string | undefined }) => boolean,
    code: number,
    reason: string,
  ): void;
}

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
    private readonly rooms: RoomWriter,
  ) {}

  async create(input: CreateSessionRequest): Promise<CreateSessionResponse> {
    const templateId = input.templateId ?? DEFAULT_TEMPLATE_ID;
    const template = templates[templateId];
    if (!template) throw new HttpError('badRequest', `There is no session template "${templateId}".`);
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
      name: 'Фасилитатор',
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
      templateId,
    };

    const sessionDoc = new Y.Doc();
    seedSessionDoc(sessionDoc, {
      sessionId,
      title: session.title,
      horizonYear: session.horizonYear,
      startYear: new Date(createdAt).getUTCFullYear(),
      createdAt,
      teams: teamInfos(teams),
      templateId,
    });
    // Agenda (first stage current), idle timer, the join screen on the projector, no locks.
    sessionDoc.transact(() => seedFacilitation(sessionDoc, template, 'ru'), Origin.server);
    const rooms = [{ room: sessionRoom(sessionId), state: Y.encodeStateAsUpdate(sessionDoc) }];
    for (const team of teams) {
      const doc = new Y.Doc();
      seedTeamDoc(doc, { sessionId, teamId: team.teamId, template, lang: 'ru' });
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
      token: this.#signFor(participant),
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
      templateId: session.templateId,
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
    // The projector shows the join QR code to the room, so it gets the participants' code (and nothing else).
    if (claims.role === 'facilitator' || claims.role === 'projector') view.joinCode = session.codes.participant;
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

  /**
   * A new token for the holder of `token`, built from the participant's current record, so a participant the
   * facilitator moved gets the new team. The signature must be valid; expiry is forgiven for REFRESH_GRACE_SECONDS.
   */
  async refreshToken(token: string): Promise<RefreshTokenResponse> {
    const now = Math.floor(Date.now() / 1000);
    let verified = this.signer.verify(token, now);
    if (!verified.ok && verified.reason === 'expired')
      verified = this.signer.verify(token, now - REFRESH_GRACE_SECONDS);
    if (!verified.ok) {
      throw new HttpError(
        'unauthorized',
        verified.reason === 'expired'
          ? 'The token expired too long ago to be renewed; join the session again.'
          : 'The token is not valid.',
      );
    }
    const { sessionId, participantId } = verified.claims;
    if (!(await this.store.getSession(sessionId))) throw new HttpError('notFound', 'The session no longer exists.');
    const participant = await this.store.getParticipant(sessionId, participantId);
    if (!participant) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
    const expiresAt = now + this.tokenTtlSeconds;
    return {
      token: this.#signFor(participant, expiresAt),
      participantId,
      sessionId,
      role: participant.role,
      ...(participant.teamId ? { teamId: participant.teamId } : {}),
      ...(participant.mentorOf ? { mentorOf: participant.mentorOf } : {}),
      expiresAt,
    };
  }

  /**
   * The facilitator puts a participant in another team. The store changes first (new tokens are built from it), then
   * the session document records the move, so the participant's open pages follow at once.
   */
  async moveParticipant(
    sessionId: string,
    claims: TokenClaims,
    participantId: string,
    teamId: string,
  ): Promise<ParticipantInfo> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    if (claims.role !== 'facilitator') throw new HttpError('forbidden', 'Only the facilitator can move participants.');
    if (!(await this.store.getSession(sessionId))) throw new HttpError('notFound', 'No such session.');
    const participant = await this.store.getParticipant(sessionId, participantId);
    if (!participant) throw new HttpError('notFound', 'No such participant in this session.');
    if (participant.role !== 'participant') {
      throw new HttpError('badRequest', 'Only participants belong to one team; mentors and projectors do not move.');
    }
    const teams = await this.store.listTeams(sessionId);
    if (!teams.some((t) => t.teamId === teamId)) throw new HttpError('badRequest', 'This session has no such team.');
    const moved =
      participant.teamId === teamId ? participant : await this.store.moveParticipant(sessionId, participantId, teamId);
    if (!moved) throw new HttpError('notFound', 'No such participant in this session.');
    await this.rooms.change({ kind: 'session', sessionId }, Origin.facilitator, (doc) =>
      setParticipantTeam(doc, participantId, teamId),
    );
    // Tokens are stateless, so the old team's room would still take this person's writes: close those sockets now
    // (the client renews its token and follows the move); admission refuses the old token from here on.
    if (participant.teamId && participant.teamId !== teamId) {
      this.rooms.closeConnections(
        teamRoom(sessionId, participant.teamId),
        (conn) => conn.participantId === participantId,
        CloseCode.forbidden,
        'moved to another team',
      );
    }
    return { participantId, name: moved.name, role: moved.role, teamId };
  }

  /**
   * Whether a token may open a room beyond what its signature says: the room must exist (else 4404), and a
   * participant's token must name the team the store has for them now (else 4403: they were moved).
   */
  async admission(ref: RoomRef, claims: TokenClaims): Promise<'ok' | 'no-room' | 'moved'> {
    const session = await this.store.getSession(ref.sessionId);
    if (!session) return 'no-room';
    if (ref.kind === 'team' && !(await this.store.listTeams(ref.sessionId)).some((t) => t.teamId === ref.teamId)) {
      return 'no-room';
    }
    if (claims.role === 'participant' && ref.kind === 'team' && ref.teamId === claims.teamId) {
      const me = await this.store.getParticipant(claims.sessionId, claims.participantId);
      if (me?.teamId !== claims.teamId) return 'moved';
    }
    return 'ok';
  }

  #sign(claims: Omit<TokenClaims, 'v' | 'exp'>, exp = Math.floor(Date.now() / 1000) + this.tokenTtlSeconds): string {
    return this.signer.sign({ ...claims, exp });
  }

  /** A token with exactly what the participant's record says: role, team, mentored teams. */
  #signFor(participant: ParticipantRecord, exp?: number): string {
    return this.#sign(
      {
        sessionId: participant.sessionId,
        participantId: participant.participantId,
        role: participant.role,
        ...(participant.teamId ? { teamId: participant.teamId } : {}),
        ...(participant.mentorOf ? { mentorOf: participant.mentorOf } : {}),
      },
      exp,
    );
  }

  async #uniqueCode(length: number): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode(length);
      if (!(await this.store.isCodeTaken(code))) return code;
    }
    throw new Error('could not find an unused join code');
  }
}
