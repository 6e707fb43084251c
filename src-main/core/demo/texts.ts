import type { Stage } from '../../../src-shared/contract/registrations';
import type { Criterion } from '../../../src-shared/domain/review/checks';
import type { Random } from './random';

/** What the office sells, with the budget range (yuan) a deal of that kind usually has. */
export interface ProductLine {
  name: string;
  minYuan: number;
  maxYuan: number;
  needs: readonly string[];
}

/** `{n}` becomes a quantity that fits the product. */
export const productLines: readonly ProductLine[] = [
  {
    name: '办公设备',
    minYuan: 20_000,
    maxYuan: 800_000,
    needs: ['采购 {n} 台办公电脑及三年上门维保服务', '更换全部打印复印设备，共 {n} 台，含耗材包年', '新办公区 {n} 个工位的电脑、显示器和会议室设备'],
  },
  {
    name: '网络设备',
    minYuan: 50_000,
    maxYuan: 3_000_000,
    needs: ['总部园区网络改造，核心交换机及 {n} 台接入交换机', '分支机构组网，{n} 个站点 SD-WAN 互联', '全楼无线覆盖，约 {n} 个 AP 及统一认证'],
  },
  {
    name: '软件系统',
    minYuan: 100_000,
    maxYuan: 5_000_000,
    needs: ['上线 ERP 系统，覆盖采购、库存与财务，约 {n} 个用户', '客户关系管理系统实施，销售团队 {n} 人使用', '生产执行系统（MES）一期，{n} 条产线'],
  },
  {
    name: '云服务',
    minYuan: 30_000,
    maxYuan: 1_200_000,
    needs: ['业务系统迁移上云，约 {n} 台虚拟机，三年合同', '对象存储与备份服务，容量约 {n} TB', '视频会议及协同办公平台，{n} 个账号'],
  },
  {
    name: '安防监控',
    minYuan: 50_000,
    maxYuan: 2_000_000,
    needs: ['厂区视频监控改造，{n} 路高清摄像头及存储', '门禁与访客管理系统，{n} 个出入口', '仓库智能安防及消防联动，覆盖 {n} 个库区'],
  },
  {
    name: '数据中心',
    minYuan: 500_000,
    maxYuan: 20_000_000,
    needs: ['新建机房，{n} 个机柜及配电制冷', '服务器扩容 {n} 台及存储阵列，含五年维保', '灾备中心建设，{n} 套核心业务系统双活'],
  },
  {
    name: '工业自动化',
    minYuan: 200_000,
    maxYuan: 8_000_000,
    needs: ['产线自动化改造，{n} 台工业机器人及视觉检测', '车间设备联网与数据采集，{n} 台设备', 'PLC 控制系统升级，{n} 个工位'],
  },
  {
    name: '培训服务',
    minYuan: 10_000,
    maxYuan: 300_000,
    needs: ['中层管理者领导力培训，{n} 人，为期三个月', '全员信息安全意识培训及考核，{n} 人', '新员工入职培训体系搭建，年培训 {n} 人'],
  },
];

export function needDescription(rng: Random, line: ProductLine): string {
  return rng.pick(line.needs).replace('{n}', String(rng.pick([5, 8, 10, 12, 20, 30, 50, 60, 80, 100, 120, 200, 300, 500])));
}

/** Log-uniform within the line's range, rounded as people round budgets: to 1,000 yuan. */
export function budgetYuan(rng: Random, line: ProductLine): number {
  const yuan = Math.exp(rng.between(Math.log(line.minYuan), Math.log(line.maxYuan)));
  return Math.max(1_000, Math.round(yuan / 1_000) * 1_000);
}

export const sourceChannels: readonly (readonly [string, number])[] = [
  ['老客户介绍', 22],
  ['电话开发', 18],
  ['官网咨询', 14],
  ['展会', 12],
  ['渠道合作伙伴', 12],
  ['招投标', 10],
  ['上门拜访', 8],
  ['社交媒体', 4],
];

/** Why a deal lost for 其他 (other), in the comment beside the reason. */
export const otherLostComments = ['客户公司重组，项目搁置', '客户改为集团统一采购', '项目被合并到明年计划', '客户内部自研'];

/** A reviewer's reason with the review criterion (domain/review/checks.ts) it failed. */
export interface ReviewReason {
  reason: string;
  criterion: Criterion;
}

export const rivalRejection: ReviewReason = { reason: '撞单：该客户已由同事报备跟进', criterion: 'customerInfo' };
export const rejectionReasons: readonly ReviewReason[] = [
  { reason: '非目标客户，不在公司业务范围内', criterion: 'needClear' },
  { reason: '客户信息无法核实，请勿重复提交', criterion: 'customerInfo' },
  { reason: '预算与需求明显不符', criterion: 'budgetReasonable' },
];
export const returnReasons: readonly ReviewReason[] = [
  { reason: '请补充统一社会信用代码', criterion: 'customerInfo' },
  { reason: '预算金额请与客户再次确认', criterion: 'budgetReasonable' },
  { reason: '需求描述过于简略，请补充具体数量和范围', criterion: 'needClear' },
  { reason: '预计成交时间与所处阶段不符，请调整', criterion: 'closeDateRealistic' },
];
export const adjudicationJustifications = [
  '客户采购部主动联系我，原报备同事三个月未跟进',
  '该客户为集团下属子公司，独立预算独立采购',
  '客户明确表示只与我方此前对接的团队合作',
];
export const extensionReasons = ['客户预算审批延后，需要更多时间', '客户内部采购流程较长，预计下月招标', '项目方案调整，客户要求重新报价'];

export type FollowUpKind = 'call' | 'email' | 'visit' | 'meeting' | 'message' | 'other';
export const followUpKinds: readonly (readonly [FollowUpKind, number])[] = [
  ['call', 38],
  ['message', 20],
  ['visit', 15],
  ['email', 12],
  ['meeting', 10],
  ['other', 5],
];

const followUpTexts: Record<Stage, readonly string[]> = {
  initial_contact: ['首次电话沟通，了解客户现状和采购意向', '添加客户微信，发送公司介绍和案例资料', '拜访客户，与 IT 负责人初步交流需求'],
  needs_confirmed: ['与客户确认需求清单和预算范围', '组织技术交流会，客户提出三点具体要求', '客户反馈需求调研问卷，已整理成方案初稿'],
  quotation: ['提交正式报价单，客户表示需内部比价', '根据客户意见调整配置，重新报价', '与采购部谈判付款方式和交付周期'],
  contract_signed: ['合同条款确认完毕，等待客户盖章', '合同已签订，安排交付启动会', '客户付款首期款，项目进入实施'],
};
const outcomes = ['客户反馈积极', '需等待客户内部审批', '客户要求补充资料', '约定下周再沟通', '客户对价格有顾虑'];
const nextActions = ['发送补充资料', '预约上门拜访', '准备技术方案', '跟进报价反馈', '确认合同细节'];

export function followUpText(rng: Random, stage: Stage): { content: string; outcome: string | null; nextAction: string | null } {
  return {
    content: rng.pick(followUpTexts[stage]),
    outcome: rng.chance(0.7) ? rng.pick(outcomes) : null,
    nextAction: rng.chance(0.6) ? rng.pick(nextActions) : null,
  };
}
