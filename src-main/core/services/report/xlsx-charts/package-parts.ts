import path from 'node:path/posix';
import { XML_DECLARATION, attributesOf, escapeXml } from './xml';

// The Open Packaging Conventions bookkeeping around new parts: relationships, content types and the
// sheet's <drawing> element. Inputs are the small XML parts exceljs writes; none is a sheet's data.

export const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** `xl/worksheets/sheet2.xml` → `xl/worksheets/_rels/sheet2.xml.rels`. */
export const relsPathOf = (part: string) => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);

/** A relationship's target, resolved against the part that owns the relationship, as a zip path. */
export function resolveTarget(ownerPart: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : path.normalize(path.join(path.dirname(ownerPart), target));
}

/** Each sheet's name and the zip path of its part, in workbook order. */
export function sheetParts(workbookXml: string, workbookRelsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of workbookRelsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributesOf(match[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) targets.set(id, resolveTarget('xl/workbook.xml', target));
  }
  const sheets = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributesOf(match[0]);
    const name = a.get('name');
    const target = targets.get(a.get('r:id') ?? '');
    if (name !== undefined && target) sheets.set(name, target);
  }
  return sheets;
}

/** Adds a relationship to a .rels part (or starts one) under a fresh id. */
export function addRelationship(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  const existing = relsXml ?? `${XML_DECLARATION}<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const taken = new Set([...existing.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributesOf(m[0]).get('Id')));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  const xml = /<Relationships\b[^>]*\/>/.test(existing)
    ? existing.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${element}</Relationships>`)
    : existing.replace('</Relationships>', `${element}</Relationships>`);
  return { xml, id };
}

/** Declares the content type of new parts; a part already declared keeps its declaration. */
export function addOverrides(contentTypesXml: string, parts: readonly { partName: string; contentType: string }[]): string {
  const declared = new Set([...contentTypesXml.matchAll(/<Override\b[^>]*>/g)].map((m) => attributesOf(m[0]).get('PartName')));
  const added = parts
    .filter((p) => !declared.has(p.partName))
    .map((p) => `<Override PartName="${escapeXml(p.partName)}" ContentType="${escapeXml(p.contentType)}"/>`)
    .join('');
  return contentTypesXml.replace('</Types>', `${added}</Types>`);
}

// CT_Worksheet's elements that must come after <drawing>, in schema order.
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Puts `<drawing r:id>` into a sheet where the schema wants it: after page setup, before legacy drawings and tables. */
export function insertDrawing(sheetXml: string, relationshipId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error('the sheet already has a drawing; adding charts to it is not supported');
  const element = `<drawing r:id="${escapeXml(relationshipId)}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new Error('not a worksheet part');
  for (const name of AFTER_DRAWING) {
    const found = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (found >= 0 && found < at) at = found;
  }
  const withElement = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  return declareRelationshipsNamespace(withElement);
}

function declareRelationshipsNamespace(sheetXml: string): string {
  const root = /<worksheet\b[^>]*>/.exec(sheetXml);
  if (!root) throw new Error('not a worksheet part');
  if (root[0].includes('xmlns:r=')) return sheetXml;
  const declared = root[0].replace('<worksheet', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  return sheetXml.replace(root[0], declared);
}
