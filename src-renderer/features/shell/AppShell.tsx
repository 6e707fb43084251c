import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import type { SessionUser } from '../../../src-shared/contract';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';
import { useSignOut } from '../auth/useSignOut';
import { NotificationBell } from '../notifications/NotificationBell';
import { mayReview } from '../review/access';
import { ReviewNavBadge } from '../review/ReviewNavBadge';
import { type AppArea, appAreas, areaIcons } from './areas';
import { ComingSoon } from './ComingSoon';
import { areaPages } from './pages';
import { StatusLine } from './StatusLine';
import { useHashRoute } from './useHashRoute';

/** The signed-in app: navigation, who is signed in, the current page, and the status line. */
export function AppShell({ user }: { user: SessionUser }) {
  const t = useT();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [area, navigate] = useHashRoute<AppArea>(appAreas, 'register');
  const signOut = useSignOut(user);
  const Page = areaPages[area];

  // Salespeople have nothing to review: no 审核 item, and no pending count asked for.
  const menuItems = appAreas
    .filter((key) => key !== 'review' || mayReview(user.role))
    .map((key) => {
      const Icon = areaIcons[key];
      const label = <span data-testid={`nav-${key}`}>{t(`ui.nav.${key}`)}</span>;
      return { key, icon: <Icon />, label: key === 'review' ? <>{label}<ReviewNavBadge /></> : label };
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          {t('ui.app.name')}
        </Typography.Title>
        <Menu mode="inline" selectedKeys={[area]} items={menuItems} onClick={({ key }) => navigate(key as AppArea)} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex justify="end" align="center" style={{ height: '100%' }}>
            <Space size="middle">
              <NotificationBell user={user} />
              <span>
                <UserOutlined /> <span data-testid="current-user">{user.displayName}</span>
              </span>
              <Tag>{t(`role.${user.role}`)}</Tag>
              <Button
                icon={<LogoutOutlined />}
                loading={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onError: (e) => void message.error(errorText(e, t)) })}
                data-testid="signout"
              >
                {t('ui.shell.signOut')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{Page ? <Page user={user} /> : <ComingSoon area={area} />}</Layout.Content>
        <Layout.Footer style={{ padding: '8px 24px', borderTop: `1px solid ${token.colorBorderSecondary}` }}>
          <StatusLine />
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
