import { templates } from '@horizon/shared/templates';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n/types';

/** The session template: what each team's board, time map and the agenda start with. */
export function TemplatePicker({ value, onChange }: { value: string; onChange: (templateId: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const lang = isLanguage(language) ? language : 'ru';
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('home.template')}</legend>
      <div className="template-choices">
        {Object.values(templates).map((template) => {
          const minutes = template.agenda.reduce((sum, stage) => sum + stage.minutes, 0);
          return (
            <label key={template.id} className="choice template-choice">
              <input
                type="radio"
                name="template"
                value={template.id}
                checked={value === template.id}
                onChange={() => onChange(template.id)}
              />
              <span className="template-choice__text">
                <span className="template-choice__name">{template.name[lang]}</span>
                <span className="template-choice__meta">
                  {template.boardSections.map((section) => section.title[lang]).join(' · ')}
                </span>
                <span className="template-choice__meta">
                  {t('home.templateAgenda', {
                    count: template.agenda.length,
                    duration: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes / 60),
                  })}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
