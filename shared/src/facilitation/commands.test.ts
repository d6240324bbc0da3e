import { describe, expect, it } from 'vitest';
import { parseFacilitatorCommand } from './commands.js';

describe('parseFacilitatorCommand', () => {
  it.each([
    { type: 'agenda.setStage', stageId: 'intro' },
    { type: 'timer.start', durationMs: 1000 },
    { type: 'timer.start', durationMs: 4 * 3600 * 1000 },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.addMinute' },
    { type: 'timer.stop' },
    { type: 'projector.focus', focus: { kind: 'join' } },
    { type: 'projector.focus', focus: { kind: 'board', teamId: 'team0001' } },
    { type: 'projector.focus', focus: { kind: 'voting', roundId: 'round001' } },
    { type: 'lock.set', locked: true },
    { type: 'lock.set', teamId: 'team0001', locked: false },
    { type: 'voting.open', title: 'Лучшая идея', target: 'notes', scope: 'all', votesPerPerson: 3, anonymous: true },
    { type: 'voting.close', roundId: 'round001' },
    { type: 'voting.reveal', roundId: 'round001' },
  ])('accepts %j', (body) => {
    expect(parseFacilitatorCommand(body)).toEqual({ ok: true, command: body });
  });

  it('trims a round title', () => {
    const parsed = parseFacilitatorCommand({
      type: 'voting.open',
      title: '  Итоги  ',
      target: 'initiatives',
      scope: 'own',
      votesPerPerson: 1,
      anonymous: false,
    });
    expect(parsed.ok && parsed.command.type === 'voting.open' && parsed.command.title).toBe('Итоги');
  });

  it.each([
    ['not an object', 'timer.stop'],
    ['an array', []],
    ['no type', {}],
    ['an unknown type', { type: 'session.delete' }],
    ['an unknown field', { type: 'timer.pause', force: true }],
    ['a missing stage', { type: 'agenda.setStage' }],
    ['a stage id with a slash', { type: 'agenda.setStage', stageId: '../x' }],
    ['a timer under a second', { type: 'timer.start', durationMs: 999 }],
    ['a timer over four hours', { type: 'timer.start', durationMs: 4 * 3600 * 1000 + 1 }],
    ['a fractional timer', { type: 'timer.start', durationMs: 1500.5 }],
    ['a timer as text', { type: 'timer.start', durationMs: '60000' }],
    ['an unknown focus', { type: 'projector.focus', focus: { kind: 'desktop' } }],
    ['a board focus without a team', { type: 'projector.focus', focus: { kind: 'board' } }],
    ['a focus with extra fields', { type: 'projector.focus', focus: { kind: 'join', x: 1 } }],
    ['a lock without locked', { type: 'lock.set', teamId: 'team0001' }],
    ['a lock with a bad team', { type: 'lock.set', teamId: 'Team 1', locked: true }],
    [
      'a blank round title',
      { type: 'voting.open', title: ' ', target: 'notes', scope: 'all', votesPerPerson: 3, anonymous: true },
    ],
    [
      'a long round title',
      {
        type: 'voting.open',
        title: 'я'.repeat(121),
        target: 'notes',
        scope: 'all',
        votesPerPerson: 3,
        anonymous: true,
      },
    ],
    [
      'no votes',
      { type: 'voting.open', title: 't', target: 'notes', scope: 'all', votesPerPerson: 0, anonymous: true },
    ],
    [
      '21 votes',
      { type: 'voting.open', title: 't', target: 'notes', scope: 'all', votesPerPerson: 21, anonymous: true },
    ],
    [
      'an unknown target',
      { type: 'voting.open', title: 't', target: 'teams', scope: 'all', votesPerPerson: 3, anonymous: true },
    ],
    [
      'an unknown scope',
      { type: 'voting.open', title: 't', target: 'notes', scope: 'mine', votesPerPerson: 3, anonymous: true },
    ],
    ['no anonymity', { type: 'voting.open', title: 't', target: 'notes', scope: 'all', votesPerPerson: 3 }],
    ['a reveal without a round', { type: 'voting.reveal' }],
  ])('refuses %s with a message', (_what, body) => {
    const parsed = parseFacilitatorCommand(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
  });
});
