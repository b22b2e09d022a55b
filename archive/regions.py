"""Macro-regions (区域), provinces and prefecture-level cities, with the short forms news uses. Pure data and lookups."""
import re

PEARL_RIVER_DELTA_CITIES = ["广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"]
CHENGDU_CHONGQING_SICHUAN_CITIES = [
    "成都市", "自贡市", "泸州市", "德阳市", "绵阳市", "遂宁市", "内江市", "乐山市",
    "南充市", "眉山市", "宜宾市", "广安市", "达州市", "雅安市", "资阳市",
]

# Each macro-region is defined by whole provinces and/or single cities.
MACRO_REGIONS = {
    "京津冀": {"provinces": ["北京市", "天津市", "河北省"], "cities": []},
    "长三角": {"provinces": ["上海市", "江苏省", "浙江省", "安徽省"], "cities": []},
    "珠三角": {"provinces": [], "cities": PEARL_RIVER_DELTA_CITIES},
    "粤港澳大湾区": {"provinces": ["香港特别行政区", "澳门特别行政区"], "cities": PEARL_RIVER_DELTA_CITIES},
    "成渝地区双城经济圈": {"provinces": ["重庆市"], "cities": CHENGDU_CHONGQING_SICHUAN_CITIES},
    "长江经济带": {
        "provinces": ["上海市", "江苏省", "浙江省", "安徽省", "江西省", "湖北省", "湖南省", "重庆市", "四川省", "云南省", "贵州省"],
        "cities": [],
    },
    "G60科创走廊": {
        "provinces": [],
        "cities": ["上海市", "嘉兴市", "杭州市", "金华市", "苏州市", "湖州市", "宣城市", "芜湖市", "合肥市"],
    },
    "东北地区": {"provinces": ["辽宁省", "吉林省", "黑龙江省"], "cities": []},
}

# How articles name each macro-region. "G60" alone is how the corridor's own news refers to it (G60九城市).
MACRO_REGION_NAMES = {
    "京津冀": ["京津冀"],
    "长三角": ["长三角", "长江三角洲"],
    "珠三角": ["珠三角", "珠江三角洲"],
    "粤港澳大湾区": ["粤港澳大湾区", "大湾区"],
    "成渝地区双城经济圈": ["成渝地区双城经济圈", "成渝双城经济圈", "成渝", "川渝"],
    "长江经济带": ["长江经济带"],
    "G60科创走廊": ["G60科创走廊", "G60"],
    "东北地区": ["东北地区", "东北三省"],
}

PROVINCES = [
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区",
    "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区", "台湾省",
    "香港特别行政区", "澳门特别行政区",
]
MUNICIPALITIES = ["北京市", "天津市", "上海市", "重庆市"]

# Prefecture-level divisions per province, written "full" or "full:short" where the short form is not
# simply the full name without 市/地区/盟. County-level cities the gazetteer files under their own name
# (仙桃, 潜江, 石河子) are listed too, since parks and articles treat them as cities.
_CITY_TABLE = {
    "河北省": "石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市",
    "山西省": "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市",
    "内蒙古自治区": "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 "
    "兴安盟:兴安盟 锡林郭勒盟 阿拉善盟",
    "辽宁省": "沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市",
    "吉林省": "长春市 吉林市:吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州:延边",
    "黑龙江省": "哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 "
    "大兴安岭地区",
    "江苏省": "南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市",
    "浙江省": "杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市",
    "安徽省": "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 "
    "池州市 宣城市",
    "福建省": "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市",
    "江西省": "南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市",
    "山东省": "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 "
    "滨州市 菏泽市",
    "河南省": "郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 "
    "商丘市 信阳市 周口市 驻马店市 济源市",
    "湖北省": "武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 "
    "恩施土家族苗族自治州:恩施 仙桃市 潜江市 天门市",
    "湖南省": "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 "
    "湘西土家族苗族自治州:湘西",
    "广东省": "广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 "
    "阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市",
    "广西壮族自治区": "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市",
    "海南省": "海口市 三亚市 三沙市 儋州市",
    "四川省": "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 "
    "达州市 雅安市 巴中市 资阳市 阿坝藏族羌族自治州:阿坝 甘孜藏族自治州:甘孜 凉山彝族自治州:凉山",
    "贵州省": "贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州:黔西南 黔东南苗族侗族自治州:黔东南 "
    "黔南布依族苗族自治州:黔南",
    "云南省": "昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州:楚雄 红河哈尼族彝族自治州:红河 "
    "文山壮族苗族自治州:文山 西双版纳傣族自治州:西双版纳 大理白族自治州:大理 德宏傣族景颇族自治州:德宏 "
    "怒江傈僳族自治州:怒江 迪庆藏族自治州:迪庆",
    "西藏自治区": "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区",
    "陕西省": "西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市",
    "甘肃省": "兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 "
    "临夏回族自治州:临夏 甘南藏族自治州:甘南",
    "青海省": "西宁市 海东市 海北藏族自治州:海北 黄南藏族自治州:黄南 海南藏族自治州:海南藏族自治州 果洛藏族自治州:果洛 "
    "玉树藏族自治州:玉树 海西蒙古族藏族自治州:海西",
    "宁夏回族自治区": "银川市 石嘴山市 吴忠市 固原市 中卫市",
    "新疆维吾尔自治区": "乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州:昌吉 博尔塔拉蒙古自治州:博尔塔拉 "
    "巴音郭楞蒙古自治州:巴音郭楞 阿克苏地区 克孜勒苏柯尔克孜自治州:克孜勒苏 喀什地区 和田地区 "
    "伊犁哈萨克自治州:伊犁 塔城地区 阿勒泰地区 石河子市",
}

# Short forms that are everyday words or other names (三明治, 白银, 中山大学, 北海公园, 日照, 朝阳区…):
# these places are recognised only by their full name.
AMBIGUOUS_SHORT_FORMS = {
    "白银", "中山", "北海", "安康", "长治", "三明", "来宾", "普洱", "白山", "四平", "日照", "朝阳",
    "黄山", "山南", "阿里", "玉树", "黑河", "天门", "大庆", "红河", "怒江", "海东", "金昌",
}


def short_form(full_name: str) -> str:
    """四川省 → 四川, 成都市 → 成都, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 阿克苏地区 → 阿克苏."""
    match = re.match(r"(.+?)(?:(?:壮族|回族|维吾尔)?自治区|特别行政区|省|市|地区)$", full_name)
    return match.group(1) if match else full_name


def _parse_city_table(table: dict[str, str]) -> dict[str, tuple[str, str]]:
    cities = {}
    for province, entries in table.items():
        for entry in entries.split():
            full, _, short = entry.partition(":")
            cities[full] = (province, short or short_form(full))
    for municipality in MUNICIPALITIES:
        cities[municipality] = (municipality, short_form(municipality))
    return cities


# City full name → (province, short form).
CITIES = _parse_city_table(_CITY_TABLE)


def province_of(place: str) -> str:
    """The province a province or city full name lies in."""
    return place if place in PROVINCES else CITIES.get(place, ("", ""))[0]


def place_names() -> dict[str, str]:
    """Every written form of a province or city → its full name; ambiguous short forms left out.

    A short form shared by a province and a city (吉林) means the province; the city then needs 吉林市.
    """
    names = {}
    for city, (_, short) in CITIES.items():
        names[city] = city
        if short not in AMBIGUOUS_SHORT_FORMS and len(short) >= 2:
            names.setdefault(short, city)
    for province in PROVINCES:
        names[province] = province
        short = short_form(province)
        if len(short) >= 2:
            names[short] = province
    return names


def macro_regions_for(province: str, cities: list[str]) -> list[str]:
    """The macro-regions a place in `province` and `cities` belongs to, in a stable order."""
    found = []
    for name, members in MACRO_REGIONS.items():
        if province in members["provinces"] or any(city in members["cities"] for city in cities):
            found.append(name)
    return found
