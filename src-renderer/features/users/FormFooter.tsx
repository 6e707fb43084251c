import { Button, Flex } from 'antd';
import { useT } from '../../i18n/LanguageProvider';

/**
 * A modal form's buttons, inside the form (not in the modal's footer) so that Enter in any field
 * submits it.
 */
export function FormFooter({ onCancel, submitting, submitLabel, testId }: { onCancel: () => void; submitting: boolean; submitLabel: string; testId: string }) {
  const t = useT();
  return (
    <Flex justify="end" gap={8}>
      <Button onClick={onCancel}>{t('ui.common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid={testId}>
        {submitLabel}
      </Button>
    </Flex>
  );
}
