import type { Random } from './random';

/**
 * The parts of Chinese names. A company name is region + 字号 + industry + legal form (the way the
 * registration rules build it), so the demo's names parse the way real ones do.
 */
const tradeNameCharacters = [
  ...'星辰云帆华信汇通鼎盛博远恒达宏图天成金石瑞丰海纳正元凯旋锦程嘉禾同启明东新锐卓越君永泰和德胜辉光利群美佳盈润泽融聚力鸿运晨曦蓝翔宇航腾飞万象九州银河北斗长城昊天乐易捷优视源峰岳川立诚嘉晟睿思弘毅致远品艺匠心青松翠柏祥瑞福禄安康宁泽益众普惠泓澄',
];

/** 字号 of two characters mostly, as most are; some of three or four. */
export function tradeName(rng: Random): string {
  const length = rng.weighted([
    [2, 70],
    [3, 22],
    [4, 8],
  ]);
  let name = '';
  while (name.length < length) {
    const ch = rng.pick(tradeNameCharacters);
    if (!name.includes(ch)) name += ch;
  }
  return name;
}

/** Industry words (行业表述): every one of them a generic word, so the 字号 alone stays distinctive. */
export const industries = [
  '科技',
  '信息技术',
  '网络科技',
  '软件',
  '电子',
  '智能科技',
  '数字科技',
  '贸易',
  '商贸',
  '实业',
  '医疗器械',
  '生物科技',
  '建设工程',
  '建材',
  '物流',
  '供应链管理',
  '环保科技',
  '新能源',
  '教育科技',
  '文化传媒',
  '食品',
  '机械设备',
  '精密机械',
  '自动化设备',
  '化工',
  '包装材料',
  '餐饮管理',
  '酒店管理',
  '汽车服务',
  '电气',
] as const;

export const legalForms: readonly (readonly [string, number])[] = [
  ['有限公司', 62],
  ['有限责任公司', 16],
  ['股份有限公司', 12],
  ['集团有限公司', 4],
  ['合伙企业(有限合伙)', 1],
  ['经营部', 2],
  ['工作室', 3],
];

const surnames: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 55], ['陈', 46], ['杨', 32], ['黄', 24], ['赵', 22], ['吴', 20], ['周', 20],
  ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 12], ['林', 11], ['高', 11], ['罗', 10],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['蒋', 5], ['蔡', 5], ['余', 5],
  ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4], ['姚', 3],
  ['欧阳', 1], ['司马', 0.3], ['诸葛', 0.2],
];

const givenCharacters = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建国文辉力鹏飞宇浩然子涵欣怡梓轩晨曦思远佳琪俊杰志强海燕丹丹雪梅立新晓东春生秋菊冬梅嘉怡博文一鸣天佑若曦雨萱诗涵',
];

export interface PersonName {
  surname: string;
  full: string;
}

export function personName(rng: Random): PersonName {
  const surname = rng.weighted(surnames);
  const given = rng.chance(0.3) ? rng.pick(givenCharacters) : `${rng.pick(givenCharacters)}${rng.pick(givenCharacters)}`;
  return { surname, full: `${surname}${given}` };
}

/** How a business card names the contact: 陈立新, or 陈经理 when only the title was noted. */
export const contactTitles = ['经理', '总', '主任', '工', '老师', '主管'] as const;
