"""Macro-regions (区域) and the provinces and cities they cover. Pure data and lookups."""

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


def macro_regions_for(province: str, cities: list[str]) -> list[str]:
    """The macro-regions a place in `province` and `cities` belongs to, in a stable order."""
    found = []
    for name, members in MACRO_REGIONS.items():
        if province in members["provinces"] or any(city in members["cities"] for city in cities):
            found.append(name)
    return found
