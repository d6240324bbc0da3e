import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes';

describe('routes', () => {
  it('round-trips every built path', () => {
    expect(matchRoute(paths.home())).toEqual({ name: 'home' });
    expect(matchRoute(paths.join('ABC234'))).toEqual({ name: 'join', code: 'ABC234' });
    expect(matchRoute(paths.lobby('s1abc'))).toEqual({ name: 'lobby', sessionId: 's1abc' });
    expect(matchRoute(paths.team('s1abc', 't2def'))).toEqual({
      name: 'team',
      sessionId: 's1abc',
      teamId: 't2def',
      tab: 'board',
    });
    for (const tab of ['board', 'vision', 'timemap', 'initiatives'] as const) {
      expect(matchRoute(paths.team('s1abc', 't2def', tab))).toMatchObject({ name: 'team', tab });
    }
    expect(matchRoute(paths.allInitiatives('s1abc'))).toEqual({ name: 'allInitiatives', sessionId: 's1abc' });
    expect(matchRoute(paths.control('s1abc'))).toEqual({ name: 'control', sessionId: 's1abc' });
    expect(matchRoute(paths.projector('s1abc'))).toEqual({ name: 'projector', sessionId: 's1abc' });
    expect(matchRoute(paths.mentor('s1abc'))).toEqual({ name: 'mentor', sessionId: 's1abc' });
  });

  it('tolerates a trailing slash', () => {
    expect(matchRoute('/s/abcd/lobby/')).toEqual({ name: 'lobby', sessionId: 'abcd' });
  });

  it('sends anything else to not found', () => {
    for (const path of [
      '/s/abcd',
      '/s/abcd/team',
      '/s/abcd/team/t1/nosuchtab',
      '/join',
      '/join/a/b',
      '/s/a%2Fb/lobby',
      '/s/%E0%A4%A/lobby',
      '/x',
    ]) {
      expect(matchRoute(path)).toEqual({ name: 'notFound' });
    }
  });
});
