"""Initiatives: the naming patterns, junk that must stay out, the park that runs one, and its category."""
import pytest

from archive.extraction import ParkEntry, extract_entities
from archive.gazetteer import read_gazetteer

GAZETTEER = [ParkEntry.from_row(row["full_name"], row) for row in read_gazetteer()]


def initiatives_in(*paragraphs, title="标题"):
    return {i.name: i for i in extract_entities(title, list(paragraphs), GAZETTEER).initiatives}


@pytest.mark.parametrize(
    "text, name",
    [
        ("成都高新区发布了十大党建共建项目。", "十大党建共建项目"),
        ("聚力实施七大攻坚提升行动。", "七大攻坚提升行动"),
        ("推进五大工程,加快打造核心区。", "五大工程"),
        ("成都高新区“双孵化”工作理念重点锁定种子期企业。", "双孵化"),
        ("深入实行“链长制”,打造链主。", "链长制"),
        ("推行红领菁英成长护航项目在内的红领人才服务计划。", "红领人才服务计划"),
        ("持续打响“高新事·高兴办”营商服务党建品牌。", "高新事·高兴办"),
        ("G60九城市建立健全“1+7+N”产业联盟。", "1+7+N产业联盟"),
        ("要抓好“两资三能”工程,以项目落地为根本。", "两资三能工程"),
        ("深化落实“双联系”制度。", "双联系制度"),
        ("深入开展“换位跑一次”活动。", "换位跑一次"),
        ("创新打造老杨群工党建引领基层治理特色品牌。", "老杨群工"),
        ("开启政务服务“政银合作”新篇章。", "政银合作"),
        ("昆山高新区第七届“党员工匠”寻访工作启动。", "党员工匠"),
        ("为实施好科技创新型企业集结登峰计划,新区将着力。", "科技创新型企业集结登峰计划"),
        ("发布了《重庆两江新区推进软件和信息服务业建圈强链行动计划(2022—2025年)》。", "重庆两江新区推进软件和信息服务业建圈强链行动计划"),
        ("先后培育“核酸青甜”“创新助力·医路同行”等集群党组织品牌10余个。", "创新助力·医路同行"),
    ],
)
def test_patterns(text, name):
    assert name in initiatives_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "成都高新区作为四川省经济社会发展的“主引擎”“压舱石”。",
        "形成了“龙头带动、项目推动、条块联动”的工作机制。",
        "实施晋产道地药材安全生产技术集成示范“特”“优”项目。",
        "开展“我与金融城共成长”主题党日活动。",
        "世界人工智能大会上松江三大项目签约。",
        "打造两江新区现代化建设“升级版”。",
        "制定行动计划,落实投资计划。",
        "聚力实施产业转型升级攻坚提升行动、招商引智攻坚提升行动。",
        "完善落实高校党委领导下的校长负责制。",
    ],
)
def test_junk_is_not_an_initiative(text):
    assert initiatives_in(text) == {}


def test_numbered_variants_in_one_article_are_one_initiative():
    found = initiatives_in("两江新区七大行动打造升级版。", "两江新区聚力实施七大攻坚提升行动。")
    assert list(found) == ["七大攻坚提升行动"]
    assert list(initiatives_in("本次峰会上,成都高新区发布10大共建项目。")) == ["十大共建项目"]


def test_the_running_park_is_the_nearest_one_before_or_in_the_headline():
    found = initiatives_in(
        "路演现场,德阳高新区分享经验、绵阳高新区带来两新党建七化机制经验分享。",
        "其中,重庆高新区创新打造老杨群工党建引领基层治理特色品牌。",
    )
    assert found["七化机制"].park == "绵阳高新区"
    assert found["老杨群工"].park == "重庆高新区"
    headline = initiatives_in("聚焦三大领域推进五大工程 常州高新区打造新能源之都核心区")
    assert headline["五大工程"].park == "常州高新区"
    assert initiatives_in("G60九城市建立健全“1+7+N”产业联盟。")["1+7+N产业联盟"].park == ""


@pytest.mark.parametrize(
    "text, name, category",
    [
        ("成都高新区发布了十大党建共建项目。", "十大党建共建项目", "党建"),
        ("推行红领人才服务计划。", "红领人才服务计划", "人才"),
        ("开启政务服务“政银合作”新篇章。", "政银合作", "营商环境"),
        ("持续打响“高新事·高兴办”营商服务党建品牌。", "高新事·高兴办", "营商环境"),
        ("高水平推进“深时数字地球”国际大科学计划。", "深时数字地球国际大科学计划", "科技创新"),
        ("深入实行“链长制”,打造产业集群党组织。", "链长制", "产业"),
        ("聚力实施七大攻坚提升行动。", "七大攻坚提升行动", "其他"),
    ],
)
def test_category_by_keywords(text, name, category):
    assert initiatives_in(text)[name].category == category
