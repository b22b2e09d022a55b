"""The cleaning steps one by one, on small hand-made inputs (numbers refer to the issue's list)."""
import pytest

from archive.cleaning import UnreadablePage, clean_page
from archive.cleaning.dates import DateClue, clue_from_meta, parse_fetched_at, repair_dates, resolve
from archive.cleaning.decoding import decode
from archive.cleaning.furniture import classify, remove_furniture
from archive.cleaning.layout import kind_of, lead_dateline, parse_byline, trailing_names
from archive.cleaning.mojibake import MARKER, repair_line
from archive.cleaning.script import is_traditional, normalise_width, strip_pinyin, to_simplified
from archive.cleaning.splitting import Block
from archive.cleaning.structure import drop_duplicates, join_fragments, relocate_headings, remove_repeated_passages
from archive.cleaning.substitutions import revert_substitutions

SAMPLE = "成都高新区召开党工委会议，研究部署贯彻落实措施。"
TRADITIONAL_SAMPLE = "成都高新區召開黨工委會議，研究部署貫徹落實措施。"


def page(*paragraphs: str) -> bytes:
    return "\n\n".join(paragraphs).encode("utf-8")


# --- Input: encodings -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_each_encoding_round_trips(encoding):
    raw = ("高新区新闻\n" + SAMPLE).encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # without a byte-order mark
        raw = ("高新区新闻 news\n" + SAMPLE).encode(encoding)
    text, _ = decode(raw)
    assert SAMPLE in text and not text.startswith("\ufeff")


def test_big5_round_trips_and_is_simplified_by_the_pipeline():
    raw = ("高新區新聞\n\n" + TRADITIONAL_SAMPLE + "\n\n" + TRADITIONAL_SAMPLE.replace("成都", "西安")).encode("big5")
    text, encoding = decode(raw)
    assert encoding == "big5" and TRADITIONAL_SAMPLE in text
    cleaned = clean_page(raw)
    assert cleaned.encoding == "big5"
    assert SAMPLE in cleaned.articles[0].paragraphs
    assert cleaned.articles[0].original_script == "traditional"


def test_gbk_file_is_reported_as_gbk():
    assert decode(SAMPLE.encode("gbk"))[1] == "gbk"


def test_html_markup_never_gets_through():
    html = (
        "<html><head><title>t</title><style>p{color:red}</style><script>var x='<p>广告</p>';</script></head>"
        "<body><h1>苏州高新区加快融入长三角</h1><p>3月17日，苏州高新区召开会议，&ldquo;强调&rdquo;落实。</p>"
        "<div>会议强调，要对标对表抓好贯彻落实。<br>要深化改革。</div></body></html>"
    ).encode("utf-8")
    article = clean_page(html).articles[0]
    assert article.title == "苏州高新区加快融入长三角"
    text = "".join(article.paragraphs)
    assert "<" not in text and "color" not in text and "广告" not in text
    assert "“强调”" in text
    assert article.paragraphs[-1] == "要深化改革。"


# --- Hostile files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty"),
        (b"  \r\n\t ", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (bytes((i * 7919) % 128 + 128 for i in range(3000)), "could not be decoded"),
    ],
)
def test_unreadable_files_raise_a_clear_reason(raw, message):
    with pytest.raises(UnreadablePage, match=message):
        clean_page(raw)


def test_a_file_that_is_only_furniture_is_unreadable():
    raw = page("您当前位置：首页 > 新闻", "京ICP备05034026号-9", "扫一扫关注公众号", "版权声明：本站所有")
    with pytest.raises(UnreadablePage, match="furniture"):
        clean_page(raw)


# --- 1. Furniture -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, reason",
    [
        ("最新日韩欧美一区二区三区-日韩黄色片在线免费观看", "spam"),
        ("您当前位置：首页 > 工作交流", "breadcrumb"),
        ("当前位置：首页 > 上海厂房出租信息 > 正文内容", "breadcrumb"),
        ("火炬中心 京ICP备05034026号-9京公网安备 11010202000532号", "footer"),
        ("地址：北京市海淀区万寿路27号院 邮编：100036 联系电话：010-68209024 传真：010-68209025", "footer"),
        ("版权声明：本文由中国产业园区招商网发布，如需转载请注明出处。", "footer"),
        ("扫一扫关注公众号", "share"),
        ("扫描二维码推送至手机访问。", "share"),
        ("分享给朋友：", "share"),
        ("葛毅明微信号", "contact"),
        ("产业招商/厂房土地租售：400 0123 021", "contact"),
        ("admin8个月前 (09-21)上海厂房出租信息52", "meta"),
        ("责任编辑：王芳", "editor"),
        ("（编辑：李明）", "editor"),
        ("相关文章", "related"),
        ("本文链接：http://www.rent.sh.cn/index.php/post/7760.html", "url"),
    ],
)
def test_each_furniture_pattern(line, reason):
    assert classify(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "30年前，这里还是一片荒地。",
        "欧美市场需求回暖，国产芯片出口增长。",
        "该公司新址位于高新区，地址选在交通便利处。",
        SAMPLE,
    ],
)
def test_content_is_not_furniture(line):
    assert classify(line) == ""


def test_furniture_keeps_what_it_says_about_the_page():
    result = remove_furniture(
        [
            "工业和信息化部火炬中心",
            "您当前位置：首页 > 工作交流",
            "标题",
            "正文。",
            "本文链接：http://example.cn/a.html",
            "相关文章",
            "另一篇文章的标题",
        ]
    )
    assert result.lines == ["标题", "正文。"]
    assert result.site_name == "工业和信息化部火炬中心"
    assert result.url == "http://example.cn/a.html"
    assert "furniture:related" in {r.reason for r in result.removed}


def test_editor_line_and_jump_line_are_removed_from_the_article():
    article = clean_page(page("标题", SAMPLE, "（上接第一版）", "会议强调，要深化改革。", "责任编辑：王芳")).articles[0]
    assert article.paragraphs == [SAMPLE, "会议强调，要深化改革。"]


# --- 2. Script ------------------------------------------------------------------------------------


def test_glued_pinyin_is_removed():
    assert strip_pinyin("工業(yè)和創(chuàng)新，高新區(qū)")[0] == "工業和創新，高新區"
    assert strip_pinyin("發(fā)展 聯(lián)盟")[1] == 2


def test_brackets_that_are_not_pinyin_stay():
    assert strip_pinyin("新世界(600628)和WAIC(world)")[0] == "新世界(600628)和WAIC(world)"


def test_traditional_is_detected_and_converted():
    assert is_traditional(TRADITIONAL_SAMPLE)
    assert not is_traditional(SAMPLE)
    assert to_simplified(TRADITIONAL_SAMPLE) == SAMPLE


def test_width_convention():
    assert normalise_width("会上,作为主席单位:成都　高新区（ＡＢＣ１２３）!") == "会上，作为主席单位：成都 高新区（ABC123）！"
    assert normalise_width("G60 科创走廊,1/15GDP") == "G60 科创走廊，1/15GDP"
    assert normalise_width("国家高新区在行动①") == "国家高新区在行动①"
    assert normalise_width("(特约通讯员 欧阳钢桥)") == "（特约通讯员 欧阳钢桥）"


def test_substitution_table_reverts_but_keeps_genuine_words():
    text, reverted = revert_substitutions("经济蕞前沿、蕞活跃，蕞尔小国")
    assert text == "经济最前沿、最活跃，蕞尔小国"
    assert reverted == [("蕞", "最"), ("蕞", "最")]


# --- 3. Mojibake ----------------------------------------------------------------------------------


def test_gbk_read_one_byte_off_is_repaired():
    # As in seed 000: GB18030 bytes decoded from the second byte, the lost byte shown as "?",
    # full-width characters since folded to ASCII.
    original = "會議強調。”張衛星表示"
    data = original.encode("gb18030")
    start = data.index("。".encode("gb18030"))
    garbled = original[: original.index("。")] + "?" + normalise_width(data[start + 1 :].decode("gb18030", "replace"))
    assert garbled != original
    repaired, repairs = repair_line(garbled)
    assert repaired == original
    assert repairs[0].outcome == "repaired"


def test_a_byte_lost_mid_line_is_re_aligned_and_the_loss_marked():
    text = "会上，张卫星表示，成渝地区国家高新区将协同发展。"
    data = text.encode("gbk")
    cut = text.index("张") * 2
    garbled = (data[:cut] + data[cut + 1 :]).decode("gbk", "replace")
    repaired, repairs = repair_line(garbled)
    assert "卫星表示" in repaired and repaired.endswith("成渝地区国家高新区将协同发展。")
    assert MARKER in repaired  # the character that lost its byte is marked, not guessed
    assert repairs[0].outcome == "partly repaired"


@pytest.mark.parametrize(
    "garbled, expected",
    [
        ("两江" + "新区".encode("utf-8").decode("gbk") + "发布", "两江新区发布"),
        ("会上" + "高新区".encode("gbk").decode("latin-1") + "。", "会上高新区。"),
    ],
)
def test_wrong_codec_runs_are_repaired(garbled, expected):
    assert repair_line(garbled)[0] == expected


@pytest.mark.parametrize("garbage", ["ㄊ∥\ue1d6皟瘜毟睍浺", "锟斤拷锟斤拷", "烫烫烫烫"])
def test_unrepairable_mojibake_is_marked_and_flagged(garbage):
    line = f"这是正常的文字，后面是乱码：{garbage}。"
    repaired, repairs = repair_line(line)
    assert garbage not in repaired and MARKER in repaired
    assert repairs[-1].outcome == "marked"
    article = clean_page(page("标题", line, SAMPLE)).articles[0]
    assert "mojibake" in article.flags
    assert any(e.reason == "mojibake:marked" for e in article.report)


def test_rare_but_real_characters_are_left_alone():
    assert repair_line("中骏·璟荟座落在松江，与南面7大学府为邻")[1] == []
    assert repair_line("如何加强新业态党建?昆山高新区给出的答案是")[1] == []


# --- 4. Dates -------------------------------------------------------------------------------------


def test_year_run_into_month_is_repaired():
    assert repair_dates("20201月，中央财经委员会", "")[0] == "2020年1月，中央财经委员会"
    assert repair_dates("202012月底", "")[0] == "2020年12月底"


def test_month_day_without_yue_is_repaired_only_when_unambiguous():
    assert repair_dates("1028日，会议召开", "")[0] == "10月28日，会议召开"
    assert repair_dates("938日", "")[1] == []  # 9月38日 is no date, 93月8日 neither
    text, changes, ambiguous = repair_dates("128日，会议召开", "")
    assert text == "128日，会议召开" and ambiguous == ["128日"]
    # "今年10月…印发" in the past tense: the page's date is not in January.
    assert repair_dates("128日，会议召开", "今年10月正式印发")[0] == "12月8日，会议召开"
    assert repair_dates("15日，会议召开", "")[0] == "15日，会议召开"  # a day of this month is normal


def test_meta_dates():
    assert clue_from_meta("发布时间：2021-09-21 10:00") == DateClue("2021-09-21", 2021, 9, 21)
    relative = clue_from_meta("admin8个月前 (09-21)上海厂房出租信息52")
    assert (relative.ago, relative.month, relative.day, relative.evidence) == ((8, "个月"), 9, 21, "8个月前 (09-21)")


def test_resolution_uses_fetched_at_only_for_missing_years():
    fetched = parse_fetched_at("2023-05-20T08:00:00Z")
    assert resolve(DateClue("2021年9月", 2021, 9), fetched).published == "2021-09"
    relative = resolve(DateClue("8个月前 (09-21)", None, 9, 21, (8, "个月")), fetched)
    assert (relative.published, relative.precision) == ("2022-09-21", "day")
    recent = resolve(DateClue("12月8日", None, 12, 8), fetched)
    assert recent.published == "2022-12-08" and "year_inferred" in recent.flags
    unknown = resolve(DateClue("12月8日", None, 12, 8), None)
    assert (unknown.published, unknown.precision, unknown.flags, unknown.month_day) == (
        None, "unknown", ["unknown_date"], "12-08")
    assert resolve(None, fetched).flags == ["unknown_date"]


# --- 5. Structure ---------------------------------------------------------------------------------


def blocks(*items: str) -> list[Block]:
    return [Block("heading", t[2:]) if t.startswith("# ") else Block("para", t) for t in items]


def test_mid_sentence_break_is_joined():
    joined, dangling, _ = join_fragments(blocks("坚持扩需求，以重", "大项目为牵引，提振信心。", "另一段。"), set(), [])
    assert [b.text for b in joined] == ["坚持扩需求，以重大项目为牵引，提振信心。", "另一段。"]
    assert dangling == []


def test_interleaved_fragments_are_reattached_to_what_completes_them():
    joined, _, _ = join_fragments(
        blocks(
            "两江新区将全力推进，努力在全市发",
            "# 协同创新区",
            "在现代精准医学模式下，手术是挑战。",
            "过去，由于资本、需求、应用等方",
            "展大局中作出新的更大贡献。",
            "面的脱节，科研与产业存在鸿沟。",
        ),
        set(),
        [],
    )
    texts = [b.text for b in joined]
    assert texts[0] == "两江新区将全力推进，努力在全市发展大局中作出新的更大贡献。"
    assert "过去，由于资本、需求、应用等方面的脱节，科研与产业存在鸿沟。" in texts
    assert all(t.endswith("。") or b.kind == "heading" for t, b in zip(texts, joined))


def test_fragment_without_continuation_is_reported():
    report = []
    _, dangling, _ = join_fragments(blocks("第一段。", "# 小标题", "中央组织部指导各地确定"), set(), report)
    assert dangling == ["中央组织部指导各地确定"]
    assert report[-1].reason == "fragment"


def test_displaced_roundup_heading_moves_above_its_section():
    moved = relocate_headings(
        blocks(
            "# 苏州高新区 加快融入长三角",
            "3月17日，苏州高新区召开会议。",
            "3月14日，襄阳高新区召开会议。",
            "会议强调，要把准工作方向，",
            "# 襄阳高新区 在襄阳市发展中勇挑重担",
            "创新工作举措。",
        ),
        [],
    )
    assert [b.text for b in moved][2] == "襄阳高新区 在襄阳市发展中勇挑重担"
    joined, _, _ = join_fragments(moved, set(), [])
    assert joined[-1].text == "会议强调，要把准工作方向，创新工作举措。"


def test_duplicate_and_near_duplicate_paragraphs_are_dropped():
    first = "两江新区召开干部大会暨优化营商环境推进大会，鲜明地提出全面开启二次创业、走好新的赶考之路。"
    near = "重庆" + first.replace("提出", "提出了")
    report = []
    kept = drop_duplicates(blocks(first, "另一段不同的内容，讲的是别的事情，长度也足够长了。", near, first), report)
    assert [b.text for b in kept] == [first, "另一段不同的内容，讲的是别的事情，长度也足够长了。"]
    assert [e.reason for e in report] == ["duplicate-paragraph", "duplicate-paragraph"]


def test_repeated_passage_is_cut_from_the_later_paragraph():
    passage = "实现产业集聚，打造现代产业体系；充分发挥桥头堡作用，加快建设川南渝西融合发展先行区，推动实现高水平互联互通。"
    kept = remove_repeated_passages(
        blocks("据了解，荣昌高新区聚力打造消费品支柱产业，" + passage, "负责人表示，下一步将依据开放平台优势，构建农牧高新产业体系，" + passage),
        [],
    )
    assert kept[1].text == "负责人表示，下一步将依据开放平台优势，构建农牧高新产业体系。"
    assert kept[0].text.endswith(passage)


# --- 6. Splitting and 7. metadata -----------------------------------------------------------------


def test_line_kinds_and_bylines():
    assert parse_byline("◎本报记者 雍黎 通讯员 赵鹏") == ["雍黎", "赵鹏"]
    assert parse_byline("解张 张旭博 吴嵩情") == ["解张", "张旭博", "吴嵩情"]
    assert parse_byline("建强战斗堡垒 夯实执政之基") is None
    assert parse_byline("黄芪") is None
    assert lead_dateline("本报 （特约通讯员 欧阳钢桥） 近日，南宁高新区举行仪式。") == ("近日，南宁高新区举行仪式。", "本报", ["欧阳钢桥"])
    assert lead_dateline("本报记者了解到，项目已开工。")[1] == ""
    assert trailing_names("贡献高新力量。 胡俊超") == ("贡献高新力量。", ["胡俊超"])
    assert kind_of("图片来源：杭州高新区（滨江）") == "credit"
    assert kind_of("（新华社北京10月9日电）") == "end_dateline"
    assert kind_of("（上接第一版）") == "jump"


NEWSPAPER_PAGE = page(
    "本版专栏",
    "甲高新区：项目建设提速",
    "◎本报记者 张三 通讯员 李四",
    "9月28日，甲高新区召开项目推进会，部署下一阶段工作。",
    "会议强调，要加快项目建设。",
    "图片来源：乙高新区",
    "近日，乙高新区举办科技节。图为市民参观展览。",
    "丙高新区：获批创新试点",
    "本报 （特约通讯员 欧阳钢桥） 日前，丙高新区获批创新试点。",
    "据了解，试点将推动改革。 王五",
    "丁高新区：成果丰硕",
    "本报 近日，丁高新区发布成果。",
    "赵六 钱七",
)


def test_newspaper_page_splits_into_items_with_their_own_metadata():
    articles = clean_page(NEWSPAPER_PAGE).articles
    assert [a.title for a in articles] == [
        "甲高新区：项目建设提速",
        "乙高新区举办科技节",
        "丙高新区：获批创新试点",
        "丁高新区：成果丰硕",
    ]
    assert [a.kind for a in articles] == ["article", "photo", "article", "article"]
    assert [a.authors for a in articles] == [["张三", "李四"], [], ["欧阳钢桥", "王五"], ["赵六", "钱七"]]
    assert articles[0].column == "本版专栏" and articles[0].month_day == "09-28"
    assert articles[1].photo_credit == "乙高新区" and "derived_title" in articles[1].flags
    assert articles[2].paragraphs == ["日前，丙高新区获批创新试点。", "据了解，试点将推动改革。"]
    assert articles[3].dateline == "本报"


def test_agency_dateline_sets_source_and_date():
    article = clean_page(page("标题一 标题二", "正文第一段。", "正文第二段。", "（新华社北京10月9日电）"), "", {"source": "科技日报"}).articles[0]
    assert article.source == "新华社"
    assert article.month_day == "10-09" and article.date_evidence == "新华社北京10月9日电"


def test_title_and_subtitle():
    article = clean_page(page("传达学习贯彻全国两会精神 ——国家高新区在行动①", SAMPLE)).articles[0]
    assert (article.title, article.subtitle) == ("传达学习贯彻全国两会精神", "国家高新区在行动①")


def test_sidecar_fills_what_the_page_does_not_say():
    sidecar = {"url": "https://example.cn/a", "source": "某网站", "fetched_at": "2024-03-20"}
    article = clean_page(page("标题", "3月13日，" + SAMPLE), "a.txt", sidecar).articles[0]
    assert (article.url, article.source, article.published) == ("https://example.cn/a", "某网站", "2024-03-13")


# --- 9. Determinism ------------------------------------------------------------------------------


def test_same_bytes_same_output_and_cleaning_is_idempotent():
    first, second = clean_page(NEWSPAPER_PAGE), clean_page(NEWSPAPER_PAGE)
    assert [a.to_dict() for a in first.articles] == [a.to_dict() for a in second.articles]
    article = clean_page(page("标题", "坚持扩需求，以重", "大项目为牵引，提振信心。")).articles[0]
    again = clean_page(page(article.title, *article.paragraphs)).articles[0]
    assert (again.title, again.paragraphs) == (article.title, article.paragraphs)
