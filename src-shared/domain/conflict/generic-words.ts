/**
 * Industry and generic words (行业表述 and the like) that never identify a company on their own. A
 * Chinese company name is region + trade name (字号) + industry + legal form; what is left of the core
 * after removing these from its ends is the distinctive core, roughly the 字号. Registration rules keep
 * a 字号 unique only within one region and industry, which is why the core (字号 + industry) decides
 * `block` and the distinctive core alone mostly `warn` (see compare-customers.ts).
 */
const chinese = `
  科技 技术 信息 网络 贸易 实业 发展 电子 软件 咨询 服务 管理 商贸 工程 建设 投资 文化 传媒 教育 医疗
  环保 新能源 能源 智能 数字 数码 国际 中国 中华 控股 集团 有限 股份 计算机 系统 通信 通讯 数据 互联网
  云计算 在线 生物 医药 制药 药业 健康 器械 材料 新材料 机械 设备 制造 工业 自动化 电气 电器 电力 光电
  光伏 仪器 仪表 精密 五金 化工 塑胶 塑料 纺织 服饰 服装 鞋业 食品 饮料 餐饮 酒业 酒店 旅游 物流 供应链
  运输 快递 航运 汽车 汽配 农业 牧业 林业 渔业 生态 环境 节能 照明 建筑 建材 装饰 装修 设计 规划 广告
  营销 策划 会展 文旅 影视 娱乐 体育 培训 人力资源 劳务 物业 房地产 地产 置业 开发 金融 保险 证券 基金
  资产 资本 银行 信托 租赁 担保 进出口 外贸 经贸 商务 企业 产业 创新 创意 高新 高科技 研究院 研究所
  研发 中心 销售 经营 批发 零售 电子商务 电商 家居 家具 日用品 化妆品 美容 珠宝 印刷 包装 纸业 钢铁
  金属 矿业 石油 燃气 水务 律师 会计师 税务 知识产权 安防 安全 消防 检测 认证 水利 市政 园林 绿化 机电
  大学 学院 学校 医院 全球 亚洲 环球
`;

const latin = `
  technology technologies tech information info network networks trading trade industrial industries
  industry development electronics electronic software consulting consultancy services service management
  engineering construction investment investments culture media education medical healthcare health
  environmental energy smart digital international intl china chinese holding holdings group global asia
  pacific enterprise enterprises solutions solution systems system science sciences logistics supply chain
  manufacturing the and of company co
`;

export const chineseGenericWords: readonly string[] = chinese
  .split(/\s+/)
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

export const latinGenericWords: ReadonlySet<string> = new Set(latin.split(/\s+/).filter(Boolean));
