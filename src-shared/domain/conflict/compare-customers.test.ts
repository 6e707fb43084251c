import { describe, expect, it } from 'vitest';
import { compareCustomers, type ConflictLevel, type SignalReason } from './compare-customers';
import { customerKeys, type CustomerInput } from './customer-keys';

type Side = string | CustomerInput;
type Case = [description: string, a: Side, b: Side, level: ConflictLevel | null, reasons: SignalReason[]];

const input = (side: Side): CustomerInput => (typeof side === 'string' ? { name: side } : side);
const company = (name: string, extra: Omit<CustomerInput, 'name'> = {}): CustomerInput => ({ name, kind: 'company', ...extra });
const person = (name: string, extra: Omit<CustomerInput, 'name'> = {}): CustomerInput => ({ name, kind: 'person', ...extra });

const usccA = '914403001922038216';
const usccB = '91330100799655058B';

const cases: Case[] = [
  // the same company written differently → block on the name
  ['traditional vs simplified', '騰訊科技（深圳）有限公司', '腾讯科技(深圳)有限公司', 'block', ['name']],
  ['Taiwan traditional', '臺灣積體電路製造股份有限公司', '台湾积体电路制造股份有限公司', 'block', ['name']],
  ['Hong Kong traditional', '香港鐵路有限公司', '香港铁路有限公司', 'block', ['name']],
  ['region in parentheses vs as prefix', '腾讯科技（深圳）有限公司', '深圳腾讯科技有限公司', 'block', ['name']],
  ['市 suffix vs parentheses', '深圳市腾讯计算机系统有限公司', '腾讯计算机系统(深圳)有限公司', 'block', ['name']],
  ['province and city prefix vs city prefix', '广东省深圳市华强电子有限公司', '深圳华强电子有限公司', 'block', ['name']],
  ['autonomous region full name', '广西壮族自治区柳州五菱汽车有限公司', '广西柳州五菱汽车有限公司', 'block', ['name']],
  ['word-like region with and without 市', '中山市华利实业有限公司', '中山华利实业有限公司', 'block', ['name']],
  ['full-width letters and spaces', '深圳市　大疆创新科技　有限公司', '深圳市大疆创新科技有限公司', 'block', ['name']],
  ['zero-width space', '字节\u200b跳动科技有限公司', '字节跳动科技有限公司', 'block', ['name']],
  ['BOM, word joiner and bidi marks', '\ufeff\u202a北京字节\u2060跳动科技有限公司\u202c\u200e', '北京字节跳动科技有限公司', 'block', ['name']],
  ['【】 brackets', '中国平安保险【集团】股份有限公司', '中国平安保险（集团）股份有限公司', 'block', ['name']],
  ['〔〕 brackets', '腾讯科技〔深圳〕有限公司', '腾讯科技(深圳)有限公司', 'block', ['name']],
  ['有限公司 vs 有限责任公司', '北京百度网讯科技有限公司', '北京百度网讯科技有限责任公司', 'block', ['name']],
  ['有限责任公司 vs 股份有限公司', '小米科技有限责任公司', '小米科技股份有限公司', 'block', ['name']],
  ['(中国) qualifier', '阿里巴巴（中国）有限公司', '阿里巴巴有限公司', 'block', ['name']],
  ['English: Limited vs LTD.', 'Alibaba Group Holding Limited', 'ALIBABA GROUP HOLDING LTD.', 'block', ['name']],
  ['English: Co., Ltd. vs Company Limited', 'Tencent Technology (Shenzhen) Co., Ltd.', 'TENCENT TECHNOLOGY (SHENZHEN) COMPANY LIMITED', 'block', ['name']],
  ['English: Inc. vs INC', 'Apple Inc.', 'APPLE INC', 'block', ['name']],
  ['English full-width', 'ＡＰＰＬＥ　ＩＮＣ．', 'Apple Inc.', 'block', ['name']],

  // the same core, compatible regions → block
  ['core with region vs without', '腾讯科技(深圳)有限公司', '腾讯科技有限公司', 'block', ['coreRegion']],
  ['city vs its province', '广东华强电子有限公司', '深圳市华强电子有限公司', 'block', ['coreRegion']],
  ['autonomous region vs none', '内蒙古伊利实业集团股份有限公司', '伊利实业集团有限公司', 'block', ['coreRegion']],
  ['English region prefix vs none', 'Beijing ByteDance Technology Co., Ltd.', 'ByteDance Technology Co Ltd', 'block', ['coreRegion']],
  ['abbreviation: the trade name alone', company('腾讯'), '腾讯科技（深圳）有限公司', 'block', ['tradeName']],
  ['abbreviation of a branch', '华为上海分公司', '华为技术有限公司上海分公司', 'block', ['tradeName']],

  // possibly the same → warn
  ['same core, different cities', '腾讯科技（北京）有限公司', '腾讯科技（深圳）有限公司', 'warn', ['coreRegion']],
  ['same core, different provinces', '浙江华强电子有限公司', '深圳市华强电子有限公司', 'warn', ['coreRegion']],
  ['same trade name, different industry', '星辰科技有限公司', '星辰贸易有限公司', 'warn', ['tradeName']],
  ['sister companies', '深圳市腾讯计算机系统有限公司', '腾讯科技（深圳）有限公司', 'warn', ['tradeName']],
  ['homophone typo 辰/晨', '星辰科技有限公司', '星晨科技有限公司', 'warn', ['similarName']],
  ['homophone typo 巴/吧', '阿里巴巴网络技术有限公司', '阿里吧吧网络技术有限公司', 'warn', ['similarName']],
  ['traditional with homophone typo 訊/迅', '騰訊科技有限公司', '腾迅科技有限公司', 'warn', ['similarName']],
  ['one character off in a 4-character trade name', '字节跳动科技有限公司', '字节跳跃科技有限公司', 'warn', ['similarName']],
  ['one name extends the other', '美的集团股份有限公司', '广东美的制冷设备有限公司', 'warn', ['similarName']],
  ['English vs pinyin of the Chinese name', 'Alibaba Group', '阿里巴巴集团', 'warn', ['similarName']],
  ['English typo', 'Alibaba Holding Ltd', 'Alibeba Holding Ltd', 'warn', ['similarName']],
  ['English word inserted (trigram Jaccard)', 'Procter Gamble Co', 'Procter and Gamble Co', 'warn', ['similarName']],
  ['branch vs its company', '华为技术有限公司上海分公司', '华为技术有限公司', 'warn', ['branch']],
  ['branch in parentheses vs its company', '招商银行股份有限公司(深圳分行)', '招商银行股份有限公司', 'warn', ['branch']],

  // different customers → nothing
  ['generic-only cores in different regions', '北京科技有限公司', '上海科技有限公司', null, []],
  ['generic-only cores in the same region', '北京科技有限公司', '北京市科技发展有限公司', null, []],
  ['generic words only', '科技有限公司', '信息技术有限公司', null, []],
  ['banks named by generic words', '中国建设银行股份有限公司', '中国农业银行股份有限公司', null, []],
  ['2-character trade names one character apart', '腾讯科技有限公司', '腾达科技有限公司', null, []],
  ['unrelated companies', '华为技术有限公司', '华润置地有限公司', null, []],
  ['similar names in different cities', '星辰科技(北京)有限公司', '星晨科技(上海)有限公司', null, []],
  ['two branches of one company', '华为技术有限公司上海分公司', '华为技术有限公司北京分公司', null, []],
  ['two sub-branches of one bank', '中国工商银行股份有限公司北京朝阳支行', '中国工商银行股份有限公司北京海淀支行', null, []],
  ['same branch written with 市', '华为技术有限公司上海分公司', '华为技术有限公司上海市分公司', 'block', ['name']],
  ['same branch, parentheses vs suffix', '招商银行股份有限公司深圳分行', '招商银行股份有限公司（深圳分行）', 'block', ['name']],

  // persons: the exact name only, and only as a warning
  ['same person', '张三', '张三', 'warn', ['personName']],
  ['same person, traditional', person('张伟'), person('張偉'), 'warn', ['personName']],
  ['compound surname', '欧阳娜娜', '欧阳娜娜', 'warn', ['personName']],
  ['similar person names never match', '张三', '张珊', null, []],
  ['a longer name is another person', '张三', '张三丰', null, []],
  ['same name in different cities', person('李娜', { region: '北京' }), person('李娜', { region: '广州市' }), null, []],
  ['same name, province and its city', person('李娜', { region: '广东省' }), person('李娜', { region: '广东省深圳市南山区' }), 'warn', ['personName']],
  ['same name and phone', person('王芳', { phones: ['13912345678'] }), person('王芳', { phones: ['+86 139 1234 5678'] }), 'block', ['phone', 'personName']],
  ['a person vs a company of the same words', person('王芳'), company('王芳科技有限公司'), null, []],

  // phones
  ['same mobile, different formats', company('上海明远贸易有限公司', { phones: ['+86 138-1234-5678'] }), company('苏州恒达机械有限公司', { phones: ['13812345678'] }), 'block', ['phone']],
  ['same landline, parentheses vs hyphens', company('上海明远贸易有限公司', { phones: ['(021)52345678'] }), company('苏州恒达机械有限公司', { phones: ['021-5234-5678'] }), 'block', ['phone']],
  ['same landline, one with extension', company('杭州云帆网络科技有限公司', { phones: ['0571-88888888转801'] }), company('宁波远航电子有限公司', { phones: ['0571 8888 8888'] }), 'block', ['phone']],
  ['same landline, +86 without trunk zero', company('北京华彩文化传媒有限公司', { phones: ['+86 10 6234 5678'] }), company('天津新港物流有限公司', { phones: ['010-62345678'] }), 'block', ['phone']],
  ['one shared number among several', company('上海明远贸易有限公司', { phones: ['13800000001', '021-52345678'] }), company('苏州恒达机械有限公司', { phones: ['13900000002', '02152345678'] }), 'block', ['phone']],
  ['different numbers', company('上海明远贸易有限公司', { phones: ['13812345678'] }), company('苏州恒达机械有限公司', { phones: ['13812345679'] }), null, []],
  ['invalid numbers are no evidence', company('上海明远贸易有限公司', { phones: ['12345'] }), company('苏州恒达机械有限公司', { phones: ['12345'] }), null, []],
  ['generic-only names but the same phone', company('北京科技有限公司', { phones: ['13812345678'] }), company('上海科技有限公司', { phones: ['13812345678'] }), 'block', ['phone']],

  // emails
  ['same email, case and +tag', company('深圳市大疆创新科技有限公司', { emails: ['Li.Ming+crm@DJI.com'] }), company('大疆', { emails: ['li.ming@dji.com'] }), 'block', ['tradeName', 'email']],
  ['same email, unrelated names', company('上海明远贸易有限公司', { emails: ['buyer@mingyuan.cn'] }), company('苏州恒达机械有限公司', { emails: ['BUYER@mingyuan.cn'] }), 'block', ['email']],
  ['same email, full-width ＠', company('上海明远贸易有限公司', { emails: ['ｓａｌｅｓ＠ｍｉｎｇｙｕａｎ．ｃｎ'] }), company('苏州恒达机械有限公司', { emails: ['sales@mingyuan.cn'] }), 'block', ['email']],
  ['same free-mail address', person('赵磊', { emails: ['zhaolei@163.com'] }), person('赵雷', { emails: ['ZhaoLei@163.com'] }), 'block', ['email']],
  ['same company domain and trade name', company('上海明远贸易有限公司', { emails: ['li@mingyuan.cn'] }), company('明远国际贸易有限公司', { emails: ['wang@mingyuan.cn'] }), 'warn', ['tradeName', 'emailDomain']],
  ['same company domain, unrelated names', company('上海明远贸易有限公司', { emails: ['li@mingyuan.cn'] }), company('苏州恒达机械有限公司', { emails: ['wang@mingyuan.cn'] }), 'warn', ['emailDomain']],
  ['qq.com is no company domain', company('上海明远贸易有限公司', { emails: ['12345@qq.com'] }), company('苏州恒达机械有限公司', { emails: ['67890@qq.com'] }), null, []],
  ['gmail.com is no company domain', company('Acme Trading Ltd', { emails: ['a@gmail.com'] }), company('Globex Ltd', { emails: ['b@gmail.com'] }), null, []],
  ['163.com is no company domain', company('上海明远贸易有限公司', { emails: ['a@163.com'] }), company('苏州恒达机械有限公司', { emails: ['b@163.com'] }), null, []],

  // USCC
  ['same USCC, renamed company', company('北京小桔科技有限公司', { uscc: usccA }), company('滴滴出行科技有限公司', { uscc: usccA }), 'block', ['uscc']],
  ['same USCC, formatting differs', company('上海明远贸易有限公司', { uscc: '91330100799655058b' }), company('明远贸易', { uscc: '9133 0100 7996 5505 8B' }), 'block', ['uscc', 'coreRegion']],
  ['same USCC and name', company('华为技术有限公司', { uscc: usccA }), company('华为技术有限公司', { uscc: usccA }), 'block', ['uscc', 'name']],
  ['different USCCs: a name match is only a warning', company('腾讯科技(深圳)有限公司', { uscc: usccA }), company('腾讯科技(深圳)有限公司', { uscc: usccB }), 'warn', ['name']],
  ['an invalid USCC is no evidence', company('上海明远贸易有限公司', { uscc: '91350100M000100Y44' }), company('苏州恒达机械有限公司', { uscc: '91350100M000100Y44' }), null, []],
  ['one USCC missing: the name decides', company('华为技术有限公司', { uscc: usccA }), company('华为技术有限公司'), 'block', ['name']],

  // several signals: the level is the strongest
  ['similar name and company domain', company('星辰科技有限公司', { emails: ['li@xingchen.com'] }), company('星晨科技有限公司', { emails: ['wang@xingchen.com'] }), 'warn', ['similarName', 'emailDomain']],
  ['branch warning and shared phone', company('华为技术有限公司上海分公司', { phones: ['021-52345678'] }), company('华为技术有限公司', { phones: ['02152345678'] }), 'block', ['phone', 'branch']],
];

describe('compareCustomers: pairs of customers', () => {
  it('has a table of at least 60 pairs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%s: %j vs %j → %s', (_, a, b, level, reasons) => {
    const keysA = customerKeys(input(a));
    const keysB = customerKeys(input(b));
    const forward = compareCustomers(keysA, keysB);
    expect({ level: forward.level, reasons: forward.signals.map((s) => s.reason) }).toEqual({ level, reasons });
    expect(compareCustomers(keysB, keysA)).toEqual(forward);
  });
});
