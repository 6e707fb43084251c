import { Card, Flex, Space, Typography } from 'antd';
import type { SessionUser } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { AuditPanel } from '../audit/AuditPanel';
import { ImportPanel } from '../import/ImportPanel';
import { UsersPanel } from '../users/UsersPanel';
import { LanguageSelect } from './LanguageSelect';

export function SettingsPage({ user }: { user: SessionUser }) {
  const t = useT();
  return (
    <Flex vertical gap={24}>
      <Card title={t('ui.settings.language')}>
        <Space>
          <LanguageSelect testId="settings-language" />
          <Typography.Text type="secondary">{t('ui.settings.languageHint')}</Typography.Text>
        </Space>
      </Card>
      {user.role === 'admin' && <UsersPanel me={user} />}
      {user.role !== 'sales' && <ImportPanel user={user} />}
      {user.role === 'admin' && <AuditPanel />}
    </Flex>
  );
}
