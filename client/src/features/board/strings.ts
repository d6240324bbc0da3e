/** The board feature's interface text, in every language (merged into the i18n resources under `board.`). */
export const boardStrings = {
  ru: {},
  en: {},
} as const;
