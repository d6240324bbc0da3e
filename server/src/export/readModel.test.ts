import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { teamRoom, sessionRoom } from '@horizon/shared';
import { listNotes } from '@horizon/shared/board';
import { readInitiatives } from '@horizon/shared/initiatives';
import { VISION_FIELD } from '@horizon/shared/vision';
import type { Store } from '../persistence/Store.js';
import { exportFixture, FEEDBACK, fixtureSources, HOSTILE } from './exportFixture.js';
import { buildExportModel } from './readModel.js';
import { SessionExporter } from './SessionExporter.js';

/** The part of the store an export reads, over the fixture: each room as one stored update. */
function fixtureStore(fixture: ReturnType<typeof exportFixture>): Store {
  return {
    getSession: async () => fixture.session,
    listTeams: async () => fixture.teams,
    listParticipants: async () => fixture.participants,
    loadRoom: async (name: string) => {
      const doc =
        name === sessionRoom(fixture.session.sessionId)
          ? fixture.sessionDoc
          : fixture.teamDocs.get(
              fixture.teams.find((t) => name === teamRoom(fixture.session.sessionId, t.teamId))!.teamId,
            );
      return { snapshot: null, updates: doc ? [Y.encodeStateAsUpdate(doc)] : [], lastSeq: doc ? 1 : 0 };
    },
  } as unknown as Store;
}

describe('the export model', () => {
  it('holds every team with its people, board, vision, time map and initiatives', () => {
    const fixture = exportFixture();
    const model = buildExportModel(fixtureSources(fixture, { kind: 'session' }));
    expect(model.format).toBe('horizon-session');
    expect(model.version).toBe(2);
    expect(model.teams.map((t) => t.name)).toEqual(['Команда «Волга»', 'Команда «Жигули»']);
    const volga = model.teams[0]!;
    expect(volga.participants.map((p) => p.name)).toEqual(['Анна Петрова', 'Игорь Смирнов', 'Мария Кузнецова']);
    expect(volga.mentors.map((p) => p.name)).toEqual(['Ольга Сергеевна Лебедева']);
    expect(volga.motto).toBe('Регион, куда возвращаются');
    expect(volga.board.notes.length).toBe(listNotes(fixture.teamDocs.get(volga.teamId)!).length);
    expect(volga.board.notes.find((n) => n.text === 'Заметка вне разделов')?.sectionId).toBeNull();
    expect(volga.timeMap.years[0]).toBe(2026);
    expect(volga.timeMap.years.at(-1)).toBe(2036);
    expect(volga.initiatives.map((i) => i.id)).toEqual(
      readInitiatives(fixture.teamDocs.get(volga.teamId)!).map((i) => i.id),
    );
    expect(JSON.stringify(volga.vision)).toContain('Самарская область в 2036 году');
  });

  it('reads the agenda and only revealed voting rounds', () => {
    const fixture = exportFixture();
    const model = buildExportModel(fixtureSources(fixture, { kind: 'session' }));
    expect(model.agenda.startsAt).toBe('10:00');
    expect(model.agenda.stages.map((s) => s.minutes)).toEqual([15, 60, 45]);
    expect(model.voting).toHaveLength(1);
    expect(model.voting[0]!.title).toBe('Лучшая инициатива');
    expect(model.voting[0]!.results).toEqual([
      {
        targetId: 'other',
        label: 'Летние школы профессий',
        votes: 5,
        team: 'Команда «Жигули»',
        voters: ['Елена Соколова'],
      },
      {
        targetId: fixture.hostileInitiativeId,
        label: HOSTILE.formula,
        votes: 3,
        team: 'Команда «Волга»',
        voters: ['Анна Петрова'],
      },
    ]);
  });

  it('survives agenda and voting keys of unexpected shapes', () => {
    const fixture = exportFixture();
    const other = new Y.Doc();
    other.getArray('voting').push([1]);
    other.getText('agenda').insert(0, 'x');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(other));
    const model = buildExportModel({ ...fixtureSources(fixture, { kind: 'session' }), sessionDoc: copy });
    expect(model.agenda.stages).toEqual([]);
    expect(model.voting).toEqual([]);
  });

  it('drops control characters and unsafe links; keeps the text', () => {
    const fixture = exportFixture();
    const model = buildExportModel(fixtureSources(fixture, { kind: 'session' }));
    const json = JSON.stringify(model);
    expect(json).not.toMatch(/\\u0000|\\u0007/);
    expect(json).toContain('Управляющие символы убраны');
  });

  it('hangs the latest review and the threads on their initiatives and notes', () => {
    const fixture = exportFixture();
    const model = buildExportModel(fixtureSources(fixture, { kind: 'session' }));
    const [volga, zhiguli] = model.teams;
    const [first, second] = volga!.initiatives;
    expect(first!.review).toEqual({
      verdict: 'approved',
      comment: '',
      byName: FEEDBACK.mentor,
      at: new Date(FEEDBACK.at + 3_600_000).toISOString(),
      earlierReviews: 1,
    });
    expect(second!.review).toMatchObject({ verdict: 'changesRequested', comment: FEEDBACK.changes, earlierReviews: 0 });
    const hostile = volga!.initiatives.find((i) => i.id === fixture.hostileInitiativeId)!;
    expect(hostile.threads).toHaveLength(1);
    expect(hostile.threads[0]!.resolved).toBeNull();
    // Control characters go from comments as from every other text.
    expect(hostile.threads[0]!.comments[0]!.text).toBe(HOSTILE.comment.replace('\u0007', ''));
    expect(hostile.review!.comment).not.toContain('\u0007');
    const note = volga!.board.notes.find((n) => n.text === FEEDBACK.approvedNote)!;
    expect(note.threads).toEqual([
      {
        id: 'thread1',
        createdAt: new Date(FEEDBACK.at).toISOString(),
        comments: [
          {
            authorName: FEEDBACK.mentor,
            role: 'mentor',
            text: FEEDBACK.noteQuestion,
            at: new Date(FEEDBACK.at).toISOString(),
          },
          {
            authorName: 'Анна Петрова',
            role: 'participant',
            text: FEEDBACK.noteAnswer,
            at: new Date(FEEDBACK.at + 60_000).toISOString(),
          },
        ],
        resolved: { by: FEEDBACK.mentor, at: new Date(FEEDBACK.at + 120_000).toISOString() },
      },
    ]);
    expect(volga!.board.notes.filter((n) => n.threads.length > 0)).toHaveLength(1);
    // Another team's initiatives carry nothing of the first team's feedback.
    expect(zhiguli!.initiatives.every((i) => i.review === null && i.threads.length === 0)).toBe(true);
    expect(zhiguli!.mentors).toEqual([]);
  });

  it('reads a session document without feedback as none', () => {
    const fixture = exportFixture();
    const model = buildExportModel({ ...fixtureSources(fixture, { kind: 'session' }), sessionDoc: new Y.Doc() });
    for (const team of model.teams) {
      expect(team.initiatives.every((i) => i.review === null && i.threads.length === 0)).toBe(true);
      expect(team.board.notes.every((n) => n.threads.length === 0)).toBe(true);
    }
  });

  it('exports one team alone', () => {
    const fixture = exportFixture();
    const teamId = fixture.teams[1]!.teamId;
    const model = buildExportModel(fixtureSources(fixture, { kind: 'team', teamId }));
    expect(model.scope).toEqual({ kind: 'team', teamId });
    expect(model.teams.map((t) => t.teamId)).toEqual([teamId]);
  });
});

describe('exporting from the store', () => {
  it('waits for each room’s pending appends, then reads its bytes: the documents keep even nodes the schema drops', async () => {
    const fixture = exportFixture();
    const volga = fixture.teamDocs.get(fixture.teams[0]!.teamId)!;
    const before = volga.getXmlFragment(VISION_FIELD).toString();
    expect(before).toContain('<script>');
    let updates = 0;
    for (const doc of [fixture.sessionDoc, ...fixture.teamDocs.values()]) doc.on('update', () => updates++);
    const store = fixtureStore(fixture);
    const order: string[] = [];
    const loadRoom = store.loadRoom.bind(store);
    store.loadRoom = (name) => {
      order.push(`load ${name}`);
      return loadRoom(name);
    };

    const exporter = new SessionExporter(store, {
      whenPersisted: async (name) => {
        order.push(`persisted ${name}`);
      },
    });
    const model = await exporter.model(fixture.session.sessionId);

    const rooms = [
      sessionRoom(fixture.session.sessionId),
      ...fixture.teams.map((t) => teamRoom(fixture.session.sessionId, t.teamId)),
    ];
    expect(order).toEqual(rooms.flatMap((room) => [`persisted ${room}`, `load ${room}`]));
    expect(updates).toBe(0);
    expect(volga.getXmlFragment(VISION_FIELD).toString()).toBe(before);
    expect(JSON.stringify(model.teams[0]!.vision)).not.toContain('alert(1)');
    expect(JSON.stringify(model.teams[0]!.vision)).toContain('стратегия региона');
  });
});
