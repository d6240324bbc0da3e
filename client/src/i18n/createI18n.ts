import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { featureStrings } from './featureStrings';
import { ru } from './ru';
import { isLanguage, type Language } from './types';

/** Where the chosen interface language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'horizon.lang';
export const DEFAULT_LANGUAGE: Language = 'ru';

export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can throw in private modes; the default language is a fine answer.
    return DEFAULT_LANGUAGE;
  }
}

/**
 * A fresh i18next instance (not the library's global one), so tests and the app never share state.
 * Resources are bundled, so initialisation completes synchronously.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      ru: { translation: { ...ru, ...featureStrings('ru') } },
      en: { translation: { ...en, ...featureStrings('en') } },
    },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['ru', 'en'],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
