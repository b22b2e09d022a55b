"""Regions: the province → city data, explicit mentions with sensible boundaries, and regions from parks."""
import pytest

from archive.extraction import ParkEntry, extract_entities
from archive.extraction.places import locate
from archive.gazetteer import read_gazetteer
from archive.regions import CITIES, MACRO_REGIONS, PROVINCES, macro_regions_for, place_names, province_of, short_form

GAZETTEER = [ParkEntry.from_row(row["full_name"], row) for row in read_gazetteer()]


def regions_in(text):
    return extract_entities("标题", [text], GAZETTEER).regions


def test_every_gazetteer_place_is_known():
    for park in GAZETTEER:
        assert not park.province or park.province in PROVINCES
        for city in filter(None, park.city.split(";")):
            assert city in CITIES, city


def test_short_forms_and_hierarchy():
    names = place_names()
    assert names["四川"] == names["四川省"] == "四川省"
    assert names["成都"] == names["成都市"] == "成都市"
    assert names["吉林"] == "吉林省" and names["吉林市"] == "吉林市"
    assert short_form("广西壮族自治区") == "广西" and short_form("内蒙古自治区") == "内蒙古"
    assert province_of("成都市") == "四川省" and province_of("四川省") == "四川省"
    assert "成都市" in MACRO_REGIONS["成渝地区双城经济圈"]["cities"]
    assert macro_regions_for("四川省", ["成都市"]) == ["成渝地区双城经济圈", "长江经济带"]
    assert not any(len(name) == 1 for name in names)  # 川, 渝, 沪 are never matched


def test_regions_from_parks_include_province_city_and_macro_regions():
    assert regions_in("成都高新区召开会议") == ["成渝地区双城经济圈", "长江经济带", "四川省", "成都市"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推动成渝地区双城经济圈建设", {"成渝地区双城经济圈"}),
        ("推动川渝两地合作", {"成渝地区双城经济圈"}),
        ("成渝两地政务服务跨省通办", {"成渝地区双城经济圈"}),
        ("长三角G60科创走廊九城市", {"长三角", "G60科创走廊"}),
        ("珠三角和粤港澳大湾区、京津冀、长江经济带", {"珠三角", "粤港澳大湾区", "京津冀", "长江经济带"}),
        ("四川省委常委会会议", {"四川省"}),
        ("成都市委常委会会议", {"四川省", "成都市"}),
        ("苏州、湖州、宣城等城市", {"江苏省", "浙江省", "安徽省", "苏州市", "湖州市", "宣城市"}),
        ("山西省大同市浑源县", {"山西省", "大同市"}),
        ("陕西榆林绥德县", {"陕西省", "榆林市"}),
        ("中国(重庆)自由贸易试验区", {"重庆市"}),
        ("宁夏回族自治区、银川市两会精神", {"宁夏回族自治区", "银川市"}),
    ],
)
def test_explicit_mentions(text, expected):
    assert set(regions_in(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "平安康复中心",  # 安康
        "浙江西部山区",  # 江西 straddles two words
        "上海南站",  # 海南
        "三明治",  # 三明
        "中山大学",  # 中山
        "哈尔滨工业大学合作",  # a university, not the city
        "川南渝西融合发展",  # single-character short forms
    ],
)
def test_false_hits_are_not_regions(text):
    assert not {"陕西省", "安康市", "江西省", "海南省", "三明市", "中山市", "哈尔滨市", "四川省", "重庆市"} & set(regions_in(text))


def test_region_order_is_macro_then_province_then_city():
    regions = regions_in("苏州高新区与成都高新区合作")
    assert regions.index("长三角") < regions.index("江苏省") < regions.index("苏州市")
    assert regions.index("四川省") < regions.index("成都市")


def test_locate_a_proposed_zone():
    assert locate("宜宾高新区") == ("四川省", "宜宾市")
    assert locate("四川某新区") == ("四川省", "")
    assert locate("某某新区") == ("", "")
