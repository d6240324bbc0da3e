/**
 * The feedback endpoints' shapes and the one check of comment text, run by the server on every body (the client may
 * run it before sending). Who may do what, and whether a team, thread or target exists, is the server's question.
 */
import type { CommentTarget, ReviewVerdict } from './schema.js';

export const FeedbackLimits = {
  textMax: 2000,
  /** Comments per thread: a thread is a conversation, not a chat room. */
  commentsPerThread: 200,
  /** Threads per team, resolved ones included: the session document is sent to every joiner. */
  threadsPerTeam: 2000,
  /** Comments and reviews one person may post per minute. */
  postsPerMinute: 30,
} as const;

/** `POST /api/sessions/:sessionId/threads` */
export interface CreateThreadRequest {
  teamId: string;
  target: CommentTarget;
  text: string;
}

export interface CreateThreadResponse {
  threadId: string;
}

/** `POST /api/sessions/:sessionId/threads/:threadId/replies` */
export interface ReplyRequest {
  text: string;
}

/** `POST /api/sessions/:sessionId/threads/:threadId/resolve` */
export interface ResolveRequest {
  resolved: boolean;
}

/** `POST /api/sessions/:sessionId/reviews` */
export interface ReviewRequest {
  teamId: string;
  initiativeId: string;
  verdict: ReviewVerdict;
  comment: string;
}

/** `PUT /api/sessions/:sessionId/mentoring` (mentors): the teams the mentor mentors from now on. */
export interface MentoringRequest {
  teamIds: string[];
}

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

// Control characters would reach every screen and export; a newline is the only one a comment needs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Comment text as stored: line ends made `\n`, tabs made spaces, other control characters dropped, trimmed; 1 to
 * FeedbackLimits.textMax characters. `optional` lets an approval go without a comment.
 */
export function checkCommentText(value: unknown, options: { optional?: boolean } = {}): TextCheck {
  if (typeof value !== 'string') return { ok: false, message: 'The text must be a string.' };
  const text = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').trim();
  if (text.length === 0 && !options.optional) return { ok: false, message: 'Write something: the text is empty.' };
  if (text.length > FeedbackLimits.textMax) {
    return { ok: false, message: `The text is longer than ${FeedbackLimits.textMax} characters.` };
  }
  return { ok: true, text };
}
