"""Linking extraction results: curation wins, merge rules, proposals, first-seen dates, and `manage.py extract`."""
import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.extraction import Extraction, FigureMention, InitiativeMention, extract_entities
from archive.gazetteer import read_gazetteer
from archive.linking import EntityIndex, apply_extraction, gazetteer_entries
from archive.models import Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park, RawPage

pytestmark = pytest.mark.django_db
PARKS = ("成都高新区", "重庆高新区", "两江新区", "昆山高新区", "常州高新区")


@pytest.fixture
def parks():
    rows = [row for row in read_gazetteer() if row["short_name"] in PARKS]
    return {row["short_name"]: Park.objects.create(**row) for row in rows}


def make_article(title, *paragraphs, published=datetime.date(2022, 12, 8), position=0):
    raw, _ = RawPage.objects.get_or_create(file_name="seed.txt", defaults={"checksum": "0", "content": b""})
    return Article.objects.create(
        raw_page=raw, position=position, title=title, body="\n\n".join(paragraphs), published=published, content_hash=str(position)
    )


def extract(article):
    return apply_extraction(article, extract_entities(article.title, article.paragraphs(), gazetteer_entries()))


def park_links(article):
    return {link.park.short_name: link for link in article.park_links.select_related("park")}


def test_links_parks_figures_initiatives_and_regions(parks):
    article = make_article(
        "成渝地区党建联盟项目发布会在成都高新区举行",
        "科技部火炬中心党委书记张卫星通过视频致辞。",
        "成都高新区发布十大党建共建项目,重庆高新区参加。",
    )
    stats = extract(article)
    links = park_links(article)
    assert (links["成都高新区"].salience, links["成都高新区"].count) == ("subject", 2)
    assert links["重庆高新区"].salience == "mention"
    figure = Figure.objects.get(name="张卫星")
    assert (figure.role, figure.organisation, figure.needs_review) == ("党委书记", "科技部火炬中心", False)
    initiative = Initiative.objects.get(name="十大党建共建项目")
    assert (initiative.park, initiative.category, initiative.first_seen) == (parks["成都高新区"], "党建", article.published)
    article.refresh_from_db()
    assert article.regions[:2] == ["成渝地区双城经济圈", "长江经济带"] and "成都市" in article.regions
    assert (stats.added, stats.created) == (4, 2)

    again = extract(article)
    assert (again.added, again.removed, again.created) == (0, 0, 0)
    assert Figure.objects.count() == 1 and Initiative.objects.count() == 1


def test_manual_and_rejected_park_links_survive_reruns(parks):
    article = make_article("成都高新区召开会议", "重庆高新区参加。")
    extract(article)
    ArticlePark.objects.filter(article=article, park=parks["重庆高新区"]).update(rejected=True)
    ArticlePark.objects.create(article=article, park=parks["两江新区"], origin="manual", salience="subject", count=9)
    ArticlePark.objects.filter(article=article, park=parks["成都高新区"]).update(origin="manual", salience="mention")

    stats = extract(article)
    links = park_links(article)
    assert links["重庆高新区"].rejected  # not re-added, not deleted
    assert (links["两江新区"].origin, links["两江新区"].count) == ("manual", 9)  # not found by extraction, kept
    assert links["成都高新区"].salience == "mention"  # a curated link's fields are not overwritten
    assert (stats.added, stats.removed) == (0, 0)


def test_automatic_links_no_longer_found_are_removed(parks):
    article = make_article("成都高新区召开会议", "重庆高新区参加。")
    extract(article)
    article.body = "只有成都高新区。"
    article.save()
    assert extract(article).removed == 1
    assert set(park_links(article)) == {"成都高新区"}


def test_rejected_figure_and_initiative_links_are_never_re_added(parks):
    article = make_article("标题", "科技部火炬中心党委书记张卫星表示。成都高新区发布十大党建共建项目。")
    extract(article)
    ArticleFigure.objects.update(rejected=True)
    ArticleInitiative.objects.update(rejected=True)
    stats = extract(article)
    assert stats.added == 0 and stats.created == 0
    assert ArticleFigure.objects.get().rejected and ArticleInitiative.objects.get().rejected


def test_manual_figure_link_is_kept(parks):
    article = make_article("标题", "成都高新区召开会议。")
    someone = Figure.objects.create(name="王五", role="主任")
    ArticleFigure.objects.create(article=article, figure=someone, origin="manual", role="主任")
    extract(article)
    assert list(article.figure_links.values_list("figure__name", "origin")) == [("王五", "manual")]


def test_same_name_same_organisation_merges_across_articles(parks):
    first = make_article("标题", "南宁高新区行政审批局副局长伍慧芸表示。", position=0)
    second = make_article("标题", "南宁高新区行政审批局副局长伍慧芸介绍。", position=1)
    extract(first)
    extract(second)
    assert Figure.objects.filter(name="伍慧芸").count() == 1


def test_same_name_other_or_unknown_organisation_goes_to_review(parks):
    extract(make_article("标题", "山西农业大学副校长李卫祥表示。", position=0))
    extract(make_article("标题", "星河科技公司总经理李卫祥表示。", position=1))
    first, second = Figure.objects.filter(name="李卫祥").order_by("pk")
    assert (first.needs_review, second.needs_review) == (False, True)
    assert second.organisation == "星河科技公司"
    unknown = make_article("标题", "正文", position=2)
    apply_extraction(unknown, Extraction(figures=[FigureMention("李卫祥", "", "")]))
    assert Figure.objects.filter(name="李卫祥", organisation="", needs_review=True).count() == 1


def test_the_general_secretary_is_one_figure(parks):
    extract(make_article("标题", "习近平总书记强调,要加强党的建设。", position=0))
    extract(make_article("标题", "习近平总书记来到社区考察。", position=1))
    (figure,) = Figure.objects.filter(name="习近平")
    assert (figure.role, figure.needs_review, figure.articles.count()) == ("总书记", False, 2)


def test_a_merged_entity_is_found_again_by_its_aliases(parks):
    article = make_article("标题", "科技部火炬中心党委书记张卫星表示。成都高新区推进“双孵化”工作理念。")
    extract(article)
    # A curator merges the extracted entities into records kept under other names.
    kept_figure = Figure.objects.create(name="张卫兴", aliases=["张卫星"], organisation="科技部火炬中心")
    kept_initiative = Initiative.objects.create(name="双孵化工程", aliases=["双孵化"], park=parks["成都高新区"])
    ArticleFigure.objects.filter(article=article).update(figure=kept_figure)
    ArticleInitiative.objects.filter(article=article).update(initiative=kept_initiative)
    Figure.objects.exclude(pk=kept_figure.pk).delete()
    Initiative.objects.exclude(pk=kept_initiative.pk).delete()

    assert extract(article).created == 0
    other = make_article("标题", "科技部火炬中心党委书记张卫星指出。成都高新区“双孵化”工作理念。", position=1)
    assert extract(other).created == 0
    assert list(other.figures.all()) == [kept_figure]
    assert list(other.initiatives.all()) == [kept_initiative]


def test_initiative_first_seen_is_the_earliest_article(parks):
    later = make_article("标题", "成都高新区发布十大党建共建项目。", published=datetime.date(2023, 5, 1), position=0)
    earlier = make_article("标题", "成都高新区发布十大党建共建项目。", published=datetime.date(2021, 1, 1), position=1)
    extract(later)
    extract(earlier)
    extract(later)
    (initiative,) = Initiative.objects.all()
    assert initiative.first_seen == datetime.date(2021, 1, 1)


def test_a_namesake_initiative_of_another_park_is_separate(parks):
    extract(make_article("标题", "常州高新区推进五大工程。", position=0))
    extract(make_article("标题", "昆山高新区推进五大工程。", position=1))
    changzhou, kunshan = Initiative.objects.filter(name="五大工程").order_by("pk")
    assert (changzhou.park.short_name, kunshan.park.short_name) == ("常州高新区", "昆山高新区")
    assert kunshan.needs_review


def test_proposed_parks_await_review_and_are_linked_once_approved(parks):
    article = make_article("标题", "宜宾高新区和成都高新区签约。")
    assert extract(article).proposed == 1
    proposal = Park.objects.get(full_name="宜宾高新区")
    assert (proposal.status, proposal.province, proposal.city) == ("proposed", "四川省", "宜宾市")
    assert set(park_links(article)) == {"成都高新区"}
    assert extract(article).proposed == 0  # not proposed twice

    proposal.status = Park.Status.CURATED
    proposal.save()
    extract(article)
    assert set(park_links(article)) == {"成都高新区", "宜宾高新区"}


def test_apply_extraction_accepts_hand_made_results_and_a_shared_index(parks):
    article = make_article("标题", "正文")
    index = EntityIndex()
    extraction = Extraction(
        figures=[FigureMention("赵六", "院长", "某研究院")],
        initiatives=[InitiativeMention("链长制", "昆山高新区", "产业")],
    )
    apply_extraction(article, extraction, index=index)
    apply_extraction(make_article("标题", "正文", position=1), extraction, index=index)
    assert Figure.objects.count() == 1 and Initiative.objects.get().park == parks["昆山高新区"]


def test_extract_command(parks):
    first = make_article("成都高新区召开会议", "科技部火炬中心党委书记张卫星致辞。", position=0)
    make_article("两江新区签约", "宜宾高新区参加。", position=1)
    out = StringIO()
    call_command("extract", "--all", stdout=out)
    assert out.getvalue().strip() == (
        "articles: 2; links: 3 added, 0 removed; entities: 1 created, 1 parks proposed"
    )
    out = StringIO()
    call_command("extract", str(first.pk), stdout=out)
    assert out.getvalue().strip() == "articles: 1; links: 0 added, 0 removed; entities: 0 created, 0 parks proposed"
    with pytest.raises(CommandError):
        call_command("extract")
    with pytest.raises(CommandError):
        call_command("extract", "999999")
