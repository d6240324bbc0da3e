/** JSON schemas of the facilitation endpoints. Command bodies are checked by `parseFacilitatorCommand`. */
const id = { type: 'string', pattern: '^[a-z0-9]{4,32}$' } as const;
/** Item ids come from team documents, written by clients: any short, plain id. */
const itemId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
const stageId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

export const sessionParams = {
  type: 'object',
  required: ['sessionId'],
  properties: { sessionId: id },
} as const;

export const roundParams = {
  type: 'object',
  required: ['sessionId', 'roundId'],
  properties: { sessionId: id, roundId: id },
} as const;

export const commandBody = { type: 'object' } as const;

export const readinessBody = {
  type: 'object',
  additionalProperties: false,
  required: ['stageId', 'ready'],
  properties: { stageId, ready: { type: 'boolean' }, teamId: id },
} as const;

export const castVoteBody = {
  type: 'object',
  additionalProperties: false,
  required: ['teamId', 'itemId', 'action'],
  properties: { teamId: id, itemId, action: { type: 'string', enum: ['cast', 'retract'] } },
} as const;
