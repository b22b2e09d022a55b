"""The five real seed pages in fixtures/raw, cleaned end to end, with concrete expectations."""
from pathlib import Path

import pytest

from archive.cleaning import clean_page
from archive.cleaning.chars import ends_sentence
from archive.cleaning.mojibake import MARKER

RAW = Path(__file__).resolve().parent.parent / "fixtures" / "raw"
FURNITURE = ["ICP", "公网安备", "扫一扫", "二维码", "相关文章", "版权声明", "日韩", "人妻", "当前位置", "微信", "地址：", "传真", "本文链接"]


def seed(prefix: str, sidecar: dict | None = None):
    path = next(RAW.glob(f"{prefix}_*.txt"))
    return clean_page(path.read_bytes(), path.name, sidecar)


def everything(page) -> str:
    return "\n".join(
        "\n".join([a.title, a.subtitle, *a.authors, *a.paragraphs, *(s["heading"] for s in a.sections)])
        for a in page.articles
    )


@pytest.mark.parametrize("prefix, count", [("000", 1), ("001", 1), ("002", 1), ("003", 3), ("004", 7)])
def test_articles_per_seed_and_no_furniture_left(prefix, count):
    page = seed(prefix)
    assert len(page.articles) == count
    text = everything(page)
    for furniture in FURNITURE:
        assert furniture not in text
    assert "(" + "y" not in text and "è)" not in text  # no glued pinyin


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_deterministic(prefix):
    first, second = seed(prefix), seed(prefix)
    assert [a.to_dict() for a in first.articles] == [a.to_dict() for a in second.articles]
    assert first.report == second.report


def test_000_traditional_page_with_pinyin_and_mojibake():
    page = seed("000")
    article = page.articles[0]
    text = "\n".join(article.paragraphs)
    assert page.original_script == article.original_script == "traditional"
    assert article.title == "打造党建引领国家高新区建设创新高地成渝地区国家高新区党建联盟创新项目发布会在成都高新区举行"
    assert article.source == "工业和信息化部火炬中心"
    assert "十大党建共建项目" in text
    # The three GBK-one-byte-off spans are repaired to real text, nothing left marked.
    assert "之中。”张卫星表示。" in text
    assert "落地。”四川省委“两新”工委专职副书记尹显耀表示。" in text
    assert "示范样本。”成都高新区相关负责人表示。" in text
    assert MARKER not in text and "mojibake" not in article.flags
    assert sum(e.reason == "mojibake:repaired" for e in page.report) == 3
    # Dates that lost a character.
    assert article.paragraphs[0].startswith("12月8日，成渝地区")
    assert "2020年1月，中央财经委员会" in text
    assert [s["heading"] for s in article.sections] == [
        "党建联盟成立一年 创新试点成果显现",
        "党建创新项目路演对外展示党建联盟共建成果",
        "10大共建项目牵领 打造党建引领高质量发展高地",
    ]
    # "去年12月…新模式" lacks only its full stop: the next paragraph opens a sentence of its own.
    assert all(ends_sentence(p) for p in article.paragraphs)
    assert "的新模式。" in text and "新模式一年来" not in text
    assert any(e.reason == "missing-full-stop" for e in article.report)


def test_000_date_has_no_year_unless_the_fetch_date_gives_one():
    # The page says 12月8日 and never the year (今年/去年 are relative to an unstated year), so
    # without a sidecar there is no date, only the evidence; with a fetch date, the most recent
    # 12月8日 before it is taken and flagged as inferred.
    article = seed("000").articles[0]
    assert (article.published, article.date_precision) == (None, "unknown")
    assert article.date_evidence == "12月8日" and article.month_day == "12-08"
    assert "unknown_date" in article.flags
    fetched = seed("000", {"fetched_at": "2022-03-01T10:00:00+08:00"}).articles[0]
    assert (fetched.published, fetched.date_precision) == ("2021-12-08", "day")
    assert "year_inferred" in fetched.flags and "2022-03-01" in fetched.date_evidence


def test_001_web_page_with_ads_and_related_articles():
    page = seed("001")
    article = page.articles[0]
    text = "\n".join(article.paragraphs)
    assert article.title == "上海松江“两新”党建优秀案例在全国评选中位居头部"
    assert article.source == "中国产业园区招商网"
    assert article.url == "http://www.rent.sh.cn/index.php/post/7760.html"
    assert "经济最前沿、最活跃的产业集群" in text and "蕞" not in text
    assert len(article.paragraphs) == 9
    assert article.paragraphs[-1].endswith("博士后流动站913个。")
    for teaser in ("中骏", "徐重道", "数坤", "葛毅明", "400 0123"):
        assert teaser not in text
    assert "发展联谋" in text  # a stray space inside Chinese text is layout, not content
    assert any(e.reason == "furniture:contact" for e in page.report)


def test_001_relative_date_needs_the_fetch_date():
    article = seed("001").articles[0]
    assert article.published is None and article.date_evidence == "8个月前 (09-21)"
    fetched = seed("001", {"fetched_at": "2023-05-20"}).articles[0]
    assert (fetched.published, fetched.date_precision) == ("2022-09-21", "day")


def test_002_roundup_is_one_article_with_a_section_per_park():
    article = seed("002").articles[0]
    assert article.kind == "roundup"
    assert (article.title, article.subtitle) == ("传达学习贯彻全国两会精神", "国家高新区在行动①")
    assert [s["park"] for s in article.sections] == ["成都高新区", "苏州高新区", "襄阳高新区", "珠海高新区", "银川高新区"]
    # Displaced headings moved back above the paragraph that opens their section.
    for section in article.sections:
        first = article.paragraphs[section["first_paragraph"]]
        assert section["park"] in first and first[0].isdigit(), first
    paragraphs = article.paragraphs
    assert all(ends_sentence(p) for p in paragraphs)
    text = "\n".join(paragraphs)
    for joined in ("以重大项目为牵引", "实施经济网格化管理", "把准工作方向，创新工作举措", "加强项目开工、建设", "重大增长点产能达效",
                   "激励引导园区上下", "展现更大作为。要以", "持续推动传统产业", "持续深化科技创新"):
        assert joined in text
    assert sum(e.action == "moved" for e in article.report) == 3
    assert "unknown_date" in article.flags  # the page states no publication date


def test_003_newspaper_page_with_interleaved_stories():
    liangjiang, xinhua, local = seed("003").articles
    assert (liangjiang.title, liangjiang.subtitle) == ("重庆两江新区全面开启二次创业", "加快建设高质量发展引领区、高品质生活示范区")
    assert liangjiang.authors == ["雍黎", "赵鹏"]
    assert liangjiang.month_day == "09-28" and liangjiang.published is None
    # Fragments re-attached to what completes them, wherever it was printed.
    text = "\n".join(liangjiang.paragraphs)
    assert "努力在全市发展大局中作出新的更大贡献。" in text
    assert "创新生态明显优化。力争到2025年" in text
    assert "围绕加快建设具有全国影响力的科创中心核心承载区的目标，两江新区将全力打造科技创新升级版" in text
    assert all(ends_sentence(p) for p in liangjiang.paragraphs)
    assert text.count("召开干部大会暨优化营商环境推进大会，鲜明地提出") == 1  # the repeated paragraph
    assert liangjiang.paragraphs[0].startswith("9月28日，长安科技")
    headings = [s["heading"] for s in liangjiang.sections]
    assert headings == ["七大行动打造现代化建设“升级版”", "协同创新区填平从“研”到“产”的鸿沟", "企业加速迈向高端化智能化"]

    assert xinhua.title == "建强战斗堡垒 夯实执政之基"
    assert (xinhua.source, xinhua.dateline, xinhua.month_day) == ("新华社", "新华社", "10-09")
    xinhua_text = "\n".join(xinhua.paragraphs)
    assert "在打赢脱贫攻坚战中" in xinhua_text
    assert "建设让党中央放心、让人民满意的模范机关。" in xinhua_text
    # Its paragraphs printed after the inserted local item came back to it, in order.
    assert xinhua_text.index("模范机关。") < xinhua_text.index("为做强做优做大国有企业提供坚强保证")
    # Two fragments whose continuation is not on this page stay, flagged.
    assert "fragment" in xinhua.flags and "uncertain_split" in xinhua.flags
    assert sum(e.reason == "fragment" and bool(e.text) for e in xinhua.report) == 2

    assert (local.title, local.subtitle, local.column) == ("山西大同县校合作", "为乡村振兴注入科技动能", "地方动态")
    assert local.authors == ["韩荣"]
    assert local.paragraphs[-1].endswith("李卫祥说。")
    assert "模范机关" not in "\n".join(local.paragraphs)


def test_004_party_building_page_splits_into_its_items():
    articles = seed("004").articles
    assert [a.title for a in articles] == [
        "昆山高新区：党建“链”出产业新画卷",
        "一场历史与潮流的碰撞之旅在东莞松山湖高新区启程",
        "石家庄高新区：35项成果获河北省科学技术奖",
        "南宁高新区：开启政务服务“政银合作”新篇章",
        "荣昌高新区：获批重庆自贸试验区联动创新区",
        "浙江省“之江同心·喜迎亚运”毅行暨“侨助亚运”系列活动启动仪式",
        "聚焦三大领域推进五大工程 常州高新区打造新能源之都核心区",
    ]
    assert [a.authors for a in articles] == [
        ["魏志强", "吕科"], [], ["胡俊超"], ["欧阳钢桥"], ["杨丽丹", "冯天国"], [], ["解张", "张旭博", "吴嵩情"],
    ]
    assert [a.kind for a in articles] == ["article", "photo", "article", "article", "article", "photo", "article"]
    assert [a.photo_credit for a in articles if a.kind == "photo"] == ["东莞松山湖高新区", "杭州高新区（滨江）"]
    assert articles[0].column == "党建在高新"
    assert [a.dateline for a in articles] == ["", "", "本报", "本报", "本报", "", "本报"]
    for article in articles:
        assert all(ends_sentence(p) for p in article.paragraphs), article.title
        assert not any(p.startswith("本报") for p in article.paragraphs)
    assert articles[2].paragraphs[-1].endswith("贡献高新力量。")  # the byline 胡俊超 is off the text
    assert articles[5].month_day == "04-08"
    rongchang = "\n".join(articles[4].paragraphs)
    assert rongchang.count("打造内陆开放高地") == 1  # the repeated passage is cut from the later paragraph
    assert "意味着荣昌高新区对外开放平台" in rongchang
    assert any(e.reason == "repeated-passage" for e in articles[4].report)
