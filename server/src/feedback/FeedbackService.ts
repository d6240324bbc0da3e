/**
 * Comment threads and initiative reviews, written to the session document by the server alone. The author of every
 * comment and review is the participant the token names, as the store records them; nothing in the body says who.
 *
 * Writes of a session run one after another with the facilitator's commands (`serial`): each reads the document,
 * decides (caps, the thread's state) and writes, and nothing else writes the session document meanwhile.
 */
import type * as Y from 'yjs';
import { Origin, newId } from '@horizon/shared';
import type { RoomRef, TokenClaims } from '@horizon/shared';
import { notesMap } from '@horizon/shared/board';
import {
  FeedbackLimits,
  checkCommentText,
  countThreads,
  readThreadById,
  writeReview,
  writeThread,
} from '@horizon/shared/feedback';
import type {
  Comment,
  CommentTarget,
  CommentThread,
  CreateThreadRequest,
  CreateThreadResponse,
  ReviewRequest,
} from '@horizon/shared/feedback';
import { readInitiative } from '@horizon/shared/initiatives';
import { HttpError } from '../errors.js';
import type { SessionSerializer } from '../facilitation/serial.js';
import type { FacilitationRooms } from '../facilitation/types.js';
import type { ParticipantRecord, Store } from '../persistence/Store.js';
import { PROJECTOR_REFUSAL, requireMayComment, requireMayReview } from './feedbackRights.js';
import { PostLimiter } from './PostLimiter.js';

export interface FeedbackDeps {
  store: Store;
  rooms: Pick<FacilitationRooms, 'change' | 'read'>;
  serial: SessionSerializer;
  now(): number;
}

const sessionRef = (sessionId: string): RoomRef => ({ kind: 'session', sessionId });
const teamRef = (sessionId: string, teamId: string): RoomRef => ({ kind: 'team', sessionId, teamId });

export class FeedbackService {
  readonly #limiter: PostLimiter;

  constructor(private readonly deps: FeedbackDeps) {
    this.#limiter = new PostLimiter(FeedbackLimits.postsPerMinute, 60_000, deps.now);
  }

  async createThread(sessionId: string, claims: TokenClaims, body: CreateThreadRequest): Promise<CreateThreadResponse> {
    const me = await this.#me(sessionId, claims);
    await this.#requireTeam(sessionId, body.teamId);
    requireMayComment(me, body.teamId);
    const text = this.#text(body.text);
    await this.#requireTarget(sessionId, body.teamId, body.target);
    return this.deps.serial.run(sessionId, async () => {
      const count = await this.#read(sessionId, (doc) => countThreads(doc, body.teamId));
      if (count >= FeedbackLimits.threadsPerTeam) {
        throw new HttpError('conflict', `A team can have at most ${FeedbackLimits.threadsPerTeam} comment threads.`);
      }
      this.#takePost(me);
      const at = this.deps.now();
      const thread: CommentThread = {
        id: newId(),
        teamId: body.teamId,
        target: { kind: body.target.kind, id: body.target.id },
        createdAt: at,
        comments: [this.#comment(me, text, at)],
        resolved: null,
      };
      await this.#write(sessionId, (doc) => writeThread(doc, thread));
      return { threadId: thread.id };
    });
  }

  /** A reply reopens a resolved thread: someone has something more to say about it. */
  async reply(
    sessionId: string,
    claims: TokenClaims,
    threadId: string,
    rawText: string,
  ): Promise<{ commentId: string }> {
    const me = await this.#me(sessionId, claims);
    const text = this.#text(rawText);
    return this.deps.serial.run(sessionId, async () => {
      const thread = await this.#requireThread(sessionId, threadId);
      requireMayComment(me, thread.teamId);
      if (thread.comments.length >= FeedbackLimits.commentsPerThread) {
        throw new HttpError(
          'conflict',
          `A thread holds at most ${FeedbackLimits.commentsPerThread} comments; start a new thread.`,
        );
      }
      this.#takePost(me);
      const comment = this.#comment(me, text, this.deps.now());
      const next: CommentThread = { ...thread, comments: [...thread.comments, comment], resolved: null };
      await this.#write(sessionId, (doc) => writeThread(doc, next));
      return { commentId: comment.id };
    });
  }

  async resolve(sessionId: string, claims: TokenClaims, threadId: string, resolved: boolean): Promise<{ ok: true }> {
    const me = await this.#me(sessionId, claims);
    return this.deps.serial.run(sessionId, async () => {
      const thread = await this.#requireThread(sessionId, threadId);
      requireMayComment(me, thread.teamId);
      // Resolving twice keeps who resolved it first.
      if (resolved === (thread.resolved !== null)) return { ok: true as const };
      const next: CommentThread = { ...thread, resolved: resolved ? { by: me.name, at: this.deps.now() } : null };
      await this.#write(sessionId, (doc) => writeThread(doc, next));
      return { ok: true as const };
    });
  }

  async review(sessionId: string, claims: TokenClaims, body: ReviewRequest): Promise<{ ok: true }> {
    const me = await this.#me(sessionId, claims);
    await this.#requireTeam(sessionId, body.teamId);
    requireMayReview(me, body.teamId);
    const checked = checkCommentText(body.comment, { optional: body.verdict === 'approved' });
    if (!checked.ok) {
      throw new HttpError(
        'badRequest',
        body.verdict === 'changesRequested'
          ? `Asking for changes needs a comment that says which: ${checked.message}`
          : checked.message,
      );
    }
    await this.#requireTarget(sessionId, body.teamId, { kind: 'initiative', id: body.initiativeId });
    return this.deps.serial.run(sessionId, async () => {
      this.#takePost(me);
      const entry = {
        verdict: body.verdict,
        comment: checked.text,
        byName: me.name,
        byId: me.participantId,
        at: this.deps.now(),
      };
      await this.#write(sessionId, (doc) => writeReview(doc, body.teamId, body.initiativeId, entry));
      return { ok: true as const };
    });
  }

  async #me(sessionId: string, claims: TokenClaims): Promise<ParticipantRecord> {
    if (claims.sessionId !== sessionId) throw new HttpError('forbidden', 'This token belongs to another session.');
    // Refused before any lookup: whatever the team or thread, a projector may do nothing here.
    if (claims.role === 'projector') throw new HttpError('forbidden', PROJECTOR_REFUSAL);
    if (!(await this.deps.store.getSession(sessionId))) throw new HttpError('notFound', 'No such session.');
    const me = await this.deps.store.getParticipant(sessionId, claims.participantId);
    if (!me) throw new HttpError('unauthorized', 'This participant is no longer part of the session.');
    return me;
  }

  #text(raw: unknown): string {
    const checked = checkCommentText(raw);
    if (!checked.ok) throw new HttpError('badRequest', checked.message);
    return checked.text;
  }

  #comment(me: ParticipantRecord, text: string, at: number): Comment {
    return { id: newId(), authorId: me.participantId, authorName: me.name, role: me.role, text, at };
  }

  #takePost(me: ParticipantRecord): void {
    if (!this.#limiter.take(me.participantId)) {
      throw new HttpError(
        'tooManyRequests',
        `At most ${FeedbackLimits.postsPerMinute} comments and reviews a minute per person; wait a little.`,
      );
    }
  }

  async #requireTeam(sessionId: string, teamId: string): Promise<void> {
    const teams = await this.deps.store.listTeams(sessionId);
    if (!teams.some((t) => t.teamId === teamId)) throw new HttpError('notFound', 'This session has no such team.');
  }

  /** The note or initiative must exist in the team's room now; comments on nothing would never be seen. */
  async #requireTarget(sessionId: string, teamId: string, target: CommentTarget): Promise<void> {
    const exists = await this.deps.rooms.read(teamRef(sessionId, teamId), (doc) =>
      target.kind === 'note' ? notesMap(doc).has(target.id) : readInitiative(doc, target.id) !== null,
    );
    if (!exists) {
      throw new HttpError(
        'notFound',
        target.kind === 'note' ? 'The team has no such note.' : 'The team has no such initiative.',
      );
    }
  }

  async #requireThread(sessionId: string, threadId: string): Promise<CommentThread> {
    const thread = await this.#read(sessionId, (doc) => readThreadById(doc, threadId));
    if (!thread) throw new HttpError('notFound', 'This session has no such comment thread.');
    return thread;
  }

  #read<T>(sessionId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.deps.rooms.read(sessionRef(sessionId), fn);
  }

  #write(sessionId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    return this.deps.rooms.change(sessionRef(sessionId), Origin.facilitator, fn);
  }
}
