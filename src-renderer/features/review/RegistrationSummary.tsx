import { Descriptions } from 'antd';
import type { Registration } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';
import { registrationFields } from './registration-fields';

/** The registration under review, field by field. */
export function RegistrationSummary({ registration }: { registration: Registration }) {
  const t = useT();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="review-registration"
      items={registrationFields(t).map((f) => ({ key: f.key, label: f.label, children: f.render(registration) }))}
    />
  );
}
