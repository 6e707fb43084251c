import { Tag } from 'antd';
import type { Status } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { daysBetween } from './dates';

/** Statuses whose next action is still reminded of (the server's `remindedStatuses`). */
const reminded: readonly Status[] = ['submitted', 'returned', 'approved'];

/** The next action's due date: red when overdue, orange today, plain otherwise or once the deal is over. */
export function DueTag({ due, today, status }: { due: string | null; today: string; status: Status }) {
  const t = useT();
  if (!due) return null;
  if (!reminded.includes(status) || due > today) return <Tag>{due}</Tag>;
  if (due === today) return <Tag color="orange">{t('ui.myOpps.due.today')}</Tag>;
  return (
    <Tag color="red" title={due}>
      {t('ui.myOpps.due.overdue', { days: daysBetween(due, today) })}
    </Tag>
  );
}
