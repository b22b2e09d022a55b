"""What each remaining line of a page is: heading, byline, photo credit, dateline or paragraph.

Also the parsing of bylines and datelines, since recognising them and reading them are one job.
"""
import re

from .chars import CJK, ends_sentence

# Role words are only roles at the start of a word: 文 and 图 inside a name are part of it.
ROLES = r"(?:(?<=^)|(?<=[\s◎（(]))(?:本报记者|特约记者|实习记者|见习记者|特约通讯员|通讯员|实习生|记者|文/图|摄影)"
# Common surnames, for telling a line of names ("魏志强 吕科") from a two-part heading.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
    "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘"
    "池查麻苑迟邝雍"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯")
NAME = rf"[{CJK}]{{2,4}}"
BYLINE_MARK = re.compile(r"^[◎●○□■▲△]\s*")
PHOTO_CREDIT = re.compile(r"^(?:图片来源|图片提供|摄影|供图|图)\s*[：:]\s*(.+)$")
END_DATELINE = re.compile(r"^[（(]\s*(新华社|中新社|人民日报|科技日报)(.{0,12}?)电\s*[）)]$")
LEAD_DATELINE = re.compile(
    rf"^(?P<source>本报讯|本报|新华社|中新社)(?P<place>[{CJK}]{{0,8}}?\d{{1,2}}月\d{{1,2}}日电)?\s*"
    rf"(?:[（(](?P<credit>[^（）()]*)[）)])?\s*"
)
TRAILING_NAMES = re.compile(rf"(?<=[。！？”])\s+((?:{NAME}\s*){{1,4}})$")
# "（上接第一版）": the text after it continues a story from another page.
JUMP = re.compile(r"^[（(]?\s*(上接|下转|接|转)第?[一二三四五六七八九十\d]+版\s*[）)]?$")
HEADING_MAX = 60
COLUMN_MAX = 6


def is_name(word: str) -> bool:
    if not re.fullmatch(NAME, word):
        return False
    if word.startswith(COMPOUND_SURNAMES):
        return len(word) >= 3
    return word[0] in SURNAMES


def names_in(text: str) -> list[str]:
    """Names from a credit such as '本报记者 雍黎 通讯员 赵鹏': role words dropped, names kept."""
    words = re.sub(ROLES, " ", text).split()
    return [w for w in words if is_name(w)]


def parse_byline(line: str) -> list[str] | None:
    """The names on a byline line ('◎本报记者 雍黎 通讯员 赵鹏', '魏志强 吕科'), or None."""
    marked = bool(BYLINE_MARK.match(line))
    body = BYLINE_MARK.sub("", line)
    has_role = bool(re.match(ROLES, body))
    words = re.sub(ROLES, " ", body).split()
    if not words or len(words) > 6 or not all(is_name(w) for w in words):
        return None
    if not (marked or has_role or len(words) >= 2):
        return None  # one bare word could be a heading; a byline needs a mark, a role or two names
    return words


def trailing_names(paragraph: str) -> tuple[str, list[str]]:
    """'…贡献高新力量。 胡俊超' → the paragraph without the byline, and the names."""
    match = TRAILING_NAMES.search(paragraph)
    if not match:
        return paragraph, []
    names = match.group(1).split()
    if not all(is_name(n) for n in names):
        return paragraph, []
    return paragraph[: match.start()].rstrip(), names


def lead_dateline(paragraph: str) -> tuple[str, str, list[str]]:
    """'本报 （特约通讯员 欧阳钢桥） 近日，…' → ('近日，…', '本报', ['欧阳钢桥'])."""
    match = LEAD_DATELINE.match(paragraph)
    if not match or match.end() == len(paragraph):
        return paragraph, "", []
    # '本报 近日，…' and '本报讯' are datelines; '本报记者了解到…' is just a sentence.
    if not (match.group("source") == "本报讯" or match.group("place") or match.group("credit") or " " in match.group()):
        return paragraph, "", []
    source = "本报" if match.group("source").startswith("本报") else match.group("source")
    names = names_in(match.group("credit") or "")
    if match.group("credit") and not names:
        return paragraph, "", []  # a bracket that is not a credit, e.g. 本报（网络版）
    return paragraph[match.end() :].lstrip("，, "), source, names


def photo_credit(line: str) -> str | None:
    match = PHOTO_CREDIT.match(line)
    return match.group(1).strip() if match else None


def end_dateline(line: str) -> str | None:
    """'（新华社北京10月9日电）' → '新华社'."""
    match = END_DATELINE.match(line)
    return match.group(1) if match else None


def is_heading(line: str) -> bool:
    """Short, no clause punctuation, no sentence end: a title or a section heading."""
    if len(line) > HEADING_MAX or ends_sentence(line) or line.endswith(("：", "，")):
        return False
    return not re.search(r"[，。；！]", line)


def is_column_label(line: str) -> bool:
    """A page or column name such as 党建在高新 or 地方动态: a very short heading."""
    return is_heading(line) and len(line) <= COLUMN_MAX and " " not in line


def kind_of(line: str) -> str:
    if JUMP.match(line):
        return "jump"
    if photo_credit(line) is not None:
        return "credit"
    if end_dateline(line):
        return "end_dateline"
    if parse_byline(line) is not None:
        return "byline"
    if is_heading(line):
        return "heading"
    return "para"
