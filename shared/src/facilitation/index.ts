// The facilitation feature's public API: the session document's agenda, timer, projector focus, locks, readiness
// and voting rounds (layout in schema.ts), the timer arithmetic, and the facilitator's commands.
export {
  DEFAULT_FOCUS,
  FacilitationKeys,
  IDLE_TIMER,
  ProjectorFocusKinds,
  TimerStatuses,
  VotingScopes,
  VotingStatuses,
  VotingTargets,
  hasAgenda,
  isTeamLocked,
  readAgenda,
  readLocks,
  readProjectorFocus,
  readReadiness,
  readTimer,
  readVotingRound,
  readVotingRounds,
  readinessKey,
  setCurrentStage,
  setProjectorFocus,
  setReadiness,
  writeAgendaStages,
  writeLocks,
  writeTimer,
  writeVotingRound,
} from './schema.js';
export type {
  Agenda,
  AgendaStage,
  Locks,
  ProjectorFocus,
  ProjectorFocusKind,
  Readiness,
  TimerState,
  TimerStatus,
  VotingResult,
  VotingRound,
  VotingScope,
  VotingStatus,
  VotingTarget,
} from './schema.js';
export { MINUTE_MS, TIMER_MAX_MS, TIMER_MIN_MS, nextTimer, remainingMs, startTimer } from './timer.js';
export type { TimerCommandType, TimerTransition } from './timer.js';
export { FacilitationLimits, FacilitatorCommandTypes, parseFacilitatorCommand } from './commands.js';
export type {
  CastVoteRequest,
  FacilitatorCommand,
  FacilitatorCommandResponse,
  FacilitatorCommandType,
  MyVotes,
  ParsedCommand,
  ReadinessRequest,
  ServerTime,
  VoteRef,
} from './commands.js';
export { agendaOf, seedFacilitation } from './seed.js';
