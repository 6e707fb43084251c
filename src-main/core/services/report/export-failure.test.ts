import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestHost } from '../../testing/test-host';
import { demoOffice, exportThrough } from './testing';

let t: TestHost;
beforeAll(async () => {
  t = await demoOffice(120);
});
afterAll(() => t.close());

describe('an export whose file cannot be written', () => {
  // Linux's /dev/full fails every write with ENOSPC, as a full disk would.
  it.skipIf(!fs.existsSync('/dev/full'))('ends as failed when the disk is full (detail-sheet.test.ts: it stops rather than waiting for the zip)', async () => {
    const mkdtemp = fs.mkdtempSync;
    const spy = vi.spyOn(fs, 'mkdtempSync').mockImplementation((prefix, options) => {
      const dir = mkdtemp(prefix, options) as string;
      // The workbook's sheets are written into the export's own temporary folder first.
      if (String(prefix).includes('baobei-xlsx-')) fs.symlinkSync('/dev/full', path.join(dir, 'sheets.xlsx'));
      return dir;
    });
    try {
      const { job } = await exportThrough(t, t.admin, { filters: {} });
      expect(job.state).toBe('failed');
    } finally {
      spy.mockRestore();
    }
  }, 20_000);
});
