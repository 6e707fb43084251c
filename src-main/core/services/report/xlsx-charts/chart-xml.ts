import { rangeFormula, rangeLength } from './cell-ref';
import type { ChartSpec, RangeRef, SeriesSpec } from './types';
import { XML_DECLARATION, escapeXml } from './xml';

// DrawingML chart parts (ECMA-376 Part 1, §21.2). Child elements must follow the schema's order
// exactly: Excel refuses a chart whose elements are out of order, where LibreOffice forgives it.

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CATEGORY_AXIS_ID = 500100;
const VALUE_AXIS_ID = 500200;

function checkedCache<V>(range: RangeRef<V & (string | number | null)>): readonly V[] {
  const length = rangeLength(range);
  if (range.cache.length !== length) throw new RangeError(`${rangeFormula(range)} holds ${length} cells but ${range.cache.length} cached values`);
  return range.cache as readonly V[];
}

function strRef(range: RangeRef<string>): string {
  const values = checkedCache(range);
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(rangeFormula(range))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(range: RangeRef<number | null>, formatCode: string): string {
  const values = checkedCache(range);
  // An empty cell has no point in the cache: the chart shows a gap, as Excel itself writes it.
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('');
  return `<c:numRef><c:f>${escapeXml(rangeFormula(range))}</c:f><c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

const solidFill = (color: string) => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;

function seriesShape(kind: ChartSpec['kind'], color: string | undefined): string {
  if (!color) return '';
  if (kind === 'line') return `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(color)}<a:round/></a:ln></c:spPr>`;
  return `<c:spPr>${solidFill(color)}</c:spPr>`;
}

function dataLabels(spec: ChartSpec, formatCode: string): string {
  if (!spec.dataLabels) return '';
  const position = spec.kind === 'line' ? 't' : 'outEnd';
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeXml(formatCode)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

function series(spec: ChartSpec, s: SeriesSpec, index: number, formatCode: string): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(s.name)}</c:tx>${seriesShape(spec.kind, s.color)}`;
  const data = `<c:cat>${strRef(s.categories)}</c:cat><c:val>${numRef(s.values, formatCode)}</c:val>`;
  if (spec.kind === 'line') {
    const marker = `<c:marker><c:symbol val="circle"/><c:size val="5"/>${s.color ? `<c:spPr>${solidFill(s.color)}</c:spPr>` : ''}</c:marker>`;
    return `<c:ser>${head}${marker}${dataLabels(spec, formatCode)}${data}<c:smooth val="0"/></c:ser>`;
  }
  return `<c:ser>${head}<c:invertIfNegative val="0"/>${dataLabels(spec, formatCode)}${data}</c:ser>`;
}

function plot(spec: ChartSpec, formatCode: string): string {
  const all = spec.series.map((s, i) => series(spec, s, i, formatCode)).join('');
  const axes = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  if (spec.kind === 'line') {
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${all}<c:marker val="1"/>${axes}</c:lineChart>`;
  }
  const direction = spec.kind === 'bar' ? 'bar' : 'col';
  return `<c:barChart><c:barDir val="${direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${all}<c:gapWidth val="60"/>${axes}</c:barChart>`;
}

function axes(spec: ChartSpec, formatCode: string): string {
  const horizontal = spec.kind === 'bar';
  // Horizontal bars list categories bottom-up by default; maxMin puts the first one on top, so a
  // funnel reads from its widest stage downwards. The value axis then moves to the top.
  const categoryOrientation = horizontal ? 'maxMin' : 'minMax';
  const categoryPosition = horizontal ? 'l' : 'b';
  const valuePosition = horizontal ? 't' : 'l';
  const category =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="${categoryOrientation}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const value =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valuePosition}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(formatCode)}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return category + value;
}

function title(text: string, language: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="${escapeXml(language)}" sz="1400" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
  );
}

/** The chart part (xl/charts/chartN.xml) for one chart. */
export function chartXml(spec: ChartSpec): string {
  if (spec.series.length === 0) throw new RangeError(`chart "${spec.title}" has no series`);
  const formatCode = spec.valueFormat ?? 'General';
  const language = spec.language ?? 'zh-CN';
  const legend = spec.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `${XML_DECLARATION}<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="${escapeXml(language)}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, language)}<c:plotArea><c:layout/>${plot(spec, formatCode)}${axes(spec, formatCode)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>'
  );
}
