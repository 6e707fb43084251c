import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Popconfirm } from 'antd';
import type { OutputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useLanguage, useT } from '../../i18n/LanguageProvider';

/**
 * The remembered database opened as damaged: offer this PC's latest backup, saying what restoring
 * loses. `setup.status` carries `latestBackupAt` only when the main process would allow restoring
 * here (the desktop app, the file that failed as damaged); null means there is no usable backup.
 */
export function RestoreBackupOffer({ status }: { status: OutputOf<'setup.status'> }) {
  const api = useApi();
  const t = useT();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: () => api.call('setup.useDatabase', { mode: 'restoreBackup', path: status.dbPath ?? '' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus }),
  });
  if (status.latestBackupAt === undefined || !status.dbPath) return null;
  if (status.latestBackupAt === null) return <Alert type="error" showIcon title={<span data-testid="restore-none">{t('ui.restore.none')}</span>} />;
  const at = new Date(status.latestBackupAt).toLocaleString(language);
  return (
    <Flex vertical gap={8}>
      <Alert type="info" showIcon title={<span data-testid="restore-offer">{t('ui.restore.offer', { at })}</span>} />
      <ErrorAlert error={restore.error} testId="restore-error" />
      <Popconfirm title={t('ui.restore.confirm')} okText={t('ui.restore.confirmButton')} cancelText={t('ui.common.cancel')} onConfirm={() => restore.mutate()}>
        <Button danger loading={restore.isPending} data-testid="restore-backup">
          {t('ui.restore.button')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
