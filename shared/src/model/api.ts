/**
 * The HTTP API's request and response shapes (README "API"). The server validates requests with JSON schemas
 * built from the limits below; the client uses the same types.
 */
import type { Role } from './roles.js';

export const ApiLimits = {
  titleMax: 200,
  nameMax: 80,
  teamNameMax: 80,
  teamsMax: 30,
  horizonYearMin: 2025,
  horizonYearMax: 2100,
  codeMax: 64,
} as const;

export interface CreateSessionRequest {
  title: string;
  horizonYear?: number;
  teams?: string[];
  /** A key of `templates` (`@horizon/shared/templates`); the default template when absent. */
  templateId?: string;
}

export interface TeamInfo {
  teamId: string;
  name: string;
}

export interface SessionRooms {
  session: string;
  teams: Record<string, string>;
}

export interface JoinCodes {
  participant: string;
  mentor: string;
  projector: string;
}

export interface CreateSessionResponse {
  sessionId: string;
  facilitatorToken: string;
  codes: JoinCodes;
  teams: TeamInfo[];
  rooms: SessionRooms;
}

export interface JoinRequest {
  code: string;
  name: string;
  teamId?: string;
  /** Mentors may name several teams they mentor. */
  teamIds?: string[];
}

export interface JoinResponse {
  token: string;
  participantId: string;
  sessionId: string;
  role: Role;
  teamId?: string;
  mentorOf?: string[];
  rooms: SessionRooms;
}

export interface ParticipantInfo {
  participantId: string;
  name: string;
  role: Role;
  teamId?: string;
}

/** `GET /api/sessions/:id`: what the token's role may see. Codes and participants are the facilitator's only. */
export interface SessionView {
  sessionId: string;
  title: string;
  horizonYear: number;
  templateId: string;
  createdAt: string;
  teams: TeamInfo[];
  rooms: SessionRooms;
  you: { participantId: string; role: Role; name: string; teamId?: string; mentorOf?: string[] };
  codes?: JoinCodes;
  /** The participants' join code, for the screens that show it to the room (facilitator and projector). */
  joinCode?: string;
  participants?: ParticipantInfo[];
}

/** `POST /api/token/refresh`: a fresh token built from the participant's current record (team moves included). */
export interface RefreshTokenResponse {
  token: string;
  participantId: string;
  sessionId: string;
  role: Role;
  teamId?: string;
  mentorOf?: string[];
  /** Expiry of the new token, seconds since the epoch. */
  expiresAt: number;
}

/** `PATCH /api/sessions/:sessionId/participants/:participantId` (facilitator): move a participant to a team. */
export interface MoveParticipantRequest {
  teamId: string;
}

/** `GET /api/info`: how devices on the local network reach this server (empty when it listens on loopback only). */
export interface ServerInfo {
  lanUrls: string[];
}

export interface ApiError {
  error: string;
  message: string;
}
