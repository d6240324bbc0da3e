/**
 * Reviews and comment threads as report text: one line per review, one compact paragraph per thread (its comments
 * on separate lines), so a discussion under a note or in a passport reads like a short transcript, in every format.
 */
import { L, REVIEW_VERDICT, ROLE_LABEL, formatShortDateTime } from './labels.js';
import type { ExportReview, ExportThread } from './model.js';
import type { Block, Run } from './report.js';

/** «Нужны правки: <comment> — Ольга Лебедева, 27.11.2026, 14:05 (ранее оценок: 1)». */
export function reviewText(review: ExportReview | null): string {
  if (!review) return '';
  const comment = review.comment.trim();
  const by = [review.byName, formatShortDateTime(review.at)].filter(Boolean).join(', ');
  return (
    REVIEW_VERDICT[review.verdict] +
    (comment ? `: ${comment}` : '') +
    (by ? ` — ${by}` : '') +
    (review.earlierReviews > 0 ? ` (${L.earlierReviews}: ${review.earlierReviews})` : '')
  );
}

/** The verdict alone, for table columns. */
export function reviewVerdict(review: ExportReview | null): string {
  return review ? REVIEW_VERDICT[review.verdict] : '';
}

/** One thread as one paragraph; `about` (a note's text) leads it when the thread is listed apart from its note. */
export function threadParagraph(thread: ExportThread, about?: string): Block {
  const runs: Run[] = [];
  if (about !== undefined) runs.push({ text: `«${about.trim() || L.nobody}»`, bold: true }, { text: '\n' });
  thread.comments.forEach((comment, i) => {
    if (i > 0) runs.push({ text: '\n' });
    const when = formatShortDateTime(comment.at);
    const who = `${comment.authorName || L.nobody} (${ROLE_LABEL[comment.role]})${when ? `, ${when}` : ''}: `;
    runs.push({ text: who, muted: true }, { text: comment.text });
  });
  if (thread.resolved) {
    const when = formatShortDateTime(thread.resolved.at);
    const by = [thread.resolved.by, when].filter(Boolean).join(', ');
    runs.push({ text: ` (${L.resolved}${by ? `: ${by}` : ''})`, muted: true });
  }
  return { kind: 'paragraph', runs };
}

/** The threads as a bulleted list, or nothing. */
export function threadList(threads: readonly { thread: ExportThread; about?: string }[]): Block[] {
  if (threads.length === 0) return [];
  return [
    {
      kind: 'list',
      ordered: false,
      start: 1,
      items: threads.map(({ thread, about }) => [threadParagraph(thread, about)]),
    },
  ];
}
