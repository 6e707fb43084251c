/**
 * Provinces, autonomous regions, municipalities and special administrative regions of China, each with
 * its prefecture-level divisions (地级市, 地区, 自治州, 盟) — 34 + 333 entries, as of 2024.
 *
 * A province is `short` (how names usually write it: 广东, 内蒙古) and `full` (广东省, 内蒙古自治区), plus
 * informal `aliases`. A prefecture is written `short` when its full name is `short` + 市, otherwise
 * `short|full` (延边|延边朝鲜族自治州, 阿里|阿里地区). Municipalities have no prefecture level here: their
 * districts never prefix a company name on their own.
 */
export interface ProvinceEntry {
  short: string;
  full: string;
  aliases?: readonly string[];
  prefectures: readonly string[];
}

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

export const provinces: readonly ProvinceEntry[] = [
  { short: '北京', full: '北京市', prefectures: [] },
  { short: '天津', full: '天津市', prefectures: [] },
  { short: '上海', full: '上海市', prefectures: [] },
  { short: '重庆', full: '重庆市', prefectures: [] },
  { short: '河北', full: '河北省', prefectures: words('石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水') },
  { short: '山西', full: '山西省', prefectures: words('太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁') },
  {
    short: '内蒙古',
    full: '内蒙古自治区',
    prefectures: words('呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安|兴安盟 锡林郭勒|锡林郭勒盟 阿拉善|阿拉善盟'),
  },
  { short: '辽宁', full: '辽宁省', prefectures: words('沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛') },
  { short: '吉林', full: '吉林省', prefectures: words('长春 吉林 四平 辽源 通化 白山 松原 白城 延边|延边朝鲜族自治州') },
  {
    short: '黑龙江',
    full: '黑龙江省',
    prefectures: words('哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭|大兴安岭地区'),
  },
  { short: '江苏', full: '江苏省', prefectures: words('南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁') },
  { short: '浙江', full: '浙江省', prefectures: words('杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水') },
  {
    short: '安徽',
    full: '安徽省',
    prefectures: words('合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城'),
  },
  { short: '福建', full: '福建省', prefectures: words('福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德') },
  { short: '江西', full: '江西省', prefectures: words('南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶') },
  {
    short: '山东',
    full: '山东省',
    prefectures: words('济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽'),
  },
  {
    short: '河南',
    full: '河南省',
    prefectures: words('郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店'),
  },
  {
    short: '湖北',
    full: '湖北省',
    prefectures: words('武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施|恩施土家族苗族自治州'),
  },
  {
    short: '湖南',
    full: '湖南省',
    prefectures: words('长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西|湘西土家族苗族自治州'),
  },
  {
    short: '广东',
    full: '广东省',
    prefectures: words('广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮'),
  },
  {
    short: '广西',
    full: '广西壮族自治区',
    aliases: ['广西自治区'],
    prefectures: words('南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左'),
  },
  { short: '海南', full: '海南省', prefectures: words('海口 三亚 三沙 儋州') },
  {
    short: '四川',
    full: '四川省',
    prefectures: words(
      '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 ' +
        '阿坝|阿坝藏族羌族自治州 甘孜|甘孜藏族自治州 凉山|凉山彝族自治州',
    ),
  },
  {
    short: '贵州',
    full: '贵州省',
    prefectures: words(
      '贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南|黔西南布依族苗族自治州 黔东南|黔东南苗族侗族自治州 黔南|黔南布依族苗族自治州',
    ),
  },
  {
    short: '云南',
    full: '云南省',
    prefectures: words(
      '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄|楚雄彝族自治州 红河|红河哈尼族彝族自治州 文山|文山壮族苗族自治州 ' +
        '西双版纳|西双版纳傣族自治州 大理|大理白族自治州 德宏|德宏傣族景颇族自治州 怒江|怒江傈僳族自治州 迪庆|迪庆藏族自治州',
    ),
  },
  { short: '西藏', full: '西藏自治区', prefectures: words('拉萨 日喀则 昌都 林芝 山南 那曲 阿里|阿里地区') },
  { short: '陕西', full: '陕西省', prefectures: words('西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛') },
  {
    short: '甘肃',
    full: '甘肃省',
    prefectures: words('兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏|临夏回族自治州 甘南|甘南藏族自治州'),
  },
  {
    short: '青海',
    full: '青海省',
    prefectures: words(
      '西宁 海东 海北|海北藏族自治州 黄南|黄南藏族自治州 海南|海南藏族自治州 果洛|果洛藏族自治州 玉树|玉树藏族自治州 ' +
        '海西|海西蒙古族藏族自治州',
    ),
  },
  { short: '宁夏', full: '宁夏回族自治区', aliases: ['宁夏自治区'], prefectures: words('银川 石嘴山 吴忠 固原 中卫') },
  {
    short: '新疆',
    full: '新疆维吾尔自治区',
    aliases: ['新疆自治区'],
    prefectures: words(
      '乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉|昌吉回族自治州 博尔塔拉|博尔塔拉蒙古自治州 巴音郭楞|巴音郭楞蒙古自治州 ' +
        '阿克苏|阿克苏地区 克孜勒苏|克孜勒苏柯尔克孜自治州 喀什|喀什地区 和田|和田地区 伊犁|伊犁哈萨克自治州 ' +
        '塔城|塔城地区 阿勒泰|阿勒泰地区',
    ),
  },
  { short: '台湾', full: '台湾省', prefectures: [] },
  { short: '香港', full: '香港特别行政区', prefectures: [] },
  { short: '澳门', full: '澳门特别行政区', prefectures: [] },
];

/**
 * Region names that are also everyday words or popular trade names (阿里巴巴, 中山大学, 朝阳物业, 大理石,
 * 金华实业, 海西 for 海峡西岸…): they count as a region only with their suffix (中山市) or in parentheses
 * ((中山)), never bare at the start of a name.
 */
export const wordLikeRegionNames: ReadonlySet<string> = new Set(
  words('阿里 中山 朝阳 大理 白银 广安 来宾 北海 红河 黄山 白山 金华 大同 吉安 安康 安顺 海西 海东 玉树 兴安 中卫 和田 三明 山南 文山 天水'),
);
