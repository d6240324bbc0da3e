/** A resource tree: nested objects of strings. */
export interface TranslationTree {
  [key: string]: string | TranslationTree;
}

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
