import { describe, expect, it } from 'vitest';
import type { Table } from '../file/table';
import { proposeMapping } from './propose';

const table = (headers: string[], rows: string[][] = []): Table => ({
  fileType: 'csv',
  encoding: 'utf-8',
  sheetName: null,
  headers,
  rows: rows.map((cells, i) => ({ number: i + 2, cells })),
});

describe('proposeMapping', () => {
  it('recognizes English headers in any spelling, and a field only once', () => {
    const proposal = proposeMapping(table(['Customer Name', 'contact_person', 'Phone', 'Mobile', 'E-mail', 'need', 'Budget', 'Expected Close Date', 'stage', 'Status', 'owner', 'Company']), false);
    expect(proposal.columns).toEqual({
      'Customer Name': 'customerName',
      contact_person: 'contactPerson',
      Phone: 'phones',
      Mobile: 'phones',
      'E-mail': 'email',
      need: 'needDescription',
      Budget: 'budget',
      'Expected Close Date': 'expectedCloseDate',
      stage: 'stage',
      Status: 'status',
      owner: 'owner',
      Company: 'ignore',
    });
    expect(proposal.unknownOwners).toBe('invalid');
  });

  it('maps the CRM sample’s columns and deal stages, reads its dates day first, creates its agents for an admin', () => {
    const proposal = proposeMapping(
      table(
        ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value', 'engage_quarter', 'close_quarter'],
        [
          ['1C1I7A6R', 'Moses Frase', 'GTX Plus Basic', 'Cancity', 'Won', '20-10-16', '01-03-17', '1054', 'Q4 2016', 'Q1 2017'],
          ['6CWZFOHJ', 'Anna Snelling', 'GTX Basic', 'Green-Plus', 'Prospecting', '', '', '', '', ''],
          ['X', 'Anna Snelling', 'GTX Basic', 'Betatech', 'Engaging', '09-03-17', '', '', '', ''],
          ['Y', 'Anna Snelling', 'GTX Basic', 'Betatech', 'Lost', '09-03-17', '12-04-17', '0', '', ''],
        ],
      ),
      true,
    );
    expect(proposal).toMatchObject({
      columns: { opportunity_id: 'externalId', sales_agent: 'owner', product: 'productLine', account: 'customerName', deal_stage: 'status', engage_date: 'submittedAt', close_date: 'closedAt', close_value: 'finalAmount', engage_quarter: 'ignore' },
      statusValues: { Won: { status: 'won' }, Lost: { status: 'lost' }, Prospecting: { status: 'submitted', stage: 'initial_contact' }, Engaging: { status: 'approved', stage: 'needs_confirmed' } },
      dateFormat: 'dmy',
      unknownOwners: 'create',
    });
  });

  it('takes a budget column in 万元 as such, and leaves unknown status words for the user', () => {
    const proposal = proposeMapping(table(['客户姓名', '采购预算（万元）', '状态'], [['张三', '50', '谈判中']]), false);
    expect(proposal).toMatchObject({ columns: { 客户姓名: 'customerName', '采购预算（万元）': 'budget', 状态: 'status' }, amountUnit: 'tenThousand', statusValues: {} });
  });
});
