import type { SessionUser } from '../../../../src-shared/contract';
import type { ImportPreview } from '../../../../src-shared/contract/import';
import type { Db } from '../../db/database';
import { type Table, cellText } from './file/table';
import { rememberedMapping } from './mappings-store';
import { distinctValues, proposeMapping } from './recognize/propose';
import { adaptRemembered } from './recognize/remembered';

/** How many distinct values per column the preview lists for value mapping. */
const DISTINCT_LIMIT = 100;

/**
 * What the preview screen needs: the first rows, each column's frequent values, and the mapping to
 * start from — the one remembered for this header set, else a proposal from the headers and values.
 */
export async function previewTable(q: Db, table: Table, sampleRows: number, me: SessionUser): Promise<ImportPreview> {
  const proposal = proposeMapping(table, me.role === 'admin');
  const remembered = await rememberedMapping(q, table.headers);
  const users = await q.selectFrom('users').select(['username', 'display_name', 'active']).orderBy('username').execute();
  return {
    fileType: table.fileType,
    encoding: table.encoding,
    sheetName: table.sheetName,
    headers: table.headers,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, sampleRows).map((row) => row.cells.map(cellText)),
    distinct: Object.fromEntries(table.headers.map((h, i) => [h, distinctValues(table, i).slice(0, DISTINCT_LIMIT)])),
    mapping: remembered ? adaptRemembered(remembered, table.headers, proposal) : proposal,
    remembered: remembered !== null,
    users: users.map((u) => ({ username: u.username, displayName: u.display_name, active: u.active === 1 })),
  };
}
