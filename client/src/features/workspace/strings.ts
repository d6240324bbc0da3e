/** The workspace shell's interface text (merged into the i18n resources under `workspace.`). */
export const workspaceStrings = {
  ru: {
    tabsLabel: 'Разделы рабочего пространства',
    tabs: { board: 'Образ будущего', vision: 'Видение', timemap: 'Карта времени', initiatives: 'Инициативы' },
  },
  en: {
    tabsLabel: 'Workspace sections',
    tabs: { board: 'Image of the future', vision: 'Vision', timemap: 'Time map', initiatives: 'Initiatives' },
  },
} as const;
