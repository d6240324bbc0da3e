/**
 * The client's readings of the session document's facilitation state. The schema and its readers live in
 * `@horizon/shared/facilitation`; these are the few derived views the screens need, as module functions so
 * `useDocValue` can keep them stable.
 */
import {
  readinessKey,
  readVotingRounds,
  type Agenda,
  type AgendaStage,
  type Readiness,
  type VotingRound,
} from '@horizon/shared/facilitation';
import type * as Y from 'yjs';

export function currentStage(agenda: Agenda): AgendaStage | null {
  return agenda.stages.find((stage) => stage.id === agenda.currentStageId) ?? null;
}

/** `m:ss`, rounding up so the display reaches 0:00 exactly when the time is out. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Voting rounds, the newest first: the screens show the round of the moment on top. */
export function readRoundsNewestFirst(doc: Y.Doc): VotingRound[] {
  return readVotingRounds(doc).reverse();
}

/** The round people vote in now: the newest open one. */
export function openRound(rounds: readonly VotingRound[]): VotingRound | null {
  return rounds.find((round) => round.status === 'open') ?? null;
}

/** How many of these teams marked the stage done; 0 when there is no current stage. */
export function readyTeams(
  readiness: Record<string, Readiness>,
  stageId: string | null,
  teams: readonly { teamId: string }[],
): number {
  if (!stageId) return 0;
  return teams.filter((team) => readiness[readinessKey(stageId, team.teamId)]?.ready === true).length;
}
