// The feedback feature's public API: comment threads and initiative reviews in the session document (layout in
// schema.ts), and the shapes and text check of the feedback endpoints.
export {
  CommentTargetKinds,
  FeedbackKeys,
  REVIEW_HISTORY_MAX,
  ReviewVerdicts,
  countThreads,
  openThreadCounts,
  readReview,
  readReviews,
  readThreadById,
  readThreads,
  reviewKey,
  targetKey,
  threadsFor,
  writeReview,
  writeThread,
} from './schema.js';
export type {
  Comment,
  CommentTarget,
  CommentTargetKind,
  CommentThread,
  InitiativeReview,
  ReviewEntry,
  ReviewVerdict,
  ThreadResolution,
} from './schema.js';
export { FeedbackLimits, checkCommentText } from './requests.js';
export type {
  CreateThreadRequest,
  CreateThreadResponse,
  MentoringRequest,
  ReplyRequest,
  ResolveRequest,
  ReviewRequest,
  TextCheck,
} from './requests.js';
