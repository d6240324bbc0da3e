/** The initiatives feature's interface text, in every language (merged into the i18n resources under `initiatives.`). */
export const initiativesStrings = {
  ru: {},
  en: {},
} as const;
