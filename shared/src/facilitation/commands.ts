/**
 * Facilitator commands (`POST /api/sessions/:sessionId/commands`) and the other facilitation endpoints' shapes.
 * `parseFacilitatorCommand` is the one validator: the server runs it on every body, the client may run it before
 * sending. It checks shape only; whether a stage, team or round exists is the server's question.
 */
import { ProjectorFocusKinds, VotingScopes, VotingTargets } from './schema.js';
import type { ProjectorFocus, VotingScope, VotingTarget } from './schema.js';
import { TIMER_MAX_MS, TIMER_MIN_MS } from './timer.js';

export const FacilitationLimits = {
  roundTitleMax: 120,
  votesPerPersonMin: 1,
  votesPerPersonMax: 20,
  timerMinMs: TIMER_MIN_MS,
  timerMaxMs: TIMER_MAX_MS,
} as const;

export type FacilitatorCommand =
  | { type: 'agenda.setStage'; stageId: string }
  | { type: 'timer.start'; durationMs: number }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.addMinute' }
  | { type: 'timer.stop' }
  | { type: 'projector.focus'; focus: ProjectorFocus }
  | { type: 'lock.set'; teamId?: string; locked: boolean }
  | {
      type: 'voting.open';
      title: string;
      target: VotingTarget;
      scope: VotingScope;
      votesPerPerson: number;
      anonymous: boolean;
    }
  | { type: 'voting.close'; roundId: string }
  | { type: 'voting.reveal'; roundId: string };

export type FacilitatorCommandType = FacilitatorCommand['type'];

export const FacilitatorCommandTypes = [
  'agenda.setStage',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.addMinute',
  'timer.stop',
  'projector.focus',
  'lock.set',
  'voting.open',
  'voting.close',
  'voting.reveal',
] as const satisfies readonly FacilitatorCommandType[];

/** `voting.open` answers `{ roundId }`; every other command `{ ok: true }`. */
export type FacilitatorCommandResponse = { ok: true } | { roundId: string };

export interface ReadinessRequest {
  stageId: string;
  ready: boolean;
  /** The facilitator names the team; a participant marks their own. */
  teamId?: string;
}

export interface VoteRef {
  teamId: string;
  itemId: string;
}

export interface CastVoteRequest extends VoteRef {
  action: 'cast' | 'retract';
}

/** `GET …/voting/:roundId/mine` and the answer to a cast or retract: one entry per vote, so an item may repeat. */
export interface MyVotes {
  votes: VoteRef[];
  remaining: number;
}

export interface ServerTime {
  now: number;
}

export type ParsedCommand = { ok: true; command: FacilitatorCommand } | { ok: false; message: string };

const ID = /^[a-z0-9]{1,64}$/;
/** Stage ids come from template keys, which may carry dashes. */
const STAGE_ID = /^[a-z0-9_-]{1,64}$/i;

type Body = Record<string, unknown>;

function fail(message: string): ParsedCommand {
  return { ok: false, message };
}

/** Names the first property of `body` not in `allowed`, so a typo is refused instead of silently ignored. */
function extraKey(body: Body, allowed: readonly string[]): string | undefined {
  return Object.keys(body).find((key) => !allowed.includes(key));
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function parseFocus(value: unknown): ProjectorFocus | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'focus must be an object.';
  const focus = value as Body;
  const extra = extraKey(focus, ['kind', 'teamId', 'roundId']);
  if (extra) return `focus has an unknown field "${extra}".`;
  if (!ProjectorFocusKinds.includes(focus.kind as ProjectorFocus['kind'])) {
    return `focus.kind must be one of ${ProjectorFocusKinds.join(', ')}.`;
  }
  if (focus.teamId !== undefined && !isId(focus.teamId)) return 'focus.teamId must be a team id.';
  if (focus.roundId !== undefined && !isId(focus.roundId)) return 'focus.roundId must be a round id.';
  const kind = focus.kind as ProjectorFocus['kind'];
  if ((kind === 'board' || kind === 'vision' || kind === 'timemap') && focus.teamId === undefined) {
    return `Projecting a team's ${kind} needs focus.teamId.`;
  }
  return {
    kind,
    ...(focus.teamId !== undefined ? { teamId: focus.teamId as string } : {}),
    ...(focus.roundId !== undefined ? { roundId: focus.roundId as string } : {}),
  };
}

/** Checks a command body's shape. Unknown fields are refused. */
export function parseFacilitatorCommand(body: unknown): ParsedCommand {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('The command must be an object.');
  const b = body as Body;
  const type = b.type;
  const only = (...keys: string[]): string | undefined => {
    const extra = extraKey(b, ['type', ...keys]);
    return extra ? `"${String(type)}" has no field "${extra}".` : undefined;
  };
  switch (type) {
    case 'agenda.setStage': {
      const extra = only('stageId');
      if (extra) return fail(extra);
      if (typeof b.stageId !== 'string' || !STAGE_ID.test(b.stageId)) return fail('stageId must be a stage id.');
      return { ok: true, command: { type, stageId: b.stageId } };
    }
    case 'timer.start': {
      const extra = only('durationMs');
      if (extra) return fail(extra);
      const d = b.durationMs;
      if (typeof d !== 'number' || !Number.isInteger(d) || d < TIMER_MIN_MS || d > TIMER_MAX_MS) {
        return fail('durationMs must be a whole number of milliseconds from 1 second to 4 hours.');
      }
      return { ok: true, command: { type, durationMs: d } };
    }
    case 'timer.pause':
    case 'timer.resume':
    case 'timer.addMinute':
    case 'timer.stop': {
      const extra = only();
      return extra ? fail(extra) : { ok: true, command: { type } };
    }
    case 'projector.focus': {
      const extra = only('focus');
      if (extra) return fail(extra);
      const focus = parseFocus(b.focus);
      return typeof focus === 'string' ? fail(focus) : { ok: true, command: { type, focus } };
    }
    case 'lock.set': {
      const extra = only('teamId', 'locked');
      if (extra) return fail(extra);
      if (typeof b.locked !== 'boolean') return fail('locked must be true or false.');
      if (b.teamId !== undefined && !isId(b.teamId)) return fail('teamId must be a team id.');
      return {
        ok: true,
        command: { type, locked: b.locked, ...(b.teamId !== undefined ? { teamId: b.teamId as string } : {}) },
      };
    }
    case 'voting.open': {
      const extra = only('title', 'target', 'scope', 'votesPerPerson', 'anonymous');
      if (extra) return fail(extra);
      const title = typeof b.title === 'string' ? b.title.trim() : '';
      if (!title || title.length > FacilitationLimits.roundTitleMax) {
        return fail(`title must be 1 to ${FacilitationLimits.roundTitleMax} characters.`);
      }
      if (!VotingTargets.includes(b.target as VotingTarget))
        return fail(`target must be one of ${VotingTargets.join(', ')}.`);
      if (!VotingScopes.includes(b.scope as VotingScope))
        return fail(`scope must be one of ${VotingScopes.join(', ')}.`);
      const n = b.votesPerPerson;
      if (
        typeof n !== 'number' ||
        !Number.isInteger(n) ||
        n < FacilitationLimits.votesPerPersonMin ||
        n > FacilitationLimits.votesPerPersonMax
      ) {
        return fail(
          `votesPerPerson must be a whole number from ${FacilitationLimits.votesPerPersonMin} to ${FacilitationLimits.votesPerPersonMax}.`,
        );
      }
      if (typeof b.anonymous !== 'boolean') return fail('anonymous must be true or false.');
      return {
        ok: true,
        command: {
          type,
          title,
          target: b.target as VotingTarget,
          scope: b.scope as VotingScope,
          votesPerPerson: n,
          anonymous: b.anonymous,
        },
      };
    }
    case 'voting.close':
    case 'voting.reveal': {
      const extra = only('roundId');
      if (extra) return fail(extra);
      if (!isId(b.roundId)) return fail('roundId must be a round id.');
      return { ok: true, command: { type, roundId: b.roundId } };
    }
    default:
      return fail(`type must be one of ${FacilitatorCommandTypes.join(', ')}.`);
  }
}
