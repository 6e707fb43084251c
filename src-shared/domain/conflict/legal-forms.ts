/**
 * Legal-form suffixes: they say how a company is organized, not which one it is, and people drop or
 * change them (有限公司 / 有限责任公司, Ltd. / Limited). Longest first, so 集团有限公司 goes in one piece.
 */
export const chineseLegalForms: readonly string[] = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份合作公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '个人独资企业',
  '(特殊普通合伙)',
  '有限公司',
  '集团公司',
  '股份公司',
  '(有限合伙)',
  '(普通合伙)',
  '合伙企业',
  '个体工商户',
  '(个体工商户)',
  '(集团)',
  '总公司',
  '有限合伙',
  '工作室',
  '经营部',
  '门市部',
  '事务所',
  '公司',
  '集团',
  '商行',
  '工厂',
  '厂',
];

/** English legal-form words, matched as whole words at the end after dots and commas became spaces. */
export const latinLegalForms: ReadonlySet<string> = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'plc',
  'pte',
  'pty',
  'gmbh',
  'ag',
  'group',
]);

/** Parenthesized country of a subsidiary (西门子(中国)有限公司): not part of the name, and no region. */
export const droppedQualifiers: ReadonlySet<string> = new Set(['中国', 'china', 'prc']);
