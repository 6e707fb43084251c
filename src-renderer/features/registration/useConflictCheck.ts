import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConflictProbe } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { registrationKeys } from './query-keys';
import { useDebouncedValue } from './useDebouncedValue';

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
const typingPauseMs = 400;

/**
 * The live conflict check: asks the main process once typing pauses, and again whenever another PC
 * changes registrations (the change feed refetches the query). The last answer stays on screen while
 * the next is on its way, so the panel does not flicker at every pause.
 */
export function useConflictCheck(probe: ConflictProbe | null) {
  const api = useApi();
  const settled = useDebouncedValue(probe, typingPauseMs);
  const query = useQuery({
    queryKey: registrationKeys.conflicts(settled),
    queryFn: () => api.call('conflicts.check', settled!),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
  });
  return {
    report: settled === null ? undefined : query.data,
    error: settled === null ? null : query.error,
    /** True while typing has not paused yet or the answer is on its way. */
    checking: settled !== null && (JSON.stringify(probe) !== JSON.stringify(settled) || query.isFetching),
    idle: settled === null && probe === null,
    /** Asks again now, when a save found a conflict the panel did not show yet. */
    recheck: () => void query.refetch(),
  };
}
