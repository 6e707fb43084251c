import type { ImportField } from '../../../../../src-shared/contract/import';
import { normalizeLabel } from './normalize-label';

/**
 * Headers other systems and spreadsheets use for each field, in Chinese (the seed's table first) and
 * English, compared after normalizeLabel. `deal_stage` is a status: other CRMs' deal stages include
 * Won and Lost.
 */
const aliases: Record<ImportField, readonly string[]> = {
  customerName: ['客户姓名', '客户名称', '客户', '客户名', '公司名称', '企业名称', '单位名称', '公司', 'customerName', 'customer', 'company', 'companyName', 'account', 'accountName', 'client'],
  customerKind: ['客户类型', '客户类别', 'customerKind', 'customerType', 'kind'],
  contactPerson: ['联系人', '联系人姓名', '对接人', 'contactPerson', 'contactName', 'contact'],
  contact: ['联系方式', '联系信息', 'contactInfo', 'contactInformation', 'contactDetails'],
  phones: ['电话', '手机', '手机号', '手机号码', '联系电话', '固定电话', '座机', '电话号码', 'phone', 'phones', 'mobile', 'tel', 'telephone', 'phoneNumber'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', 'email', 'e-mail', 'mail', 'emailAddress'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'creditCode', 'unifiedSocialCreditCode'],
  region: ['地区', '区域', '所在地区', '省市', '所在地', 'region', 'area', 'province'],
  needDescription: ['需求描述', '需求', '需求说明', '客户需求', 'needDescription', 'need', 'needs', 'requirement', 'description'],
  budget: ['采购预算', '预算', '预算金额', '预计金额', 'budget', 'estimatedValue', 'expectedValue'],
  expectedCloseDate: ['预期成交时间', '预计成交时间', '预期成交日期', '预计成交日期', '预计签约时间', 'expectedCloseDate', 'expectedClose'],
  closedAt: ['成交日期', '成交时间', '关闭日期', '结单日期', '签约日期', 'closeDate', 'closedAt', 'closedDate', 'dateClosed'],
  submittedAt: ['报备日期', '报备时间', '登记日期', '登记时间', '创建日期', '创建时间', 'submittedAt', 'createdAt', 'createdDate', 'engageDate', 'openDate'],
  stage: ['跟进状态', '跟进阶段', '阶段', '销售阶段', '商机阶段', 'stage', 'salesStage'],
  status: ['状态', '报备状态', '审核状态', '商机状态', 'status', 'state', 'dealStage', 'dealStatus'],
  owner: ['销售', '销售人员', '销售员', '负责人', '销售代表', '业务员', '归属销售', '报备人', 'owner', 'salesperson', 'salesAgent', 'salesRep', 'sales', 'agent'],
  sourceChannel: ['渠道', '来源', '来源渠道', '客户来源', '商机来源', 'sourceChannel', 'channel', 'source', 'leadSource'],
  productLine: ['产品', '产品线', '产品名称', '意向产品', 'productLine', 'product'],
  finalAmount: ['成交金额', '合同金额', '最终金额', '签约金额', 'finalAmount', 'closeValue', 'dealValue', 'wonAmount', 'amount'],
  lostReason: ['输单原因', '丢单原因', '失败原因', 'lostReason', 'lossReason'],
  // Not 序号 or a bare "id": those number a sheet's rows, and two unrelated files would collide.
  externalId: ['商机编号', '外部编号', '原系统编号', 'externalId', 'opportunityId', 'dealId'],
};

const byLabel = new Map<string, ImportField>(
  (Object.entries(aliases) as [ImportField, readonly string[]][]).flatMap(([field, labels]) => labels.map((l) => [normalizeLabel(l), field] as const)),
);

/** The field a header names, if it is a known one. */
export const fieldOfHeader = (header: string): ImportField | undefined => byLabel.get(normalizeLabel(header));

/** A header that says its amounts are in 万元 (ten thousand yuan), the usual unit of Chinese budgets. */
export const isTenThousandHeader = (header: string): boolean => /万元?/.test(header.normalize('NFKC'));
