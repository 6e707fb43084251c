import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { addCharts } from './add-charts';
import { columnLetters, quoteSheetName, rangeFormula } from './cell-ref';
import { chartXml } from './chart-xml';
import { addOverrides, addRelationship, insertDrawing, resolveTarget, sheetParts } from './package-parts';
import type { ChartSpec } from './types';
import { attributesOf } from './xml';

const stages = ['初步接触', '需求确认', '报价', '合同签订'];
const counts = [40, 25, 12, 5];

/** A funnel chart over '漏斗'!A2:A5 (names) and B2:B5 (counts), header in B1. */
function funnelChart(sheet = '漏斗'): ChartSpec {
  return {
    kind: 'bar',
    title: '销售漏斗',
    anchor: { from: { col: 4, row: 1 }, to: { col: 11, row: 18 } },
    valueFormat: '0',
    dataLabels: true,
    series: [
      {
        name: { sheet, from: { col: 1, row: 0 }, to: { col: 1, row: 0 }, cache: ['商机数'] },
        categories: { sheet, from: { col: 0, row: 1 }, to: { col: 0, row: 4 }, cache: stages },
        values: { sheet, from: { col: 1, row: 1 }, to: { col: 1, row: 4 }, cache: counts },
        color: '1677FF',
      },
    ],
  };
}

async function sampleWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const funnel = wb.addWorksheet('漏斗');
  funnel.addRow(['阶段', '商机数']);
  stages.forEach((s, i) => funnel.addRow([s, counts[i]]));
  const trend = wb.addWorksheet("Trend & 'Q1' 表");
  trend.addRow(['月份', '金额']);
  trend.addRow(['2026-01', 10]);
  trend.addRow(['2026-02', null]);
  trend.getCell('D1').value = { text: 'link', hyperlink: 'https://example.com' };
  wb.addWorksheet('明细').addRow(['x']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const relsOf = (xml: string) => [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributesOf(m[0]));

describe('cell references', () => {
  it('names columns and quotes every sheet name', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(quoteSheetName("O'Brien 销售")).toBe("'O''Brien 销售'");
    expect(rangeFormula({ sheet: '漏斗', from: { col: 1, row: 1 }, to: { col: 1, row: 4 } })).toBe("'漏斗'!$B$2:$B$5");
    expect(rangeFormula({ sheet: '漏斗', from: { col: 1, row: 0 }, to: { col: 1, row: 0 } })).toBe("'漏斗'!$B$1");
  });
});

describe('chart part', () => {
  it('binds series to cell ranges with cached values, funnel order on top', () => {
    const xml = chartXml(funnelChart());
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain("<c:f>&apos;漏斗&apos;!$A$2:$A$5</c:f>");
    expect(xml).toContain("<c:f>&apos;漏斗&apos;!$B$2:$B$5</c:f>");
    expect(xml).toContain('<c:strCache><c:ptCount val="4"/><c:pt idx="0"><c:v>初步接触</c:v></c:pt>');
    expect(xml).toContain('<c:pt idx="3"><c:v>5</c:v></c:pt>');
    expect(xml).toContain('<c:orientation val="maxMin"/>');
  });

  it('leaves empty cells out of the cache and refuses a cache that does not fit the range', () => {
    const line: ChartSpec = { ...funnelChart(), kind: 'line' };
    const s = line.series[0]!;
    const withGap = chartXml({ ...line, series: [{ ...s, values: { ...s.values, cache: [1, null, 3, 4] } }] });
    expect(withGap).toContain('<c:lineChart>');
    const cache = /<c:numCache>.*<\/c:numCache>/.exec(withGap)![0];
    expect(cache).toContain('<c:ptCount val="4"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="2">');
    expect(() => chartXml({ ...line, series: [{ ...s, values: { ...s.values, cache: [1, 2] } }] })).toThrow(/4 cells but 2/);
  });
});

describe('package parts', () => {
  it('adds relationships under fresh ids, to an existing part or a new one', () => {
    const first = addRelationship(null, 'T', '../drawings/drawing1.xml');
    expect(first.id).toBe('rId1');
    const second = addRelationship(first.xml, 'T', '../charts/chart1.xml');
    expect(second.id).toBe('rId2');
    expect(relsOf(second.xml).map((r) => r.get('Target'))).toEqual(['../drawings/drawing1.xml', '../charts/chart1.xml']);
    expect(addRelationship('<Relationships xmlns="x"/>', 'T', 'a').xml).toBe('<Relationships xmlns="x"><Relationship Id="rId1" Type="T" Target="a"/></Relationships>');
  });

  it('puts <drawing> after page setup and before legacy drawings', () => {
    const sheet = '<worksheet xmlns:r="r"><sheetData/><pageSetup/><headerFooter/><legacyDrawing r:id="rId1"/></worksheet>';
    expect(insertDrawing(sheet, 'rId2')).toBe('<worksheet xmlns:r="r"><sheetData/><pageSetup/><headerFooter/><drawing r:id="rId2"/><legacyDrawing r:id="rId1"/></worksheet>');
    expect(insertDrawing('<worksheet><sheetData/></worksheet>', 'rId1')).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    expect(() => insertDrawing('<worksheet><drawing r:id="rId1"/></worksheet>', 'rId2')).toThrow(/already has a drawing/);
  });

  it('resolves sheet targets, relative or absolute, and keeps declared content types', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    const parts = sheetParts(
      '<sheets><sheet name="A &amp; B" sheetId="1" r:id="rId3"/></sheets>',
      '<Relationships><Relationship Id="rId3" Type="t" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    expect([...parts]).toEqual([['A & B', 'xl/worksheets/sheet1.xml']]);
    const types = addOverrides('<Types><Override PartName="/a" ContentType="x"/></Types>', [
      { partName: '/a', contentType: 'y' },
      { partName: '/b', contentType: 'z' },
    ]);
    expect(types).toBe('<Types><Override PartName="/a" ContentType="x"/><Override PartName="/b" ContentType="z"/></Types>');
  });
});

describe('addCharts', () => {
  it('adds chart parts referenced from the drawings of the right sheets', async () => {
    const trendSheet = "Trend & 'Q1' 表";
    const trend: ChartSpec = {
      kind: 'line',
      title: '趋势',
      anchor: { from: { col: 3, row: 2 }, to: { col: 9, row: 16 } },
      series: [
        {
          name: { sheet: trendSheet, from: { col: 1, row: 0 }, to: { col: 1, row: 0 }, cache: ['金额'] },
          categories: { sheet: trendSheet, from: { col: 0, row: 1 }, to: { col: 0, row: 2 }, cache: ['2026-01', '2026-02'] },
          values: { sheet: trendSheet, from: { col: 1, row: 1 }, to: { col: 1, row: 2 }, cache: [10, null] },
        },
      ],
    };
    const out = await buffer(await addCharts(await sampleWorkbook(), [
      { sheet: '漏斗', charts: [funnelChart()] },
      { sheet: trendSheet, charts: [trend, { ...trend, kind: 'column', title: '柱' }] },
    ]));

    const zip = await JSZip.loadAsync(out);
    const text = async (name: string) => {
      const file = zip.file(name);
      if (!file) throw new Error(`missing ${name}`);
      return file.async('string');
    };
    const parts = sheetParts(await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels'));
    const chartsOfSheet = async (sheet: string) => {
      const sheetPart = parts.get(sheet)!;
      const sheetXml = await text(sheetPart);
      const drawingId = /<drawing r:id="(\w+)"\/>/.exec(sheetXml)?.[1];
      const sheetRels = relsOf(await text(`${sheetPart.replace('worksheets/', 'worksheets/_rels/')}.rels`));
      const drawingPart = resolveTarget(sheetPart, sheetRels.find((r) => r.get('Id') === drawingId)!.get('Target')!);
      const drawingXml = await text(drawingPart);
      const chartIds = [...drawingXml.matchAll(/<c:chart [^>]*r:id="(\w+)"/g)].map((m) => m[1]);
      const drawingRels = relsOf(await text(drawingPart.replace('drawings/', 'drawings/_rels/') + '.rels'));
      return Promise.all(chartIds.map((id) => text(resolveTarget(drawingPart, drawingRels.find((r) => r.get('Id') === id)!.get('Target')!))));
    };

    const funnelCharts = await chartsOfSheet('漏斗');
    expect(funnelCharts).toHaveLength(1);
    expect(funnelCharts[0]).toContain("&apos;漏斗&apos;!$B$2:$B$5");
    const trendCharts = await chartsOfSheet(trendSheet);
    expect(trendCharts.map((c) => /<c:(lineChart|barChart)>/.exec(c)?.[1])).toEqual(['lineChart', 'barChart']);
    expect(trendCharts[0]).toContain("&apos;Trend &amp; &apos;&apos;Q1&apos;&apos; 表&apos;!$B$2:$B$3");
    expect(await text(parts.get('明细')!)).not.toContain('<drawing');

    const types = await text('[Content_Types].xml');
    for (const part of ['/xl/charts/chart1.xml', '/xl/charts/chart2.xml', '/xl/charts/chart3.xml']) {
      expect(types).toContain(`<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    }
    expect(types).toContain('<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    // The hyperlink's relationship survives beside the new drawing.
    const trendRels = relsOf(await text(`${parts.get(trendSheet)!.replace('worksheets/', 'worksheets/_rels/')}.rels`));
    expect(trendRels.map((r) => r.get('Type')!.split('/').pop()).sort()).toEqual(['drawing', 'hyperlink']);

    // exceljs still reads the workbook and its values.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ArrayBuffer);
    expect(back.getWorksheet('漏斗')!.getCell('B5').value).toBe(5);
  });

  it('copies untouched entries as they were compressed', async () => {
    const input = await sampleWorkbook();
    const before = await JSZip.loadAsync(input);
    const detailPart = sheetParts(await before.file('xl/workbook.xml')!.async('string'), await before.file('xl/_rels/workbook.xml.rels')!.async('string')).get('明细')!;
    const out = await buffer(await addCharts(input, [{ sheet: '漏斗', charts: [funnelChart()] }]));
    const compressedOf = (zip: JSZip) => (zip.file(detailPart) as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
    expect(Buffer.from(compressedOf(await JSZip.loadAsync(out)))).toEqual(Buffer.from(compressedOf(before)));
  });

  it('names the sheet it cannot find', async () => {
    await expect(addCharts(await sampleWorkbook(), [{ sheet: '没有', charts: [funnelChart('没有')] }])).rejects.toThrow(/no sheet named 没有/);
  });
});
