import { Select, type SelectProps } from 'antd';
import { type Role, roles } from '../../../src-shared/contract';
import { useT } from '../../i18n/LanguageProvider';

/** A role picker for forms; each option of the open list carries a test id, for end-to-end tests. */
export function RoleSelect({ testId, ...props }: Omit<SelectProps<Role>, 'options' | 'optionRender'> & { testId: string }) {
  const t = useT();
  return (
    <Select<Role>
      {...props}
      data-testid={testId}
      options={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
      optionRender={(option) => <span data-testid={`${testId}-option-${String(option.value)}`}>{option.label}</span>}
    />
  );
}
