import { describe, expect, it } from 'vitest';
import { mayComment, mayReview } from './rights';

const person = (role: 'facilitator' | 'participant' | 'mentor' | 'projector', extra = {}) => ({
  participantId: 'p1',
  name: 'Имя',
  role,
  ...extra,
});

describe('feedback rights on the screen', () => {
  it('match the server: who comments and who reviews team A', () => {
    const cases = [
      [person('facilitator'), true, true],
      [person('participant', { teamId: 'teama' }), true, false],
      [person('participant', { teamId: 'teamb' }), false, false],
      [person('mentor', { mentorOf: ['teamb', 'teama'] }), true, true],
      [person('mentor', { mentorOf: ['teamb'] }), false, false],
      [person('mentor'), false, false],
      [person('projector'), false, false],
    ] as const;
    for (const [you, comments, reviews] of cases) {
      expect([mayComment(you, 'teama'), mayReview(you, 'teama')]).toEqual([comments, reviews]);
    }
  });
});
