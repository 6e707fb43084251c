import { App, Col, Form, Row, Typography } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import type { Registration, SessionUser } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { errorText } from '../../forms/errors';
import { useT } from '../../i18n/LanguageProvider';
import { ConflictPanel, hasBlock } from './ConflictPanel';
import { CustomerFields } from './CustomerFields';
import { DealFields } from './DealFields';
import { FormActions } from './FormActions';
import { localToday } from './format';
import { type FormValues, probeOf } from './form-values';
import { JustificationField } from './JustificationField';
import { RestoredDraftNotice } from './RestoredDraftNotice';
import { type FormTarget, baseValuesOf, draftSlotOf, savedRefOf } from './target';
import { useConflictCheck } from './useConflictCheck';
import { useLocalDraft } from './useLocalDraft';
import { useRegistrationSave } from './useRegistrationSave';
import { type FieldProblem, checkForDraft, checkForSubmit, serverFieldErrors } from './validate';

export interface RegistrationFormProps {
  user: SessionUser;
  target: FormTarget;
  onSubmitted(registration: Registration): void;
}

/**
 * The registration form (PRODUCT.md capability 1) with its live conflict check beside it. Checked
 * with the shared schemas before anything is sent; what is typed is kept on this PC until saved.
 * Enter never sends the form (it is a new line in the need description); Ctrl+Enter submits.
 */
export function RegistrationForm({ user, target, onSubmitted }: RegistrationFormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const local = useLocalDraft(user.id, draftSlotOf(target));
  const [restoredNotice, setRestoredNotice] = useState(local.restored !== null);
  // An edit writes to the registration as opened; a new form may already have a saved draft.
  const saving = useRegistrationSave(target, savedRefOf(target) ?? local.restored?.saved ?? null);
  const today = localToday();

  const excludeId = saving.saved?.id;
  const probe = Form.useWatch((values: FormValues) => probeOf(values, excludeId), form) ?? null;
  const conflicts = useConflictCheck(probe);
  const claiming = target.kind === 'claim';
  const blocked = hasBlock(conflicts.report);
  const needsJustification = !claiming && blocked;
  // A claim from the pool cannot carry a justification; the main process refuses a blocked one.
  const claimBlocked = claiming && blocked;

  // Paths come from the schemas and the server (`phones.1`), which antd's name typing cannot follow.
  const setErrors = (fields: { name: (string | number)[]; errors: string[] }[]) => form.setFields(fields as Parameters<typeof form.setFields>[0]);
  const showProblems = (problems: FieldProblem[]) => {
    setErrors(problems.map((p) => ({ name: p.name, errors: [t(p.key)] })));
    if (problems[0]) form.scrollToField(problems[0].name);
  };
  const showServerError = (error: unknown) => {
    setErrors(serverFieldErrors(error));
    // Someone registered the customer meanwhile: the panel catches up and asks for a justification.
    if (isApiError(error) && error.code === 'CONFLICT') conflicts.recheck();
  };
  const saved = (registration: Registration) => {
    local.clear();
    setRestoredNotice(false);
    return registration;
  };

  const saveDraft = () => {
    const checked = checkForDraft(form.getFieldsValue(true));
    if (!checked.ok) return showProblems(checked.problems);
    saving.saveDraft(checked.fields, {
      onSuccess: (registration) => {
        saved(registration);
        void message.success(t('ui.reg.draftSaved'));
      },
      onError: showServerError,
    });
  };

  const submit = async () => {
    if (saving.pending || claimBlocked) return;
    try {
      await form.validateFields();
    } catch (failed) {
      const first = (failed as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name);
      return;
    }
    const values: FormValues = form.getFieldsValue(true);
    const checked = checkForSubmit(values, today);
    if (!checked.ok) return showProblems(checked.problems);
    const conflictJustification = needsJustification ? values.conflictJustification?.trim() : undefined;
    saving.submit({ fields: checked.fields, conflictJustification }, { onSuccess: (r) => onSubmitted(saved(r)), onError: showServerError });
  };

  const forgetRestored = () => {
    local.clear();
    form.resetFields();
    form.setFieldsValue({ ...baseValuesOf(target), conflictJustification: '' });
    saving.resetSaved(savedRefOf(target));
    setRestoredNotice(false);
  };

  const reloadStale = () => saving.reloadStale().catch((e: unknown) => void message.error(errorText(e, t)));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Row gutter={[24, 16]} onKeyDown={onKeyDown}>
      <Col flex="1 1 560px">
        {restoredNotice && <RestoredDraftNotice onForget={forgetRestored} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={local.restored?.values ?? baseValuesOf(target)}
          onValuesChange={(changed: Partial<FormValues>) => {
            local.keep({ values: form.getFieldsValue(true), saved: saving.saved });
            // "A phone or an email": typing an email settles a complaint about the phones.
            if ('email' in changed && form.getFieldError(['phones']).length > 0) void form.validateFields([['phones']]).catch(() => undefined);
          }}
          data-testid="reg-form"
        >
          <Typography.Title level={5}>{t('ui.reg.section.customer')}</Typography.Title>
          <CustomerFields form={form} />
          <Typography.Title level={5}>{t('ui.reg.section.deal')}</Typography.Title>
          <DealFields today={today} />
          {needsJustification && <JustificationField />}
          <FormActions
            error={saving.error}
            pending={saving.pending}
            submitLabel={claiming ? 'ui.reg.claimSubmit' : needsJustification ? 'ui.reg.submitToAdjudication' : 'ui.reg.submit'}
            submitDisabled={claimBlocked}
            onSubmit={() => void submit()}
            onSaveDraft={claiming ? undefined : saveDraft}
            onReload={saving.saved ? () => void reloadStale() : undefined}
          />
        </Form>
      </Col>
      <Col flex="0 1 380px">
        <div style={{ position: 'sticky', top: 0 }}>
          <ConflictPanel report={conflicts.report} checking={conflicts.checking} idle={conflicts.idle} error={conflicts.error} canJustify={!claiming} />
        </div>
      </Col>
    </Row>
  );
}
