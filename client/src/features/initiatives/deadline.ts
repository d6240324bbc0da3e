import type { Initiative } from '@horizon/shared/initiatives';

/** The initiative's last step end: its deadline ('' without steps). ISO dates compare as text. */
export function deadlineOf(initiative: Initiative): string {
  return initiative.steps.reduce((latest, step) => (step.end > latest ? step.end : latest), '');
}
