import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';

/** 校验: walks the hash chain and says whether the log is intact, or which entry is the first broken one. */
export function AuditVerify() {
  const api = useApi();
  const t = useT();
  const verify = useMutation({ mutationFn: () => api.call('audit.verify', {}) });
  const result = verify.data;
  return (
    <Flex vertical gap={8}>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify" style={{ alignSelf: 'flex-start' }}>
        {t('ui.audit.verify')}
      </Button>
      <ErrorAlert error={verify.error} testId="audit-verify-error" />
      {result && (
        <Alert
          showIcon
          type={result.ok ? 'success' : 'error'}
          title={
            <span data-testid="audit-verify-result" data-ok={result.ok}>
              {result.firstBroken
                ? t('ui.audit.verifyBroken', { id: result.firstBroken.id, problem: t(`ui.audit.problem.${result.firstBroken.problem}`) })
                : t('ui.audit.verifyOk', { entries: result.entries })}
            </span>
          }
        />
      )}
    </Flex>
  );
}
