"""Finding reposted text, showing it on articles, and collapsing it in search."""
import datetime

import pytest
from django.core.management import call_command

from archive.models import Article
from archive.reuse import Text, clusters
from search.engine import run_search
from search.params import SearchParams

from . import factories

RELEASE = (
    "9月17日，两江新区与赛力斯集团签订战略合作协议。根据协议，赛力斯问界新能源汽车升级项目将入驻两江新区龙兴智能网联新能源汽车产业园。"
    "此次赛力斯新能源汽车升级项目是以数字化、智能化为核心驱动，结合大数据、物联网等新技术，运用数字孪生技术搭建的又一智能化生产基地。"
    "按照规划，该项目将于2023年四季度完成建设，建成后整体智能化水平将达到国际先进、国内领先水平，有力推动重庆市智能网联新能源汽车产业高质量发展。"
)
REPOST = "来源：重庆日报 转载请注明出处\n" + RELEASE.replace("9月17日，", "日前，") + "（编辑：张三）"
OTHER = (
    "3月13日，成都高新区召开党工委会议，传达学习全国两会精神以及四川省委常委会会议、成都市委常委会会议有关精神，"
    "研究部署成都高新区贯彻落实措施。会议强调，成都高新区作为四川省、成都市经济社会发展的主引擎压舱石，在全力以赴拼经济搞建设上挑大梁。"
)


def test_reposts_cluster_under_the_earliest_and_different_stories_do_not():
    texts = [
        Text(1, REPOST, datetime.date(2022, 9, 20)),
        Text(2, RELEASE, datetime.date(2022, 9, 18)),
        Text(3, OTHER, datetime.date(2022, 9, 18)),
        Text(4, "", None),
    ]
    assert clusters(texts) == {1: 2, 2: 2}


def test_a_story_sharing_one_sentence_is_not_a_repost():
    other = OTHER + "按照规划，该项目将于2023年四季度完成建设。"
    assert clusters([Text(1, RELEASE), Text(2, other)]) == {}


@pytest.mark.django_db(transaction=True)
def test_find_reuse_marks_articles_and_search_can_collapse(client):
    original = factories.article("赛力斯项目入驻两江新区", RELEASE, "2022-09-18", source="科技日报")
    repost = factories.article("赛力斯项目入驻两江新区", REPOST, "2022-09-20", source="转载网")
    other = factories.article("成都高新区传达两会精神", OTHER + "新能源汽车", "2024-03-13")
    call_command("find_reuse", verbosity=0)
    original.refresh_from_db()
    repost.refresh_from_db()
    assert original.reuse_cluster == repost.reuse_cluster == original.pk
    assert list(repost.reposts()) == [original] and list(original.reposts()) == [repost]
    assert Article.objects.get(pk=other.pk).reuse_cluster is None

    plain = run_search(SearchParams(q="新能源汽车"))
    collapsed = run_search(SearchParams(q="新能源汽车", collapse=True))
    assert {hit["id"] for hit in plain.hits} == {original.pk, repost.pk, other.pk}
    assert len(collapsed.hits) == 2 and other.pk in {hit["id"] for hit in collapsed.hits}
    data = client.get("/search/?q=新能源汽车&collapse=1&format=json", follow=True).json()
    assert len(data["results"]) == 2
    assert collapsed.total == 2 and plain.total == 3
