import JSZip from 'jszip';
import { PassThrough, type Readable } from 'node:stream';
import { chartXml } from './chart-xml';
import { drawingXml, type AnchoredChart } from './drawing-xml';
import { CONTENT_TYPE, REL, addOverrides, addRelationship, insertDrawing, relsPathOf, sheetParts } from './package-parts';
import type { SheetCharts } from './types';

/**
 * Adds native charts to a finished .xlsx (exceljs writes none): a chart part per chart, a drawing
 * per sheet that anchors them, the relationships and content types that tie them in.
 *
 * Only the small parts change. Every other entry — above all a large data sheet — is copied as the
 * compressed bytes it already is (JSZip reuses an entry's deflated data when it was not touched), so
 * the large sheet's XML is never inflated into memory nor compressed twice.
 */
export async function addCharts(xlsx: Uint8Array, sheets: readonly SheetCharts[]): Promise<Readable> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (name: string): Promise<string | null> => (await zip.file(name)?.async('string')) ?? null;
  const required = async (name: string): Promise<string> => {
    const text = await read(name);
    if (text === null) throw new Error(`the workbook has no ${name}`);
    return text;
  };

  const partsOfSheets = sheetParts(await required('xl/workbook.xml'), await required('xl/_rels/workbook.xml.rels'));
  let nextChart = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawing = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const newParts: { partName: string; contentType: string }[] = [];

  for (const { sheet, charts } of sheets) {
    if (charts.length === 0) continue;
    const sheetPart = partsOfSheets.get(sheet);
    if (!sheetPart) throw new Error(`the workbook has no sheet named ${sheet}`);
    const drawingPart = `xl/drawings/drawing${nextDrawing++}.xml`;

    let drawingRels: string | null = null;
    const anchored: AnchoredChart[] = [];
    for (const chart of charts) {
      const chartPart = `xl/charts/chart${nextChart++}.xml`;
      zip.file(chartPart, chartXml(chart));
      newParts.push({ partName: `/${chartPart}`, contentType: CONTENT_TYPE.chart });
      const rel = addRelationship(drawingRels, REL.chart, `../charts/${chartPart.split('/').pop()}`);
      drawingRels = rel.xml;
      anchored.push({ relationshipId: rel.id, name: chart.title, ...chart.anchor });
    }
    zip.file(drawingPart, drawingXml(anchored));
    zip.file(relsPathOf(drawingPart), drawingRels as string);
    newParts.push({ partName: `/${drawingPart}`, contentType: CONTENT_TYPE.drawing });

    const sheetRelsPart = relsPathOf(sheetPart);
    const sheetRel = addRelationship(await read(sheetRelsPart), REL.drawing, `../drawings/${drawingPart.split('/').pop()}`);
    zip.file(sheetRelsPart, sheetRel.xml);
    zip.file(sheetPart, insertDrawing(await required(sheetPart), sheetRel.id));
  }

  zip.file('[Content_Types].xml', addOverrides(await required('[Content_Types].xml'), newParts));
  const generated = zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, streamFiles: true });
  // JSZip's stream is an old-style one (readable-stream 2): hand out a current Node stream instead.
  const out = new PassThrough();
  generated.on('error', (e: Error) => out.destroy(e));
  generated.pipe(out);
  return out;
}

/** One past the highest number of the existing parts that match, so new parts never overwrite one. */
function nextNumber(zip: JSZip, pattern: RegExp): number {
  let highest = 0;
  zip.forEach((name) => {
    const n = Number(pattern.exec(name)?.[1] ?? 0);
    if (n > highest) highest = n;
  });
  return highest + 1;
}
