import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FeedbackLimits, checkCommentText } from './requests.js';
import {
  REVIEW_HISTORY_MAX,
  countThreads,
  openThreadCounts,
  readReview,
  readReviews,
  readThreads,
  threadsFor,
  writeReview,
  writeThread,
} from './schema.js';
import type { CommentThread } from './schema.js';

const thread = (id: string, teamId: string, targetId: string, createdAt: number): CommentThread => ({
  id,
  teamId,
  target: { kind: 'note', id: targetId },
  createdAt,
  comments: [
    { id: `${id}c`, authorId: 'mentor01', authorName: 'Ольга', role: 'mentor', text: 'Хорошо', at: createdAt },
  ],
  resolved: null,
});

describe('comment threads in the session document', () => {
  it('read as empty in a session made before them', () => {
    const doc = new Y.Doc();
    expect(readThreads(doc)).toEqual([]);
    expect(readReviews(doc)).toEqual({});
    expect(readReview(doc, 'teama', 'ini1')).toBeNull();
  });

  it('are read back oldest first, per team and per target', () => {
    const doc = new Y.Doc();
    writeThread(doc, thread('t2', 'teama', 'note1', 20));
    writeThread(doc, thread('t1', 'teama', 'note1', 10));
    writeThread(doc, thread('t3', 'teamb', 'note1', 5));
    writeThread(doc, thread('t4', 'teama', 'note2', 30));
    expect(readThreads(doc).map((t) => t.id)).toEqual(['t3', 't1', 't2', 't4']);
    expect(readThreads(doc, 'teama').map((t) => t.id)).toEqual(['t1', 't2', 't4']);
    expect(threadsFor(doc, 'teama', { kind: 'note', id: 'note1' }).map((t) => t.id)).toEqual(['t1', 't2']);
    expect(threadsFor(doc, 'teama', { kind: 'initiative', id: 'note1' })).toEqual([]);
    expect(countThreads(doc, 'teama')).toBe(3);
  });

  it('count only open threads for the badges', () => {
    const doc = new Y.Doc();
    writeThread(doc, thread('t1', 'teama', 'note1', 10));
    writeThread(doc, { ...thread('t2', 'teama', 'note1', 20), resolved: { by: 'Ольга', at: 30 } });
    writeThread(doc, thread('t3', 'teama', 'note2', 30));
    const counts = openThreadCounts(readThreads(doc, 'teama'));
    expect(counts.get('note:note1')).toBe(1);
    expect(counts.get('note:note2')).toBe(1);
  });

  it('skip odd values instead of failing, and default odd fields', () => {
    const doc = new Y.Doc();
    const threads = doc.getMap('threads');
    threads.set('bad1', 'text');
    threads.set('bad2', { teamId: 'teama', target: { kind: 'section', id: 'x' }, comments: [{ id: 'c' }] });
    threads.set('bad3', { teamId: 'teama', target: { kind: 'note', id: 'n' }, comments: [] });
    threads.set('odd', { teamId: 'teama', target: { kind: 'note', id: 'n' }, comments: [{ id: 'c', role: 'king' }] });
    const read = readThreads(doc);
    expect(read.map((t) => t.id)).toEqual(['odd']);
    expect(read[0]!.comments[0]).toEqual({
      id: 'c',
      authorId: '',
      authorName: '',
      role: 'participant',
      text: '',
      at: 0,
    });
    expect(read[0]!.resolved).toBeNull();
  });
});

describe('initiative reviews', () => {
  it('keep the latest verdict and the earlier ones in a capped history', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < REVIEW_HISTORY_MAX + 5; i++) {
      writeReview(doc, 'teama', 'ini1', {
        verdict: i % 2 ? 'approved' : 'changesRequested',
        comment: `#${i}`,
        byName: 'Ольга',
        byId: 'mentor01',
        at: i,
      });
    }
    const review = readReview(doc, 'teama', 'ini1')!;
    expect(review.comment).toBe(`#${REVIEW_HISTORY_MAX + 4}`);
    expect(review.history).toHaveLength(REVIEW_HISTORY_MAX);
    expect(review.history.at(-1)!.comment).toBe(`#${REVIEW_HISTORY_MAX + 3}`);
    expect(review.history[0]!.comment).toBe('#4');
    expect(Object.keys(readReviews(doc))).toEqual(['teama:ini1']);
  });
});

describe('checkCommentText', () => {
  it('trims, keeps newlines and drops other control characters', () => {
    expect(checkCommentText('  Привет,\r\nкоманда!\u0007\t\u0000ок  ')).toEqual({
      ok: true,
      text: 'Привет,\nкоманда! ок',
    });
  });

  it('refuses empty, too long and non-text values, with a message', () => {
    for (const value of ['', '   \n ', '\u0001\u0002', 42, null, 'я'.repeat(FeedbackLimits.textMax + 1)]) {
      const checked = checkCommentText(value);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message.length).toBeGreaterThan(5);
    }
    expect(checkCommentText('я'.repeat(FeedbackLimits.textMax))).toMatchObject({ ok: true });
  });

  it('lets an optional text be empty', () => {
    expect(checkCommentText('  ', { optional: true })).toEqual({ ok: true, text: '' });
  });
});
