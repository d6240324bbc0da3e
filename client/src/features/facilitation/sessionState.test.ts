import { writeVotingRound, type VotingRound } from '@horizon/shared/facilitation';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatClock, openRound, readRoundsNewestFirst, readyTeams } from './sessionState';

function round(id: string, openedAt: number, status: VotingRound['status']): VotingRound {
  return { id, title: id, target: 'notes', scope: 'own', votesPerPerson: 3, anonymous: true, status, openedAt };
}

describe('the timer display', () => {
  it('shows 0:00 only once the time is really out, never a second early', () => {
    expect(formatClock(5 * 60_000)).toBe('5:00');
    expect(formatClock(299_001)).toBe('5:00');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(400)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5000)).toBe('0:00');
  });
});

describe('voting rounds', () => {
  it('lists the newest round first and votes in the newest open one', () => {
    const doc = new Y.Doc();
    writeVotingRound(doc, round('older', 1000, 'revealed'));
    writeVotingRound(doc, round('newer', 2000, 'open'));
    const rounds = readRoundsNewestFirst(doc);
    expect(rounds.map((r) => r.id)).toEqual(['newer', 'older']);
    expect(openRound(rounds)?.id).toBe('newer');
    writeVotingRound(doc, round('newer', 2000, 'closed'));
    expect(openRound(readRoundsNewestFirst(doc))).toBeNull();
  });
});

describe('readiness of the current stage', () => {
  it('counts only the teams that marked this stage, not another stage or a mark taken back', () => {
    const teams = [{ teamId: 'volga' }, { teamId: 'zhiguli' }, { teamId: 'samara' }];
    const readiness = {
      'intro:volga': { ready: true, by: 'p1', at: 1 },
      'intro:zhiguli': { ready: false, by: 'p2', at: 2 },
      'trends:samara': { ready: true, by: 'p3', at: 3 },
    };
    expect(readyTeams(readiness, 'intro', teams)).toBe(1);
    expect(readyTeams(readiness, 'trends', teams)).toBe(1);
    expect(readyTeams(readiness, null, teams)).toBe(0);
  });
});
