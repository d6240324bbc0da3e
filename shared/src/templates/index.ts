import { imageOfFutureTemplate } from './imageOfFuture.js';
import type { SessionTemplate } from './types.js';

export { imageOfFutureTemplate };
export { Languages, WorkspaceTabs } from './types.js';
export type {
  Language,
  Localized,
  SessionTemplate,
  TemplateLane,
  TemplateSection,
  TemplateStage,
  WorkspaceTab,
} from './types.js';

/** Every template a session can start from, by id. */
export const templates: Readonly<Record<string, SessionTemplate>> = {
  [imageOfFutureTemplate.id]: imageOfFutureTemplate,
};

export const DEFAULT_TEMPLATE_ID = imageOfFutureTemplate.id;
