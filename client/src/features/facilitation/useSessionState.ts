/** Live views of the session document's facilitation state, one hook per root key. */
import {
  DEFAULT_FOCUS,
  IDLE_TIMER,
  isTeamLocked,
  readAgenda,
  readLocks,
  readProjectorFocus,
  readReadiness,
  readTimer,
  type Agenda,
  type Locks,
  type ProjectorFocus,
  type Readiness,
  type TimerState,
  type VotingRound,
} from '@horizon/shared/facilitation';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/hooks';
import { readRoundsNewestFirst } from './sessionState';

type MaybeDoc = Y.Doc | null | undefined;

const NO_AGENDA: Agenda = { stages: [], currentStageId: null };
const NO_LOCKS: Locks = { all: false, teams: {} };
const NO_READINESS: Record<string, Readiness> = {};
const NO_ROUNDS: VotingRound[] = [];

export function useAgenda(doc: MaybeDoc): Agenda {
  return useDocValue(doc, readAgenda, NO_AGENDA);
}

export function useTimer(doc: MaybeDoc): TimerState {
  return useDocValue(doc, readTimer, IDLE_TIMER);
}

export function useProjectorFocus(doc: MaybeDoc): ProjectorFocus {
  return useDocValue(doc, readProjectorFocus, DEFAULT_FOCUS);
}

export function useLocks(doc: MaybeDoc): Locks {
  return useDocValue(doc, readLocks, NO_LOCKS);
}

/** Readiness marks keyed `${stageId}:${teamId}` (`readinessKey`). */
export function useReadiness(doc: MaybeDoc): Record<string, Readiness> {
  return useDocValue(doc, readReadiness, NO_READINESS);
}

/** Every round, the newest first. */
export function useVotingRounds(doc: MaybeDoc): VotingRound[] {
  return useDocValue(doc, readRoundsNewestFirst, NO_ROUNDS);
}

/** Whether the facilitator has closed editing for this team (all teams, or this one). */
export function useTeamLocked(doc: MaybeDoc, teamId: string): boolean {
  return isTeamLocked(useLocks(doc), teamId);
}
