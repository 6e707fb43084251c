import { CalendarOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Col, Collapse, Empty, Flex, Row, Space, Tag, Typography, theme } from 'antd';
import { memo, useState } from 'react';
import type { TodoItem } from '../../../src-shared/contract/followups';
import { useApi } from '../../api/ApiProvider';
import { ErrorAlert } from '../../forms/ErrorAlert';
import { useT } from '../../i18n/LanguageProvider';
import { opportunityKeys } from './query-keys';

/** This PC remembers whether the panel was folded away. */
const collapsedKey = 'baobei.todoCollapsed';

/** Items each list brings; the counts cover all of them. */
export const todoLimit = 100;

export function useTodo(scope: 'mine' | 'team') {
  const api = useApi();
  return useQuery({ queryKey: opportunityKeys.todo(scope), queryFn: () => api.call('todo.today', { scope, limit: todoLimit }) });
}

function TodoList({ items, total, kind, showOwner, open }: { items: TodoItem[]; total: number; kind: 'due' | 'stale'; showOwner: boolean; open(id: number): void }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <>
      <div style={{ maxHeight: 132, overflowY: 'auto' }}>
        {items.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        {items.map((item) => (
          <Flex
            key={item.registrationId}
            justify="space-between"
            align="center"
            gap="small"
            style={{ padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
          >
            <Button
              type="link"
              size="small"
              onClick={() => open(item.registrationId)}
              style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }}
              data-testid={`todo-${kind}-${item.registrationId}`}
            >
              <span>
                <Typography.Text strong>{item.customerName}</Typography.Text>
                {showOwner && <Typography.Text type="secondary"> · {item.ownerName}</Typography.Text>}
                {kind === 'due' && <Typography.Text type="secondary"> · {item.nextAction ?? t('ui.todo.noAction')}</Typography.Text>}
                {kind === 'stale' && <Typography.Text type="secondary"> · {t(`stage.${item.stage}`)}</Typography.Text>}
              </span>
            </Button>
            {kind === 'due' ? (
              <Tag color={item.days > 0 ? 'red' : 'orange'}>{item.days > 0 ? t('ui.todo.overdueDays', { days: item.days }) : t('ui.todo.dueTodayTag')}</Tag>
            ) : (
              <Tag color="gold">{t('ui.todo.staleDays', { days: item.days })}</Tag>
            )}
          </Flex>
        ))}
      </div>
      {total > items.length && (
        <Typography.Text type="secondary" data-testid={`todo-${kind}-more`}>
          {t('ui.todo.more', { count: total - items.length })}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * 今日待办 at the top of 我的商机: next actions due today or overdue, and open opportunities nobody
 * followed up for longer than their stage allows (an office setting). Each opens the opportunity.
 */
export const TodoPanel = memo(function TodoPanel({ scope, showOwner, open }: { scope: 'mine' | 'team'; showOwner: boolean; open(id: number): void }) {
  const t = useT();
  const [expanded, setExpanded] = useState(() => localStorage.getItem(collapsedKey) !== '1');
  const toggle = (keys: string[]) => {
    const next = keys.includes('todo');
    setExpanded(next);
    localStorage.setItem(collapsedKey, next ? '0' : '1');
  };
  const todo = useTodo(scope);
  const counts = todo.data?.counts;
  const nothing = counts !== undefined && counts.dueToday + counts.overdue + counts.stale === 0;
  const count = (key: 'dueToday' | 'overdue' | 'stale', color: string) => (
    <span data-testid={`todo-count-${key}`} data-count={counts?.[key] ?? 0}>
      <Badge color={color} text={t(`ui.todo.${key}`)} /> <Typography.Text strong>{counts?.[key] ?? '…'}</Typography.Text>
    </span>
  );
  const header = (
    <Flex gap="large" wrap align="center">
      <Space>
        <CalendarOutlined />
        <Typography.Text strong>{t('ui.todo.title')}</Typography.Text>
        {todo.data && <Typography.Text type="secondary">{todo.data.today}</Typography.Text>}
      </Space>
      {count('dueToday', 'orange')}
      {count('overdue', 'red')}
      {count('stale', 'gold')}
    </Flex>
  );
  return (
    <div data-testid="todo-panel">
      <Collapse
        activeKey={expanded ? ['todo'] : []}
        onChange={toggle}
        items={[
          {
            key: 'todo',
            label: header,
            children: (
              <>
                <ErrorAlert error={todo.error} testId="todo-error" />
                {nothing ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.todo.none')} data-testid="todo-none" />
                ) : (
                  <Row gutter={24}>
                    <Col xs={24} md={12} data-testid="todo-due">
                      <Typography.Text strong>{t('ui.todo.dueHeading')}</Typography.Text>
                      <TodoList items={todo.data?.due ?? []} total={(counts?.dueToday ?? 0) + (counts?.overdue ?? 0)} kind="due" showOwner={showOwner} open={open} />
                    </Col>
                    <Col xs={24} md={12} data-testid="todo-stale">
                      <Typography.Text strong>{t('ui.todo.staleHeading')}</Typography.Text>
                      <TodoList items={todo.data?.stale ?? []} total={counts?.stale ?? 0} kind="stale" showOwner={showOwner} open={open} />
                    </Col>
                  </Row>
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
});
