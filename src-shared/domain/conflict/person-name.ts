import { normalizeText } from '../text/normalize-text';
import { cleanCore } from './company-name';
import { chineseGenericWords } from './generic-words';
import { chineseLegalForms } from './legal-forms';
import { regionOf } from './region-lookup';

/**
 * The most common Chinese surnames (together well over 90 % of people) and compound surnames. A
 * customer's kind normally comes from the form; this list only lets a bare 2–4 character name without
 * company words be recognized as a person when it does not (imports, old data).
 */
const singleSurnames = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔',
    ...'钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊',
    ...'葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉',
    ...'骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米',
    ...'柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ],
);
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '申屠', '轩辕'];

/** A person's name as a comparison key: normalized (traditional → simplified, case), letters only. */
export function personNameKey(raw: string): string {
  return cleanCore(normalizeText(raw));
}

/**
 * Whether a name without a stated kind is a person's: 2–4 Chinese characters starting with a common
 * surname, and no legal form, industry word or region in it (张三, 欧阳娜娜; not 华为技术, 北京).
 */
export function looksLikePersonName(raw: string): boolean {
  const name = personNameKey(raw);
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return false;
  const surname = compoundSurnames.some((compound) => name.startsWith(compound) && name.length > 2) || singleSurnames.has(name.charAt(0));
  const companyWord = [...chineseLegalForms, ...chineseGenericWords].some((word) => name.includes(word));
  return surname && !companyWord && regionOf(name) === null;
}
