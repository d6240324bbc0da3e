/** The timemap feature's interface text, in every language (merged into the i18n resources under `timemap.`). */
export const timemapStrings = {
  ru: {},
  en: {},
} as const;
