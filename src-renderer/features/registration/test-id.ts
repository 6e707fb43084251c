import type { ButtonProps } from 'antd';

/** A test id for a button antd draws itself (a confirmation's OK), whose props do not declare data attributes. */
export const testIdProps = (testId: string) => ({ 'data-testid': testId }) as ButtonProps;
