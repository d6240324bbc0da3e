import { reviewKey, type CommentThread, type InitiativeReview } from '@horizon/shared/feedback';
import { describe, expect, it } from 'vitest';
import { summarizeFeedback } from './feedbackSummary';

function thread(id: string, teamId: string, resolved: boolean): CommentThread {
  return {
    id,
    teamId,
    target: { kind: 'note', id: `note-${id}` },
    createdAt: 1,
    comments: [],
    resolved: resolved ? { by: 'Мария', at: 2 } : null,
  };
}

function review(verdict: InitiativeReview['verdict']): InitiativeReview {
  return { verdict, comment: '', byName: 'Мария', byId: 'p1', at: 1, history: [] };
}

describe('summarizeFeedback', () => {
  const threads = [thread('a', 'volga', false), thread('b', 'volga', true), thread('c', 'zhiguli', false)];
  const reviews = {
    [reviewKey('volga', 'i1')]: review('approved'),
    [reviewKey('volga', 'i2')]: review('changesRequested'),
    [reviewKey('volga', 'gone')]: review('approved'),
    [reviewKey('zhiguli', 'i1')]: review('changesRequested'),
  };

  it('counts a team’s unresolved threads and the verdicts on its current initiatives only', () => {
    expect(summarizeFeedback('volga', threads, reviews, ['i1', 'i2', 'i3'])).toEqual({
      openThreads: 1,
      approved: 1,
      changesRequested: 1,
    });
  });

  it('gives zeros to a team nobody has reviewed yet', () => {
    expect(summarizeFeedback('sura', threads, reviews, ['i1'])).toEqual({
      openThreads: 0,
      approved: 0,
      changesRequested: 0,
    });
  });
});
