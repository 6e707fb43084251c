import type { ImportMapping } from '../../../../../src-shared/contract/import';
import { normalizeLabel } from './normalize-label';

/**
 * A remembered mapping applied to a file of the same header set: its column choices re-keyed to this
 * file's spelling of the headers, and values it has not seen yet taken from the fresh proposal.
 */
export function adaptRemembered(remembered: ImportMapping, headers: readonly string[], proposal: ImportMapping): ImportMapping {
  const byLabel = new Map(Object.entries(remembered.columns).map(([header, field]) => [normalizeLabel(header), field]));
  const columns = Object.fromEntries(headers.map((h) => [h, byLabel.get(normalizeLabel(h)) ?? proposal.columns[h] ?? 'ignore']));
  return {
    ...remembered,
    columns,
    statusValues: { ...proposal.statusValues, ...remembered.statusValues },
    stageValues: { ...proposal.stageValues, ...remembered.stageValues },
    customerKindValues: { ...proposal.customerKindValues, ...remembered.customerKindValues },
  };
}
