import { Tag } from 'antd';
import type { Status } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';

const colors: Record<Status, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  approved: 'success',
  won: 'gold',
  lost: 'default',
  expired: 'default',
};

/** A registration's status as a coloured tag: 草稿, 待审核, 退回修改, … */
export function StatusTag({ status, testId }: { status: Status; testId?: string }) {
  const t = useT();
  return (
    <Tag color={colors[status]} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
