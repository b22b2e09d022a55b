"""What a reader does in a browser: search, filter, read, follow links, switch language, save."""
import re

from playwright.sync_api import expect

from archive.models import Article


def result_titles(page):
    return page.locator("ol.results .result h3").all_inner_texts()


def test_home_then_search(page, site, corpus, screenshot):
    page.goto(site + "/")
    expect(page.locator(".figures")).to_contain_text("8")
    expect(page.locator(".bar-chart a.bar")).to_have_count(6)  # six months with articles
    expect(page.locator(".hbars")).to_contain_text("四川省")
    screenshot("home", phone=True)
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    page.get_by_role("searchbox", name="检索").fill("党建")
    page.get_by_role("button", name="检索").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=%E5%85%9A%E5%BB%BA$"))
    expect(page.locator(".result-count")).to_contain_text("共 8 篇文章")
    screenshot("search", phone=True)


def test_apply_and_remove_facets(page, site, corpus, screenshot):
    page.goto(site + "/search/")
    page.locator('[data-facet="park"] a', has_text="两江新区").click()
    expect(page).to_have_url(re.compile(r"park=%E4%B8%A4%E6%B1%9F"))
    expect(page.locator(".result-count")).to_contain_text("共 3 篇文章")
    page.locator('[data-facet="source"] a', has_text="新华社").click()
    expect(page.locator(".result-count")).to_contain_text("共 1 篇文章")
    expect(page.locator(".chips .chip")).to_have_count(2)
    screenshot("search-facets", phone=True)

    page.get_by_role("link", name="移除筛选 园区：两江新区").click()
    expect(page).not_to_have_url(re.compile("park="))
    expect(page.locator(".result-count")).to_contain_text("共 3 篇文章")  # 新华社 alone
    page.get_by_role("link", name="清除全部").click()
    expect(page.locator(".result-count")).to_contain_text("共 8 篇文章")


def test_clicking_a_histogram_bar_filters_to_its_month(page, site, corpus, screenshot):
    page.goto(site + "/search/")
    page.locator(".histogram a.bar[title^='2021-05']").click()
    expect(page).to_have_url(re.compile(r"month=2021-05"))
    expect(page.locator(".result-count")).to_contain_text("共 2 篇文章")
    for date in page.locator("ol.results time").all_inner_texts():
        assert date.startswith("2021-05")
    expect(page.locator(".histogram a.bar.chosen")).to_have_count(1)
    screenshot("search-month")


def test_a_bookmarked_url_gives_the_same_results(page, site, corpus, browser):
    page.goto(site + "/search/?q=党建&sort=oldest")
    page.locator('[data-facet="year"] a', has_text="2021").click()
    expect(page.locator(".result-count")).to_contain_text("共 5 篇文章")
    bookmark, titles = page.url, result_titles(page)

    page.reload()
    assert result_titles(page) == titles
    other = browser.new_context(locale="zh-CN")
    fresh = other.new_page()
    fresh.goto(bookmark)
    assert fresh.url == bookmark and result_titles(fresh) == titles
    other.close()


def test_open_an_article_copy_its_citation_and_follow_entity_links(page, site, corpus, screenshot):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    # Reached through filters: a name created a moment ago may not yet be one word to the
    # tokenizer, which rereads the archive's word file only every couple of seconds.
    page.goto(site + "/search/?source=科技日报&sort=oldest")
    page.locator("ol.results h3 a").first.click()
    expect(page.locator("h1")).to_have_text("成都高新区发布十大党建共建项目")
    article = Article.objects.get(title="成都高新区发布十大党建共建项目")
    citation = page.locator("#citation-text")
    expect(citation).to_contain_text("雍黎. 成都高新区发布十大党建共建项目[N/OL]. 科技日报, 2020-12-08[")
    expect(citation).to_contain_text(f"{site}/articles/{article.pk}/")
    page.get_by_role("button", name="复制引用").click()
    expect(page.locator(".copy-status")).to_have_text("已复制")
    assert page.evaluate("navigator.clipboard.readText()") == citation.inner_text().strip()
    page.get_by_text("原始页面与清洗报告").click()
    expect(page.locator("pre.raw")).to_be_visible()
    screenshot("article", phone=True)

    page.locator(".entity-chips a.chip.park", has_text="成都高新区").click()
    expect(page.locator("h1")).to_have_text("成都高新区")
    expect(page.locator(".bar-chart a.bar")).to_have_count(3)  # 2020, 2021, 2022
    expect(page.locator(".facts")).to_contain_text("成渝地区双城经济圈")
    screenshot("park", phone=True)

    page.locator(".facts a", has_text="成渝地区双城经济圈").click()
    expect(page.locator("h1")).to_have_text("成渝地区双城经济圈")
    expect(page.locator(".park-list")).to_contain_text("两江新区")
    screenshot("region", phone=True)
    page.get_by_role("link", name=re.compile("检索成渝地区双城经济圈的文章")).click()
    expect(page.locator(".result-count")).to_contain_text("共 6 篇文章")


def test_figure_initiative_and_region_index_pages(page, site, corpus, screenshot):
    page.goto(site + "/regions/")
    expect(page.locator(".region-grid").first).to_contain_text("长三角")
    screenshot("regions", phone=True)
    page.get_by_role("link", name=re.compile("^四川省")).click()
    expect(page.locator(".park-list")).to_contain_text("成都高新区")
    screenshot("region-province")

    page.goto(site + "/search/?figure=张卫星")
    page.locator("ol.results h3 a").first.click()
    page.locator("a.chip.figure").click()
    expect(page.locator("h1")).to_have_text("张卫星")
    expect(page.locator("ol.results, ul.results").first).to_contain_text("成渝地区国家高新区党建联盟创新项目发布")
    screenshot("figure", phone=True)

    page.goto(site + "/search/?initiative_category=党建&sort=oldest")
    page.locator("ol.results h3 a").first.click()
    page.locator("a.chip.initiative").click()
    expect(page.locator("h1")).to_have_text("十大党建共建项目")
    screenshot("initiative")


def test_switch_language_to_english(page, site, corpus, screenshot):
    page.goto(site + "/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", name="最新文章")).to_be_visible()
    page.get_by_label("语言").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Latest articles")).to_be_visible()
    expect(page.get_by_role("button", name="Search")).to_be_visible()
    screenshot("home-en", phone=True)
    page.goto(site + "/search/?q=党建")
    expect(page.locator(".result-count")).to_contain_text("8 articles")
    screenshot("search-en")


def test_sign_in_and_save_a_search(page, site, corpus, django_user_model, screenshot):
    django_user_model.objects.create_user("reader", password="pw-long-enough-1")
    page.goto(site + "/search/?q=党建&region=四川省")
    page.get_by_role("link", name="登录后保存检索").click()
    screenshot("login", phone=True)
    page.get_by_label("用户名").fill("reader")
    page.get_by_label("密码").fill("pw-long-enough-1")
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=.*region="))

    page.get_by_label("检索名称").fill("四川党建")
    page.get_by_role("button", name="保存检索").click()
    expect(page).to_have_url(re.compile(r"/search/saved/$"))
    expect(page.locator(".notice")).to_contain_text("四川党建")
    expect(page.locator(".saved h3 a")).to_have_text("四川党建")
    screenshot("saved", phone=True)
    page.locator(".saved h3 a").click()
    expect(page.locator(".result-count")).to_contain_text("共 4 篇文章")


def test_missing_page_is_a_styled_404(page, site, screenshot):
    response = page.goto(site + "/parks/没有这个园区/")
    assert response.status == 404
    expect(page.get_by_role("link", name="返回首页")).to_be_visible()
    screenshot("404", phone=True)
