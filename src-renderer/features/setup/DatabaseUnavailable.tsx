import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract';
import { isMessageKey } from '../../../src-shared/i18n';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { DatabaseStep } from './DatabaseStep';
import { RestoreBackupOffer } from './RestoreBackupOffer';

/**
 * The remembered database did not open (drive not mapped yet, file damaged). Trying again comes first:
 * offering a new database straight away would split the office's data over two files.
 */
export function DatabaseUnavailable({ status }: { status: OutputOf<'setup.status'> }) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const [choosingAnother, setChoosingAnother] = useState(false);
  const { dbPath, errorKey, canChooseDatabase } = status;
  const retry = useMutation({
    // A window that may not choose the database was given one; asking again is all it can do.
    mutationFn: async () => {
      if (canChooseDatabase && dbPath) await api.call('setup.useDatabase', { mode: 'open', path: dbPath });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus }),
  });

  return (
    <Flex vertical gap={16}>
      <Alert
        type="warning"
        showIcon
        title={t('ui.wizard.unavailableTitle')}
        description={
          <>
            <Typography.Text code>
              <span data-testid="wizard-unavailable-path">{dbPath}</span>
            </Typography.Text>
            <div data-testid="wizard-unavailable-reason">{errorKey && isMessageKey(errorKey) ? t(errorKey) : t('error.DB_UNAVAILABLE')}</div>
          </>
        }
      />
      <RestoreBackupOffer status={status} />
      <ErrorAlert error={retry.error} testId="wizard-error" />
      <Flex gap={8}>
        <Button type="primary" autoFocus loading={retry.isPending} onClick={() => retry.mutate()} data-testid="wizard-retry">
          {t('ui.common.retry')}
        </Button>
        {canChooseDatabase && !choosingAnother && (
          <Button onClick={() => setChoosingAnother(true)} data-testid="wizard-choose-another">
            {t('ui.wizard.chooseAnother')}
          </Button>
        )}
      </Flex>
      {choosingAnother && (
        <>
          <Divider />
          <DatabaseStep status={status} />
        </>
      )}
    </Flex>
  );
}
