import type { CellPosition } from './types';
import { XML_DECLARATION, escapeXml } from './xml';

// The sheet's drawing part (xl/drawings/drawingN.xml, ECMA-376 Part 1 §20.5): one anchored graphic
// frame per chart, each pointing through the drawing's relationships at its chart part.

const NS =
  'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CHART_URI = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

export interface AnchoredChart {
  /** The relationship id of the chart in the drawing's .rels. */
  relationshipId: string;
  name: string;
  from: CellPosition;
  to: CellPosition;
}

const marker = (tag: 'from' | 'to', p: CellPosition) =>
  `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

function anchor(chart: AnchoredChart, index: number): string {
  // Shape ids only need to be unique within the drawing; 1 is conventionally left to the drawing itself.
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', chart.from)}${marker('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_URI}"><c:chart xmlns:c="${CHART_URI}" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${escapeXml(chart.relationshipId)}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

export function drawingXml(charts: readonly AnchoredChart[]): string {
  return `${XML_DECLARATION}<xdr:wsDr ${NS}>${charts.map(anchor).join('')}</xdr:wsDr>`;
}
