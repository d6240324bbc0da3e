/** The vision feature's interface text, in every language (merged into the i18n resources under `vision.`). */
export const visionStrings = {
  ru: {},
  en: {},
} as const;
