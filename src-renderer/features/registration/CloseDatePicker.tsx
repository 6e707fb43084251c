import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// The picker's weekday names come from dayjs' locale data, which antd's zh_CN locale does not load.
import 'dayjs/locale/zh-cn';
import { addMonths, maxCloseMonthsAhead } from '../../../src-shared/domain/fields';

const isoFormat = 'YYYY-MM-DD';

/**
 * The expected close date, held by the form as YYYY-MM-DD. Days before today and beyond 24 months
 * cannot be picked; typing one is refused by the field's rule with the server's message.
 */
export function CloseDatePicker({ value, onChange, today, testId }: { value?: string; onChange?: (date: string) => void; today: string; testId: string }) {
  const last = addMonths(today, maxCloseMonthsAhead);
  return (
    <DatePicker
      value={value ? dayjs(value, isoFormat) : null}
      onChange={(date: Dayjs | null) => onChange?.(date ? date.format(isoFormat) : '')}
      format={isoFormat}
      disabledDate={(date) => {
        const day = date.format(isoFormat);
        return day < today || day > last;
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
