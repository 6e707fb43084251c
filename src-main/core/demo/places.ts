/**
 * Cities the demo's customers are in: where most business is. Each has its real administrative
 * division code (the 6 digits inside a USCC) and telephone area code, so the generated USCCs and
 * landlines look like the real thing and pass the field rules.
 */
export interface City {
  /** As a name prefix writes it: 深圳 (+市). */
  name: string;
  province: string;
  /** 北京 is its own province: the region field is then just 北京市. */
  municipality: boolean;
  division: string;
  areaCode: string;
  /** Relative share of the demo's customers. */
  weight: number;
}

const city = (name: string, province: string, division: string, areaCode: string, weight: number): City => ({
  name,
  province,
  municipality: province === name,
  division,
  areaCode,
  weight,
});

export const cities: readonly City[] = [
  city('北京', '北京', '110108', '010', 12),
  city('上海', '上海', '310115', '021', 12),
  city('深圳', '广东', '440305', '0755', 10),
  city('广州', '广东', '440106', '020', 8),
  city('杭州', '浙江', '330106', '0571', 7),
  city('南京', '江苏', '320105', '025', 5),
  city('苏州', '江苏', '320505', '0512', 5),
  city('成都', '四川', '510107', '028', 5),
  city('武汉', '湖北', '420106', '027', 4),
  city('西安', '陕西', '610113', '029', 3),
  city('重庆', '重庆', '500103', '023', 3),
  city('天津', '天津', '120116', '022', 3),
  city('东莞', '广东', '441900', '0769', 3),
  city('佛山', '广东', '440604', '0757', 3),
  city('宁波', '浙江', '330212', '0574', 3),
  city('无锡', '江苏', '320214', '0510', 2),
  city('长沙', '湖南', '430104', '0731', 2),
  city('郑州', '河南', '410105', '0371', 2),
  city('济南', '山东', '370102', '0531', 2),
  city('青岛', '山东', '370212', '0532', 2),
  city('合肥', '安徽', '340104', '0551', 2),
  city('厦门', '福建', '350203', '0592', 2),
  city('福州', '福建', '350102', '0591', 1),
  city('沈阳', '辽宁', '210102', '024', 1),
  city('大连', '辽宁', '210204', '0411', 1),
  city('昆明', '云南', '530102', '0871', 1),
  city('南昌', '江西', '360102', '0791', 1),
  city('石家庄', '河北', '130104', '0311', 1),
  city('太原', '山西', '140105', '0351', 1),
  city('南宁', '广西', '450103', '0771', 1),
  city('贵阳', '贵州', '520102', '0851', 1),
  city('哈尔滨', '黑龙江', '230102', '0451', 1),
  city('长春', '吉林', '220104', '0431', 1),
  city('珠海', '广东', '440402', '0756', 1),
  city('温州', '浙江', '330302', '0577', 1),
  city('常州', '江苏', '320411', '0519', 1),
];

/** Provinces whose full name is not short + 省. */
const provinceFull: Record<string, string> = {
  北京: '北京市',
  上海: '上海市',
  天津: '天津市',
  重庆: '重庆市',
  广西: '广西壮族自治区',
};

export const provinceName = (province: string): string => provinceFull[province] ?? `${province}省`;

/** The form's region field: 广东省深圳市, or 北京市 for a municipality. */
export const regionField = (c: City): string => (c.municipality ? `${c.name}市` : `${provinceName(c.province)}${c.name}市`);
