import type { FormRule } from 'antd';
import type { Translate } from '../i18n/LanguageProvider';

/** A confirmation field that must repeat the password field, typed twice so a typo cannot lock anyone out. */
export const sameAsRule =
  (field: string, t: Translate): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value !== getFieldValue(field)) throw new Error(t('ui.form.passwordMismatch'));
    },
  });
