import { useTranslation } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY } from '../i18n/createI18n';
import { LANGUAGES, type Language } from '../i18n/types';

const LABELS: Record<Language, string> = { ru: 'RU', en: 'EN' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const choose = (language: Language) => {
    void i18n.changeLanguage(language);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Not remembered in private modes; the switch still works for this visit.
    }
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="lang-switch__option"
          aria-pressed={current === language}
          onClick={() => choose(language)}
        >
          {LABELS[language]}
        </button>
      ))}
    </div>
  );
}
