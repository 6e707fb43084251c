import { Button, Result } from 'antd';
import { errorText } from '../forms/errors';
import { useT } from '../i18n/LanguageProvider';

/** A screen that could not load its data (the drive is gone, the host stopped), with a way to try again. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t('ui.loadFailure.title')}
      subTitle={<span data-testid="load-failure">{errorText(error, t)}</span>}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="load-failure-retry">
          {t('ui.common.retry')}
        </Button>
      }
    />
  );
}
