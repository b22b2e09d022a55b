"""Figures: names beside roles, quotes, and authors kept apart from the people in the story."""
import pytest

from archive.extraction import extract_entities
from archive.extraction.figures import find_authors


def figures_in(*paragraphs):
    return {f.name: f for f in extract_entities("标题", list(paragraphs), []).figures}


@pytest.mark.parametrize(
    "text, name, role, organisation",
    [
        ("当天会议上,科技部火炬中心党委书记张卫星通过视频致辞。", "张卫星", "党委书记", "科技部火炬中心"),
        ("”松江区委书记程向民表示,要强化科技创新。", "程向民", "书记", "松江区委"),
        ("上海大学社会学院院长黄晓春表示,产业集群党建要做强引领功能。", "黄晓春", "院长", "上海大学社会学院"),
        ("落地。”四川省委“两新”工委专职副书记尹显耀表示。", "尹显耀", "专职副书记", "四川省委“两新”工委"),
        ("签约仪式上,南宁高新区行政审批局副局长伍慧芸表示。", "伍慧芸", "副局长", "南宁高新区行政审批局"),
        ("恒山黄芪产业研究院院长田洪岭介绍,此次研究院的建立。", "田洪岭", "院长", "恒山黄芪产业研究院"),
        ("在揭牌仪式上,山西农业大学副校长李卫祥表示。", "李卫祥", "副校长", "山西农业大学"),
        ("软件产业发展的天然沃土。”励颐拓联合创始人李博表示。", "李博", "联合创始人", "励颐拓"),
        ("首个讲述的是共产党员、中科创控股总裁夏华的故事。", "夏华", "总裁", "中科创控股"),
        ("发展好中国‘芯’。”中科创信息产业有限公司党员邱腾飞说。", "邱腾飞", "党员", "中科创信息产业有限公司"),
        ("上海交通大学重庆研究院由李卫东教授领衔的研发团队。", "李卫东", "教授", "上海交通大学重庆研究院"),
        ("“引导他们积极发挥作用。”习近平总书记强调。", "习近平", "总书记", ""),
        ("总结提炼金凤镇原综治办主任杨永根同志长期扎根基层的经验。", "杨永根", "主任", "金凤镇原综治办"),
        ("特约记者欧阳钢桥报道,欧阳振华教授指出。", "欧阳振华", "教授", ""),
    ],
)
def test_name_role_and_organisation(text, name, role, organisation):
    figure = figures_in(text)[name]
    assert (figure.role, figure.organisation) == (role, organisation)


@pytest.mark.parametrize(
    "text",
    [
        "习近平总书记强调:“要加强社区基层党组织建设。”",  # 强调 is not a name
        "落实书记第一责任人责任,推动五级书记抓乡村振兴。",
        "完善落实高校党委领导下的校长负责制。",
        "全国累计选派驻村第一书记51.8万人。",
        "该负责人表示,成都高新区将以规划纲要为指引。",
        "长按扫一扫加葛毅明的微信号",  # no role: not a figure
        "党委书记高度重视此项工作。",
    ],
)
def test_no_false_names(text):
    assert set(figures_in(text)) <= {"习近平"}


def test_quote_before_and_after_the_name():
    figures = figures_in(
        "“希望成渝地区国家高新区以此为契机,全力投入。”张卫星表示。",
        "科技部火炬中心党委书记张卫星通过视频致辞。",
        "山西农业大学副校长李卫祥表示,将聚焦需求。",
        "“学校将在做强黄芪产业发展‘芯片’的基础上,加强建设。”李卫祥说。",
        "习近平总书记强调:“要加强社区基层党组织建设,加强和改进社区工作。”",
    )
    assert figures["张卫星"].quote == "希望成渝地区国家高新区以此为契机,全力投入。"
    assert figures["李卫祥"].quote.startswith("学校将在做强黄芪产业发展")
    assert figures["习近平"].quote.startswith("要加强社区基层党组织建设")


def test_a_person_mentioned_twice_is_one_figure_with_the_first_role():
    figures = extract_entities(
        "标题", ["中科创控股总裁夏华的故事。", "评选中科创夏华等党员工匠。", "“要入党,要上进。”夏华描述了入党时的情景。"], []
    ).figures
    assert [(f.name, f.role, f.quote) for f in figures] == [("夏华", "总裁", "要入党,要上进。")]


def test_authors_are_found_and_never_figures():
    paragraphs = [
        "◎本报记者 雍黎 通讯员 赵鹏",
        "◎实习记者 韩荣",
        "本报 (特约通讯员 欧阳钢桥) 近日,南宁高新区举行签约仪式。",
        "魏志强 吕科",
        "为石家庄市经济总量过万亿元贡献高新力量。 胡俊超",
        "田洪岭告诉科技日报记者,做大做强黄芪特色产业。",
    ]
    assert find_authors(paragraphs) == ["雍黎", "赵鹏", "韩荣", "欧阳钢桥", "魏志强", "吕科", "胡俊超"]
    byline_as_role = ["党员雍黎说,这是好事。", "◎本报记者 雍黎"]
    assert "雍黎" not in figures_in(*byline_as_role)
