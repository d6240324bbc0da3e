/** When a comment was written: the time for today, the day and time before. */
export function formatCommentTime(at: number, language: string, now = Date.now()): string {
  if (!at) return '';
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(language, options).format(at);
}
