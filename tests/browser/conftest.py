"""Browser tests: Debian's Chromium, driven by Playwright, against Django's live server.

Playwright never downloads a browser here; `make browser` installs /usr/bin/chromium.
"""
import os
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="install the test extra: pip install -e '.[test]'")

from archive.models import Park  # noqa: E402  (after the skip, like the playwright import it needs)

from .. import factories  # noqa: E402

# Playwright's sync API runs an event loop in the test thread, which Django takes for async
# code and would refuse ORM calls from.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Chinese-speaking reader's browser, so the site's default language is what it shows.
    return {**browser_context_args, "viewport": DESKTOP, "locale": "zh-CN"}


@pytest.fixture
def site(live_server, transactional_db, page):
    # Everything here answers in well under a second; a failing wait should not take 30.
    page.set_default_timeout(5000)
    return live_server.url


@pytest.fixture
def corpus(parks, site):
    """A small dated archive over a few months, parks, sources, figures and initiatives."""
    chengdu = Park.objects.get(short_name="成都高新区")
    liangjiang = Park.objects.get(short_name="两江新区")
    suzhou = Park.objects.get(short_name="苏州工业园")
    body = "{title}。\n\n{park}持续推进党建引领产业发展，园区企业与高校开展合作。\n\n记者从管委会获悉，相关项目已陆续落地。"
    rows = [
        ("成都高新区发布十大党建共建项目", "2020-12-08", "科技日报", [chengdu], [("张卫星", "党工委书记")], [("十大党建共建项目", "党建")]),
        ("成都高新区党建联盟成立", "2020-12-20", "新华社", [chengdu], [], [("党建联盟", "党建")]),
        ("成渝地区国家高新区党建联盟创新项目发布", "2021-03-15", "工业和信息化部火炬中心", [chengdu, liangjiang], [("张卫星", "党工委书记")], []),
        ("两江新区全面开启二次创业", "2021-05-10", "新华社", [liangjiang], [], [("二次创业", "产业")]),
        ("两江新区人才新政发布", "2021-05-28", "重庆日报", [liangjiang], [], [("人才新政", "人才")]),
        ("苏州工业园区营商环境再升级", "2021-09-01", "新华社", [suzhou], [], [("营商环境提升行动", "营商环境")]),
        ("苏州工业园区科技创新大会召开", "2021-11-18", "科技日报", [suzhou], [], []),
        ("成都高新区生物医药产业提速", "2022-02-14", "科技日报", [chengdu], [], []),
    ]
    for title, published, source, linked, figures, initiatives in rows:
        factories.article(
            title, body.format(title=title, park=linked[0].display_name), published, source=source,
            parks=linked, figures=figures, initiatives=initiatives, authors=["雍黎"], url="http://example.org/news",
        )


@pytest.fixture
def screenshot(page):
    """Keep what a test saw, at desktop width and, for the main pages, at phone width too."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name, phone=False):
        page.screenshot(path=ARTIFACTS / f"{name}-1280.png", full_page=True)
        if phone:
            page.set_viewport_size(PHONE)
            page.screenshot(path=ARTIFACTS / f"{name}-375.png", full_page=True)
            page.set_viewport_size(DESKTOP)

    return take
