/**
 * The contract every Store implementation must pass (SQLite now, PostgreSQL later). Call it from an integration
 * test with a factory that opens a store on fresh, empty storage, and a way to reopen the same storage.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { SessionRecord, Store } from './Store.js';

export interface StoreHarness {
  /** A store on fresh storage, and a function that closes it and opens the same storage again. */
  open(): Promise<{ store: Store; reopen(): Promise<Store> }>;
}

function update(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const session = (id: string, participant: string): SessionRecord => ({
  sessionId: id,
  title: 'Стратегическая сессия',
  horizonYear: 2036,
  createdAt: '2026-11-27T10:00:00.000Z',
  facilitatorId: 'facil001',
  codes: { participant, mentor: `${participant}MENTOR`, projector: `${participant}PROJ` },
  templateId: 'image-of-future',
});

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    it('loads a room never written as empty', async () => {
      const { store } = await harness.open();
      expect(await store.loadRoom('team:s1:t1')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      await store.close();
    });

    it('appends updates in order, with increasing sequence numbers, across rooms in one call', async () => {
      const { store } = await harness.open();
      const doc = new Y.Doc();
      const u1 = update(doc, (d) => d.getText('t').insert(0, 'Самара'));
      const u2 = update(doc, (d) => d.getText('t').insert(6, ' 2036'));
      const seqs = await store.appendUpdates([
        { room: 'r1', update: u1 },
        { room: 'r2', update: u1 },
        { room: 'r1', update: u2 },
      ]);
      expect(seqs).toHaveLength(3);
      expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
      const r1 = await store.loadRoom('r1');
      expect(r1.updates.map((u) => [...u])).toEqual([[...u1], [...u2]]);
      expect(r1.lastSeq).toBe(seqs[2]);
      expect((await store.loadRoom('r2')).updates).toHaveLength(1);
      await store.close();
    });

    it('compaction folds the log into a snapshot and keeps updates appended after its point', async () => {
      const { store } = await harness.open();
      const doc = new Y.Doc();
      const seqs = await store.appendUpdates(
        ['а', 'б', 'в'].map((ch) => ({ room: 'r', update: update(doc, (d) => d.getText('t').insert(0, ch)) })),
      );
      const snapshot = Y.encodeStateAsUpdate(doc);
      const late = update(doc, (d) => d.getText('t').insert(0, 'г'));
      await store.appendUpdates([{ room: 'r', update: late }]);
      await store.compactRoom('r', snapshot, seqs[2]!);
      const loaded = await store.loadRoom('r');
      expect(loaded.snapshot && [...loaded.snapshot]).toEqual([...snapshot]);
      expect(loaded.updates).toHaveLength(1);
      const restored = new Y.Doc();
      Y.applyUpdate(restored, Y.mergeUpdates([loaded.snapshot!, ...loaded.updates]));
      expect(restored.getText('t').toString()).toBe('гвба');
      expect(await store.roomSize('r')).toBe(snapshot.byteLength + late.byteLength);
      await store.close();
    });

    it('keeps rooms and sessions across a reopen', async () => {
      const { store, reopen } = await harness.open();
      const doc = new Y.Doc();
      await store.appendUpdates([{ room: 'r', update: update(doc, (d) => d.getMap('m').set('k', 'v')) }]);
      await store.createSession({
        session: session('sess0001', 'ABC234'),
        teams: [{ sessionId: 'sess0001', teamId: 'team0001', name: 'Команда 1', position: 0 }],
        facilitator: {
          participantId: 'facil001',
          sessionId: 'sess0001',
          name: 'Ведущий',
          role: 'facilitator',
          createdAt: '2026-11-27T10:00:00.000Z',
        },
        rooms: [{ room: 'session:sess0001', state: Y.encodeStateAsUpdate(doc) }],
      });
      const again = await reopen();
      const r = await again.loadRoom('r');
      const restored = new Y.Doc();
      r.updates.forEach((u) => Y.applyUpdate(restored, u));
      expect(restored.getMap('m').get('k')).toBe('v');
      expect((await again.loadRoom('session:sess0001')).snapshot).not.toBeNull();
      expect(await again.getSession('sess0001')).toEqual(session('sess0001', 'ABC234'));
      await again.close();
    });

    it('creates sessions with codes, teams and participants, and finds them by code', async () => {
      const { store } = await harness.open();
      await store.createSession({
        session: session('sess0002', 'XYZ789'),
        teams: [
          { sessionId: 'sess0002', teamId: 'teamb', name: 'Б', position: 1 },
          { sessionId: 'sess0002', teamId: 'teama', name: 'А', position: 0 },
        ],
        facilitator: {
          participantId: 'facil002',
          sessionId: 'sess0002',
          name: 'Ведущий',
          role: 'facilitator',
          createdAt: '2026-11-27T10:00:00.000Z',
        },
        rooms: [],
      });
      expect(await store.findCode('XYZ789')).toEqual({ sessionId: 'sess0002', role: 'participant' });
      expect(await store.findCode('XYZ789MENTOR')).toEqual({ sessionId: 'sess0002', role: 'mentor' });
      expect(await store.findCode('NOPE')).toBeNull();
      expect(await store.isCodeTaken('XYZ789PROJ')).toBe(true);
      expect((await store.listTeams('sess0002')).map((t) => t.teamId)).toEqual(['teama', 'teamb']);
      await store.addParticipant({
        participantId: 'mentor01',
        sessionId: 'sess0002',
        name: 'Наставник',
        role: 'mentor',
        mentorOf: ['teama'],
        createdAt: '2026-11-27T10:05:00.000Z',
      });
      expect(await store.getParticipant('sess0002', 'mentor01')).toMatchObject({ mentorOf: ['teama'], role: 'mentor' });
      expect(await store.getParticipant('other', 'mentor01')).toBeNull();
      expect((await store.listParticipants('sess0002')).map((p) => p.participantId)).toEqual(['facil002', 'mentor01']);
      expect(await store.setMentorOf('sess0002', 'mentor01', ['teamb', 'teama'])).toMatchObject({
        mentorOf: ['teamb', 'teama'],
      });
      expect(await store.setMentorOf('sess0002', 'nobody01', ['teama'])).toBeNull();
      expect(await store.getParticipant('sess0002', 'mentor01')).toMatchObject({ mentorOf: ['teamb', 'teama'] });
      await store.close();
    });

    it('moves a participant to another team, durably, and reports an unknown participant', async () => {
      const { store, reopen } = await harness.open();
      await store.createSession({
        session: session('sess0003', 'MOVE34'),
        teams: [
          { sessionId: 'sess0003', teamId: 'teama', name: 'А', position: 0 },
          { sessionId: 'sess0003', teamId: 'teamb', name: 'Б', position: 1 },
        ],
        facilitator: {
          participantId: 'facil003',
          sessionId: 'sess0003',
          name: 'Ведущий',
          role: 'facilitator',
          createdAt: '2026-11-27T10:00:00.000Z',
        },
        rooms: [],
      });
      await store.addParticipant({
        participantId: 'anna0001',
        sessionId: 'sess0003',
        name: 'Анна',
        role: 'participant',
        teamId: 'teama',
        createdAt: '2026-11-27T10:05:00.000Z',
      });
      expect(await store.moveParticipant('sess0003', 'anna0001', 'teamb')).toMatchObject({
        participantId: 'anna0001',
        teamId: 'teamb',
        name: 'Анна',
      });
      expect(await store.moveParticipant('sess0003', 'nobody01', 'teamb')).toBeNull();
      expect(await store.moveParticipant('othersess', 'anna0001', 'teama')).toBeNull();
      const again = await reopen();
      expect(await again.getParticipant('sess0003', 'anna0001')).toMatchObject({ teamId: 'teamb' });
      await again.close();
    });

    it('keeps votes within a budget, retracts one at a time, and keeps them across a reopen', async () => {
      const { store, reopen } = await harness.open();
      const vote = (voterId: string, itemId: string, castAt: number) => ({
        roundId: 'round001',
        voterId,
        teamId: 'teama',
        itemId,
        castAt,
      });
      expect(await store.castVote(vote('anna0001', 'note1', 1), 3)).toBe(true);
      expect(await store.castVote(vote('anna0001', 'note1', 2), 3)).toBe(true);
      expect(await store.castVote(vote('anna0001', 'note2', 3), 3)).toBe(true);
      expect(await store.castVote(vote('anna0001', 'note3', 4), 3)).toBe(false);
      expect(await store.castVote(vote('boris001', 'note3', 5), 3)).toBe(true);
      // Another round has its own budget.
      expect(await store.castVote({ ...vote('anna0001', 'note3', 6), roundId: 'round002' }, 1)).toBe(true);
      expect((await store.votesOf('round001', 'anna0001')).map((v) => v.itemId)).toEqual(['note1', 'note1', 'note2']);

      expect(await store.retractVote('round001', 'anna0001', 'teama', 'note1')).toBe(true);
      expect(await store.retractVote('round001', 'anna0001', 'teamb', 'note2')).toBe(false);
      expect(await store.retractVote('round001', 'anna0001', 'teama', 'note3')).toBe(false);
      expect(await store.castVote(vote('anna0001', 'note3', 7), 3)).toBe(true);

      const again = await reopen();
      expect(await again.votesOf('round001', 'anna0001')).toEqual([
        vote('anna0001', 'note1', 1),
        vote('anna0001', 'note2', 3),
        vote('anna0001', 'note3', 7),
      ]);
      expect((await again.listVotes('round001')).map((v) => [v.voterId, v.itemId])).toEqual([
        ['anna0001', 'note1'],
        ['anna0001', 'note2'],
        ['boris001', 'note3'],
        ['anna0001', 'note3'],
      ]);
      expect(await again.listVotes('nosuchround')).toEqual([]);
      await again.close();
    });

    it('refuses a session whose code is taken, and writes none of it', async () => {
      const { store } = await harness.open();
      const facilitator = (sessionId: string) => ({
        participantId: `f${sessionId}`,
        sessionId,
        name: 'Ведущий',
        role: 'facilitator' as const,
        createdAt: '2026-11-27T10:00:00.000Z',
      });
      await store.createSession({
        session: session('sessa001', 'SAME22'),
        teams: [],
        facilitator: facilitator('sessa001'),
        rooms: [],
      });
      await expect(
        store.createSession({
          session: session('sessb001', 'SAME22'),
          teams: [{ sessionId: 'sessb001', teamId: 'team1', name: 'X', position: 0 }],
          facilitator: facilitator('sessb001'),
          rooms: [{ room: 'session:sessb001', state: new Uint8Array([0, 0]) }],
        }),
      ).rejects.toThrow();
      expect(await store.getSession('sessb001')).toBeNull();
      expect(await store.listTeams('sessb001')).toEqual([]);
      expect((await store.loadRoom('session:sessb001')).snapshot).toBeNull();
      await store.close();
    });
  });
}
