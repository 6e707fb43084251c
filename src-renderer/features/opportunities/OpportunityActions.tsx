import { Button, Popconfirm, Space } from 'antd';
import type { Registration } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { testIdProps } from '../registration/test-id';
import { useRegistrationActions } from './useRegistrationActions';

export type OpportunityDialog = { kind: 'edit' | 'extend'; registration: Registration };

/** What the owner may do with a registration in its status. */
export function OpportunityActions({
  registration: r,
  open,
  onDiscarded,
}: {
  registration: Registration;
  open: (dialog: OpportunityDialog) => void;
  /** The draft is gone: whatever showed it closes. */
  onDiscarded?: () => void;
}) {
  const t = useT();
  const { withdraw, discard } = useRegistrationActions();
  const editable = r.status === 'draft' || r.status === 'returned';
  return (
    <Space size={0} wrap>
      {editable && (
        <Button type="link" size="small" onClick={() => open({ kind: 'edit', registration: r })} data-testid={`opp-edit-${r.id}`}>
          {t('ui.opps.edit')}
        </Button>
      )}
      {(r.status === 'submitted' || r.status === 'returned') && (
        <Popconfirm
          title={t('ui.opps.withdrawConfirm')}
          okText={t('ui.opps.withdraw')}
          okButtonProps={testIdProps(`opp-withdraw-confirm-${r.id}`)}
          onConfirm={() => withdraw.mutate(r)}
        >
          <Button type="link" size="small" loading={withdraw.isPending} data-testid={`opp-withdraw-${r.id}`}>
            {t('ui.opps.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {r.status === 'draft' && (
        <Popconfirm
          title={t('ui.opps.discardConfirm')}
          okText={t('ui.opps.discard')}
          okButtonProps={{ danger: true, ...testIdProps(`opp-discard-confirm-${r.id}`) }}
          onConfirm={() => discard.mutate(r, { onSuccess: () => onDiscarded?.() })}
        >
          <Button type="link" size="small" danger loading={discard.isPending} data-testid={`opp-discard-${r.id}`}>
            {t('ui.opps.discard')}
          </Button>
        </Popconfirm>
      )}
      {r.status === 'approved' && (
        <Button type="link" size="small" onClick={() => open({ kind: 'extend', registration: r })} data-testid={`opp-extend-${r.id}`}>
          {t('ui.opps.extend')}
        </Button>
      )}
    </Space>
  );
}
