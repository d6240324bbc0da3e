/** JSON schemas for the API's request bodies, built from the shared limits so client and server agree. */
import { ApiLimits } from '@horizon/shared';

const name = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const id = { type: 'string', pattern: '^[a-z0-9]{4,32}$' } as const;

export const createSessionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: name(ApiLimits.titleMax),
    horizonYear: { type: 'integer', minimum: ApiLimits.horizonYearMin, maximum: ApiLimits.horizonYearMax },
    teams: { type: 'array', maxItems: ApiLimits.teamsMax, items: name(ApiLimits.teamNameMax) },
    templateId: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
  },
} as const;

export const moveParticipantBody = {
  type: 'object',
  additionalProperties: false,
  required: ['teamId'],
  properties: { teamId: id },
} as const;

export const participantParams = {
  type: 'object',
  required: ['sessionId', 'participantId'],
  properties: { sessionId: id, participantId: id },
} as const;

export const joinBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name'],
  properties: {
    code: { type: 'string', minLength: 1, maxLength: ApiLimits.codeMax },
    name: name(ApiLimits.nameMax),
    teamId: id,
    teamIds: { type: 'array', maxItems: ApiLimits.teamsMax, items: id },
  },
} as const;

export const sessionParams = {
  type: 'object',
  required: ['sessionId'],
  properties: { sessionId: id },
} as const;

export const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: ApiLimits.codeMax } },
} as const;
