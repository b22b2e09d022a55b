"""Page furniture: the lines a site wraps around an article, taken out line by line.

Lines are matched after script normalisation, so every pattern is in simplified Chinese with
full-width Chinese punctuation. Some furniture carries metadata (the site's name, the article's
own URL, the post date) which is kept on the way out.
"""
import re
from dataclasses import dataclass, field

from .dates import DateClue, clue_from_meta

COLON = "[：:]"
SPAM_TERMS = (
    "日韩", "欧美", "一区二区", "人妻", "少妇", "免费观看", "黄色", "精品", "禄体", "裸体", "视频网站",
    "在线观看", "无码", "色情", "成人", "三级片", "激情", "伦理片", "国产",
)
SPAM_MIN_TERMS = 3  # one or two of these words occur in real news ("欧美市场", "国产芯片")
SHORT_LINE = 160  # footers and contact blocks are short; a paragraph that mentions 地址 is not furniture

PATTERNS = [
    ("breadcrumb", re.compile(rf"^(您当前的位置|您当前位置|当前位置|您的位置|所在位置|现在位置)\s*{COLON}|首页\s*[>›»]")),
    ("related", re.compile(r"^(相关文章|相关阅读|相关新闻|相关链接|推荐阅读|延伸阅读|热门文章|猜你喜欢)\s*$")),
    ("editor", re.compile(rf"^[（(【\[]?\s*(责任编辑|责编|编辑|校对|审核|审校|终审|初审|值班编辑)\s*{COLON}")),
    ("share", re.compile(r"扫一扫|二维码|分享给朋友|分享到|关注公众号|打印本页|关闭窗口|【打印】|收藏本页|^字号\s*[：:]")),
]
SHORT_PATTERNS = [
    ("footer", re.compile(
        rf"ICP[备证]|公网安备|版权所有|版权声明|Copyright|©|网站标识码|转载请注明|地方链接|友情链接|"
        rf"^(地址|邮编|传真|联系电话|电话|邮箱|E-?mail|主办|承办|技术支持)\s*{COLON}", re.I)),
    ("contact", re.compile(r"微信号|微信/手机|手机号|联系人|长按|加.{0,6}微信|招商热线|咨询热线|400\s?\d{3,4}\s?\d{3,4}|1[3-9]\d{9}")),
    ("meta", re.compile(rf"^(发布时间|发布日期|时间|日期|来源|作者|浏览次数|阅读量|点击数)\s*{COLON}|^\S{{0,20}}?\d+\s*(天|周|个月|年|小时|分钟)前")),
]
URL_LINE = re.compile(rf"^(本文链接|原文链接|文章链接|原文地址|本文地址)\s*{COLON}\s*(https?://\S+)")
PUBLISHED_BY = re.compile(r"本文由(.{2,20}?)(发布|原创|整理)")
META_SOURCE = re.compile(rf"来源\s*{COLON}\s*(\S+)")
PROSE = re.compile(r"[，。；]")
SITE_NAME = re.compile(r"^[^\s，。：；！？]{2,30}$")


@dataclass
class Removed:
    reason: str
    text: str


@dataclass
class Furniture:
    """What is left of the page, and what the furniture said about it."""

    lines: list[str]
    removed: list[Removed] = field(default_factory=list)
    site_name: str = ""
    url: str = ""
    date: DateClue | None = None


def is_spam(line: str) -> bool:
    return sum(term in line for term in SPAM_TERMS) >= SPAM_MIN_TERMS


def classify(line: str) -> str:
    """The kind of furniture a line is, or "" for content."""
    if is_spam(line):
        return "spam"
    if URL_LINE.match(line):
        return "url"
    for reason, pattern in PATTERNS:
        if pattern.search(line):
            return reason
    if len(line) <= SHORT_LINE:
        for reason, pattern in SHORT_PATTERNS:
            # "30年前，这里还是荒地。" opens a paragraph; a meta line has no prose punctuation.
            if pattern.search(line) and not (reason == "meta" and PROSE.search(line)):
                return reason
    return ""


def remove_furniture(lines: list[str]) -> Furniture:
    result = Furniture(lines=[])
    kinds = [classify(line) for line in lines]
    site_name = _site_name(lines, kinds)
    for index, (line, kind) in enumerate(zip(lines, kinds)):
        if kind == "related":
            # Everything after a related-articles heading is other articles' teasers.
            result.removed.extend(Removed("furniture:related", rest) for rest in lines[index:])
            break
        if not kind and site_name and line == site_name:
            kind = "site-name"
        if not kind:
            result.lines.append(line)
            continue
        result.removed.append(Removed(f"furniture:{kind}", line))
        _harvest(result, kind, line)
    result.site_name = site_name or result.site_name
    return result


def _site_name(lines: list[str], kinds: list[str]) -> str:
    """A short name line right above the breadcrumb is the site's name (it often recurs in the footer)."""
    for index, kind in enumerate(kinds):
        if kind == "breadcrumb":
            above = [line for line, k in zip(lines[:index], kinds[:index]) if not k]
            if above and SITE_NAME.match(above[-1]):
                return above[-1]
            return ""
    return ""


def _harvest(result: Furniture, kind: str, line: str) -> None:
    if kind == "url":
        result.url = result.url or URL_LINE.match(line).group(2)
    elif kind == "footer" and not result.site_name and (match := PUBLISHED_BY.search(line)):
        result.site_name = match.group(1)
    elif kind == "meta":
        result.date = result.date or clue_from_meta(line)
        if not result.site_name and (match := META_SOURCE.search(line)):
            result.site_name = match.group(1)
