export { newId, isId, newJoinCode, normalizeJoinCode } from './ids.js';
export { CloseCode, isFinalCloseCode } from './protocol/closeCodes.js';
export type { CloseCodeName, CloseCodeValue } from './protocol/closeCodes.js';
export { MessageType, SyncMessageType, AuthMessageType, COLLAB_PATH } from './protocol/messages.js';
export { sessionRoom, teamRoom, parseRoomName, roomNameOf } from './protocol/rooms.js';
export type { RoomName, RoomRef } from './protocol/rooms.js';
export { Roles, roomAccess } from './model/roles.js';
export type { Role, TokenClaims, RoomAccess } from './model/roles.js';
export { ApiLimits } from './model/api.js';
export type {
  ApiError,
  CreateSessionRequest,
  CreateSessionResponse,
  JoinCodes,
  JoinRequest,
  JoinResponse,
  MoveParticipantRequest,
  ParticipantInfo,
  RefreshTokenResponse,
  ServerInfo,
  SessionRooms,
  SessionView,
  TeamInfo,
} from './model/api.js';
export { Origin } from './yjs/origins.js';
export {
  TEAM_COLORS,
  participantTeamsMap,
  readParticipantTeam,
  readSessionMeta,
  readSessionTeams,
  seedSessionDoc,
  sessionMetaMap,
  sessionTeamsMap,
  setParticipantTeam,
} from './yjs/sessionDoc.js';
export type { SessionMeta, SessionSeed, SessionTeam } from './yjs/sessionDoc.js';
export { TEAM_MOTTO_MAX, readTeamMeta, readTeamMotto, seedTeamDoc, setTeamMotto, teamMetaMap } from './yjs/teamDoc.js';
export type { TeamMeta, TeamSeed } from './yjs/teamDoc.js';
export { SchemaTooNewError, latestVersion, migrateDoc, schemaVersionOf } from './yjs/migrations/runner.js';
export type { Migration } from './yjs/migrations/runner.js';
export { SESSION_SCHEMA_VERSION, sessionMigrations } from './yjs/migrations/sessionMigrations.js';
export { TEAM_SCHEMA_VERSION, teamMigrations } from './yjs/migrations/teamMigrations.js';
