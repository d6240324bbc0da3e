import type { ValidationIssue, YearRange } from '@horizon/shared/timemap';
import type * as Y from 'yjs';

/** What every part of an initiative's form needs: where to write, the session's years, and how to explain a refusal. */
export interface InitiativeEnv {
  doc: Y.Doc;
  range: YearRange;
  canWrite: boolean;
  language: string;
  /** The id of a `<datalist>` of people's names (participants of the session, people online). */
  peopleListId: string;
  /** People known to the session, so a member picked by name is stored with their participant id. */
  people: readonly { name: string; participantId: string }[];
  message: (issue: ValidationIssue) => string;
}
