/** A session template: what a new session's documents start with. */
export const Languages = ['ru', 'en'] as const;
export type Language = (typeof Languages)[number];
export type Localized = Readonly<Record<Language, string>>;

/** The tabs of a team workspace; agenda stages and links open one of them. */
export const WorkspaceTabs = ['board', 'vision', 'timemap', 'initiatives'] as const;
export type WorkspaceTab = (typeof WorkspaceTabs)[number];

export interface TemplateSection {
  /** Stable within the template; documents get their own ids. */
  readonly key: string;
  readonly title: Localized;
  /** Background colour of the section frame on the board. */
  readonly color: string;
}

export interface TemplateLane {
  readonly key: string;
  readonly title: Localized;
}

export interface TemplateStage {
  readonly key: string;
  readonly title: Localized;
  /** Planned duration. */
  readonly minutes: number;
  /** The workspace tab the stage opens. */
  readonly tab: WorkspaceTab;
}

export interface SessionTemplate {
  readonly id: string;
  readonly name: Localized;
  readonly boardSections: readonly TemplateSection[];
  readonly timeMapLanes: readonly TemplateLane[];
  readonly agenda: readonly TemplateStage[];
}
