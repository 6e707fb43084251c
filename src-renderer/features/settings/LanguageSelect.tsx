import { App, Select } from 'antd';
import { type Language, languageSchema } from '../../../src-shared/contract';
import { errorText } from '../../forms/errors';
import { useLanguage } from '../../i18n/LanguageProvider';

/** Switches the language of this PC; the main process keeps the choice, so it survives a restart. */
export function LanguageSelect({ testId }: { testId: string }) {
  const { language, setLanguage, t } = useLanguage();
  const { message } = App.useApp();
  return (
    <Select<Language>
      value={language}
      style={{ width: 130 }}
      aria-label={t('ui.settings.language')}
      data-testid={testId}
      options={languageSchema.options.map((value) => ({ value, label: t(`ui.language.${value}`) }))}
      optionRender={(option) => <span data-testid={`${testId}-option-${String(option.value)}`}>{option.label}</span>}
      onChange={(next) => setLanguage(next).catch((e: unknown) => void message.error(errorText(e, t)))}
    />
  );
}
