/** JSON schemas of the feedback endpoints. Comment text is checked (and cleaned) by `checkCommentText`. */
const id = { type: 'string', pattern: '^[a-z0-9]{4,32}$' } as const;
/** Note and initiative ids come from team documents, written by clients: any short, plain id. */
const itemId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
// Longer than the limit on purpose: the text check trims first and then explains the limit in its own words.
const text = { type: 'string', maxLength: 4000 } as const;

export const sessionParams = {
  type: 'object',
  required: ['sessionId'],
  properties: { sessionId: id },
} as const;

export const threadParams = {
  type: 'object',
  required: ['sessionId', 'threadId'],
  properties: { sessionId: id, threadId: id },
} as const;

export const createThreadBody = {
  type: 'object',
  additionalProperties: false,
  required: ['teamId', 'target', 'text'],
  properties: {
    teamId: id,
    target: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'id'],
      properties: { kind: { type: 'string', enum: ['note', 'initiative'] }, id: itemId },
    },
    text,
  },
} as const;

export const replyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text },
} as const;

export const resolveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['resolved'],
  properties: { resolved: { type: 'boolean' } },
} as const;

export const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['teamId', 'initiativeId', 'verdict', 'comment'],
  properties: {
    teamId: id,
    initiativeId: itemId,
    verdict: { type: 'string', enum: ['approved', 'changesRequested'] },
    comment: text,
  },
} as const;

export const mentoringBody = {
  type: 'object',
  additionalProperties: false,
  required: ['teamIds'],
  properties: { teamIds: { type: 'array', items: id, maxItems: 100 } },
} as const;
