import { describe, expect, it } from 'vitest';
import { colorFor, initialsOf, parsePresenceUser, parsePresenceView, peersFrom } from './presence';

const user = (participantId: string, name: string) => ({
  user: { participantId, name, color: '#123456', role: 'participant' },
});

describe('presence', () => {
  it('lists each person once, yourself first, even with two tabs', () => {
    const states = new Map<number, unknown>([
      [1, user('p-anna', 'Анна')],
      [2, user('p-boris', 'Борис')],
      [3, user('p-boris', 'Борис')],
      [4, { cursor: 1 }],
    ]);
    const peers = peersFrom(states, 2);
    expect(peers.map((p) => [p.user.name, p.isLocal])).toEqual([
      ['Борис', true],
      ['Анна', false],
    ]);
  });

  it('refuses states without a person and replaces unsafe colours', () => {
    expect(parsePresenceUser({ user: { name: 'x' } })).toBeNull();
    const parsed = parsePresenceUser({ user: { participantId: 'p1', name: ' Вера ', color: 'red;background:url(x)' } });
    expect(parsed).toEqual({ participantId: 'p1', name: 'Вера', color: colorFor('p1'), role: 'participant' });
  });

  it('tells which workspace tab each person is looking at, ignoring made-up tabs', () => {
    const states = new Map<number, unknown>([
      [1, { ...user('p-anna', 'Анна'), view: { tab: 'vision' } }],
      [2, { ...user('p-boris', 'Борис'), view: { tab: '<script>' } }],
    ]);
    const peers = peersFrom(states, 1);
    expect(peers.map((p) => p.view?.tab)).toEqual(['vision', undefined]);
    expect(parsePresenceView({ view: 'board' })).toBeUndefined();
  });

  it('makes initials from one or two words', () => {
    expect(initialsOf('анна петрова')).toBe('АП');
    expect(initialsOf('Борис')).toBe('БО');
  });
});
