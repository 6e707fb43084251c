import { describe, expect, it } from 'vitest';
import { parseCompanyName } from './company-name';

describe('parseCompanyName', () => {
  it.each([
    ['深圳市腾讯计算机系统有限公司', '深圳', '腾讯计算机系统', '腾讯'],
    ['腾讯科技（深圳）有限公司', '深圳', '腾讯科技', '腾讯'],
    ['北京字节跳动科技有限公司', '北京', '字节跳动科技', '字节跳动'],
    ['广东省深圳市华强电子有限公司', '深圳', '华强电子', '华强'],
    ['内蒙古伊利实业集团股份有限公司', '内蒙古', '伊利实业', '伊利'],
    ['广西壮族自治区柳州五菱汽车有限公司', '柳州', '五菱汽车', '五菱'],
    ['延边朝鲜族自治州长白山旅游有限公司', '延边', '长白山旅游', '长白山'],
    ['中国平安保险（集团）股份有限公司', null, '中国平安保险', '平安'],
    ['阿里巴巴集团控股有限公司', null, '阿里巴巴集团控股', '阿里巴巴'],
    ['西门子（中国）有限公司', null, '西门子', '西门子'],
    ['北京科技有限公司', '北京', '科技', ''],
    ['北京市中伦律师事务所（特殊普通合伙）', '北京', '中伦律师', '中伦'],
    ['义乌小商品个体工商户', null, '义乌小商品', '义乌小商品'],
    ['Alibaba Group Holding Limited', null, 'alibaba group holding', 'alibaba'],
    ['Tencent Technology (Shenzhen) Co., Ltd.', '深圳', 'tencent technology', 'tencent'],
    ['Beijing ByteDance Technology Co., Ltd.', '北京', 'bytedance technology', 'bytedance'],
    ['Hong Kong Exchanges and Clearing Limited', '香港', 'exchanges and clearing', 'exchanges and clearing'],
  ])('%s → region %s, core %s, distinctive %j', (name, region, core, distinctiveCore) => {
    expect(parseCompanyName(name)).toEqual({ region, core, distinctiveCore, branch: null });
  });

  it('keeps word-like regions bare at the start as part of the name (阿里巴巴, 中山大学)', () => {
    expect(parseCompanyName('阿里巴巴网络技术有限公司')).toMatchObject({ region: null, distinctiveCore: '阿里巴巴' });
    expect(parseCompanyName('中山大学')).toMatchObject({ region: null, core: '中山大学' });
    expect(parseCompanyName('中山市华利实业有限公司')).toMatchObject({ region: '中山', core: '华利实业' });
    expect(parseCompanyName('华利实业（中山）有限公司')).toMatchObject({ region: '中山', core: '华利实业' });
  });

  it('never removes the whole name', () => {
    expect(parseCompanyName('北京有限公司')).toMatchObject({ region: null, core: '北京' });
    expect(parseCompanyName('有限公司').core).not.toBe('');
    expect(parseCompanyName('深圳市')).toMatchObject({ region: null, core: '深圳市' });
  });

  it('a prefecture sharing its province’s name keeps its full name as region (吉林市 / 吉林省)', () => {
    expect(parseCompanyName('吉林市化纤有限公司').region).toBe('吉林市');
    expect(parseCompanyName('吉林化纤有限公司').region).toBe('吉林');
  });

  it.each([
    ['华为技术有限公司上海分公司', '华为技术', '上海分公司'],
    ['华为技术有限公司上海市分公司', '华为技术', '上海分公司'],
    ['招商银行股份有限公司(深圳分行)', '招商银行', '深圳分行'],
    ['中国工商银行股份有限公司北京朝阳支行', '中国工商银行', '北京朝阳支行'],
    ['华为上海分公司', '华为', '上海分公司'],
    ['中信证券股份有限公司深圳营业部', '中信证券', '深圳营业部'],
  ])('splits the branch off %s', (name, core, branch) => {
    expect(parseCompanyName(name)).toMatchObject({ core, branch });
  });
});
