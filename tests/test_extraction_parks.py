"""Parks: every alias form, the false-hit traps, salience and proposals (pure, no database)."""
import pytest

from archive.extraction import ParkEntry, dictionary_words, extract_entities, matcher_for
from archive.extraction.aliases import alias_table, park_aliases
from archive.gazetteer import read_gazetteer

GAZETTEER = [ParkEntry.from_row(row["full_name"], row) for row in read_gazetteer()]


def parks_in(text, title="标题"):
    return {m.name: m for m in extract_entities(title, [text], GAZETTEER).parks}


@pytest.mark.parametrize(
    "text, park",
    [
        ("成都高新区召开会议", "成都高新区"),
        ("成都高新技术产业开发区召开会议", "成都高新区"),
        ("成都高新召开会议", "成都高新区"),
        ("成都国家高新区召开会议", "成都高新区"),
        ("成都市高新区召开会议", "成都高新区"),
        ("活动在杭州高新区(滨江)举行", "杭州高新区"),
        ("活动在杭州高新区（滨江）举行", "杭州高新区"),
        ("东莞松山湖高新区启程", "松山湖高新区"),
        ("松山湖高新区启程", "松山湖高新区"),
        ("两江新区签约", "两江新区"),
        ("重庆两江新区签约", "两江新区"),
        ("重庆璧山高新区介绍经验", "璧山高新区"),
        ("璧山高新区介绍经验", "璧山高新区"),
        ("《常州高新区(新北区)实施意见》", "常州高新区"),
        ("上海张江高新区发布", "张江高新区"),
        ("武汉东湖高新区发布", "武汉东湖高新区"),
        ("东湖高新区发布", "武汉东湖高新区"),
        ("苏州工业园区聚焦生物医药", "苏州工业园"),
        ("四川天府新区", "天府新区"),
    ],
)
def test_alias_forms_find_the_park(text, park):
    assert set(parks_in(text)) == {park}


@pytest.mark.parametrize(
    "text",
    [
        "不断增强高新区老百姓的获得感",  # 高新区 alone
        "多家国家高新区召开会议",
        "这是新区加快打造产业发展的成果",  # 新区 alone
        "成都经开区和成都经济技术开发区",  # development zones are not high-tech zones
        "上海市松江经济技术开发区管理委员会",
        "与中国建设银行高新支行举行签约仪式",
        "成都高新技术企业协会成立",  # 成都高新 + 技术 is not the park
        "宜宾省级高新区获批",  # provincial zones are not national
        "两江协同创新区49家科研院所",
    ],
)
def test_false_hits_find_no_park(text):
    extraction = extract_entities("标题", [text], GAZETTEER)
    assert extraction.parks == []
    assert extraction.proposed_parks == []


def test_longest_name_wins_and_substrings_do_not_double_count():
    parks = parks_in("重庆两江新区和两江新区;成都高新区;天津滨海新区")
    assert parks["两江新区"].count == 2
    assert set(parks) == {"两江新区", "成都高新区", "滨海新区"}
    assert "天津高新区" not in parks


def test_a_different_place_before_a_name_makes_it_another_zone():
    assert "滨海新区" not in parks_in("盐城滨海新区建设")


def test_aliases_are_generated_systematically():
    chengdu = next(p for p in GAZETTEER if p.short_name == "成都高新区")
    assert {"成都高新区", "成都高新技术产业开发区", "成都高新", "成都市高新区", "四川成都高新区"} <= park_aliases(chengdu)
    liangjiang = next(p for p in GAZETTEER if p.short_name == "两江新区")
    assert {"重庆两江新区", "两江新区", "两江国家级新区"} <= park_aliases(liangjiang)
    assert not any(alias in ("高新区", "新区", "高新") for alias in park_aliases(liangjiang) | park_aliases(chengdu))


def test_an_alias_two_parks_generate_goes_to_neither():
    table = alias_table(GAZETTEER)
    # 厦门火炬, 中山火炬 and 威海火炬 would all make 火炬高新区.
    assert "火炬高新区" not in table
    assert table["厦门火炬高新区"].short_name == "厦门火炬高新区"


def test_extra_aliases_on_the_park_record_are_used():
    entry = ParkEntry(1, "测试高新技术产业开发区", "测试高新区", ("示例科学城",), "四川省", "成都市")
    extraction = extract_entities("标题", ["示例科学城发布"], [entry])
    assert [m.key for m in extraction.parks] == [1]


def test_salience_subject_from_title_or_heading_and_counts():
    extraction = extract_entities(
        "昆山高新区:党建链出产业新画卷", ["昆山高新区坚持党建引领,学习苏州高新区经验。", "昆山高新区成立联盟。"], GAZETTEER
    )
    parks = {m.name: m for m in extraction.parks}
    assert (parks["昆山高新区"].salience, parks["昆山高新区"].count) == ("subject", 3)
    assert (parks["苏州高新区"].salience, parks["苏州高新区"].count) == ("mention", 1)
    assert extraction.parks[0].name == "昆山高新区"
    heading = extract_entities("国家高新区在行动", ["珠海高新区 勇担使命", "会议强调,珠海高新区要加快建设。"], GAZETTEER)
    assert heading.parks[0].salience == "subject"


def test_a_dominant_park_is_the_subject_without_a_title_mention():
    paragraphs = ["两江新区召开大会。", "两江新区发布政策。", "两江新区签约项目,成都高新区参加。"]
    parks = {m.name: m for m in extract_entities("开启二次创业", paragraphs, GAZETTEER).parks}
    assert parks["两江新区"].salience == "subject"
    assert parks["成都高新区"].salience == "mention"


def test_mention_carries_gazetteer_fields():
    (mention,) = extract_entities("标题", ["两江新区签约"], GAZETTEER).parks
    assert (mention.name, mention.full_name, mention.province, mention.city) == ("两江新区", "重庆两江新区", "重庆市", "重庆市")


def test_zone_like_names_missing_from_the_gazetteer_are_proposed():
    extraction = extract_entities("标题", ["宜宾高新区和眉山天府新区、松江新区都参加了,成都高新区也在。"], GAZETTEER)
    assert extraction.proposed_parks == ["宜宾高新区", "松江新区"]
    assert {m.name for m in extraction.parks} == {"天府新区", "成都高新区"}


def test_matcher_is_built_once_per_gazetteer():
    assert matcher_for(GAZETTEER) is matcher_for(list(GAZETTEER))


def test_dictionary_words_for_the_search_segmenter():
    class Named:
        def __init__(self, name, aliases=()):
            self.name, self.aliases = name, aliases

    words = dictionary_words(GAZETTEER, [Named("张卫星")], [Named("双孵化", ["双孵化工程"])])
    assert {"成都高新区", "松山湖高新区", "两江新区", "张卫星", "双孵化", "双孵化工程"} <= set(words)
    assert words == sorted(set(words))
