import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { imageOfFutureTemplate } from '../templates/imageOfFuture.js';
import {
  DEFAULT_FOCUS,
  IDLE_TIMER,
  hasAgenda,
  isTeamLocked,
  readAgenda,
  readLocks,
  readProjectorFocus,
  readReadiness,
  readTimer,
  readVotingRounds,
  setReadiness,
  writeVotingRound,
} from './schema.js';
import type { VotingRound } from './schema.js';
import { seedFacilitation } from './seed.js';

const round: VotingRound = {
  id: 'round001',
  title: 'Лучшая инициатива',
  target: 'initiatives',
  scope: 'all',
  votesPerPerson: 3,
  anonymous: false,
  status: 'open',
  openedAt: 1000,
};

describe('the facilitation part of the session document', () => {
  it('reads as defaults in a session made before it', () => {
    const doc = new Y.Doc();
    expect(hasAgenda(doc)).toBe(false);
    expect(readAgenda(doc)).toEqual({ stages: [], currentStageId: null });
    expect(readTimer(doc)).toEqual(IDLE_TIMER);
    expect(readProjectorFocus(doc)).toEqual(DEFAULT_FOCUS);
    expect(readLocks(doc)).toEqual({ all: false, teams: {} });
    expect(readReadiness(doc)).toEqual({});
    expect(readVotingRounds(doc)).toEqual([]);
  });

  it('is seeded from the template in the session language, first stage current', () => {
    const doc = new Y.Doc();
    seedFacilitation(doc, imageOfFutureTemplate, 'en');
    const agenda = readAgenda(doc);
    expect(agenda.stages.map((s) => s.title)).toEqual(imageOfFutureTemplate.agenda.map((s) => s.title.en));
    expect(agenda.stages[1]).toMatchObject({ minutes: 30, tab: 'timemap' });
    expect(agenda.currentStageId).toBe(agenda.stages[0]!.id);
    expect(readTimer(doc).status).toBe('idle');
    expect(readProjectorFocus(doc)).toEqual({ kind: 'join' });
  });

  it('carries results only for a revealed round', () => {
    const doc = new Y.Doc();
    const results = [{ teamId: 'teama', itemId: 'i1', label: 'Кампус', votes: 4, voters: ['Анна'] }];
    writeVotingRound(doc, { ...round, status: 'closed', results });
    expect(readVotingRounds(doc)[0]!.results).toBeUndefined();
    expect(JSON.stringify(doc.getMap('voting').toJSON())).not.toContain('votes":');
    writeVotingRound(doc, { ...round, status: 'revealed', results });
    expect(readVotingRounds(doc)[0]!.results).toEqual(results);
  });

  it('keys readiness by stage and team, and treats "all" as locking every team', () => {
    const doc = new Y.Doc();
    setReadiness(doc, 'trends', 'teama', { ready: true, by: 'Анна', at: 5 });
    expect(readReadiness(doc)).toEqual({ 'trends:teama': { ready: true, by: 'Анна', at: 5 } });
    expect(isTeamLocked({ all: true, teams: {} }, 'teamz')).toBe(true);
    expect(isTeamLocked({ all: false, teams: { teama: true } }, 'teamb')).toBe(false);
  });

  it('defaults what an odd document holds instead of trusting it', () => {
    const doc = new Y.Doc();
    doc.getMap('agenda').set('stages', [{ id: 'a', title: 1, minutes: -5, tab: 'chat' }, 'junk', { title: 'no id' }]);
    doc.getMap('agenda').set('currentStageId', 'missing');
    doc.getMap('timer').set('status', 'exploded');
    doc.getMap('projector').set('focus', { kind: 'tv' });
    doc.getMap('locks').set('teams', { teama: 'yes', teamb: true });
    expect(readAgenda(doc)).toEqual({
      stages: [{ id: 'a', title: '', minutes: 0, tab: 'board' }],
      currentStageId: null,
    });
    expect(readTimer(doc).status).toBe('idle');
    expect(readProjectorFocus(doc)).toEqual({ kind: 'join' });
    expect(readLocks(doc).teams).toEqual({ teamb: true });
  });
});
