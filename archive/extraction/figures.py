"""People named beside their role (科技部火炬中心党委书记张卫星), with what they are quoted as saying.
Reporters and bylines are authors, never figures."""
import re

import jieba.posseg

from .text import CLAUSE_ENDS, HAN, Document
from .types import FigureMention

# Common single-character surnames; names are 2–3 characters with one of these, 3–4 with a compound one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "夏侯", "公孙", "宇文", "端木")

# Roles written before the name, longest first so 党委书记 wins over 书记.
ROLES_BEFORE = sorted(
    """党委书记 党工委书记 党组书记 党委副书记 党工委副书记 党支部书记 支部书记 第一书记 专职副书记 副书记 书记
    董事长 副董事长 总经理 副总经理 总裁 副总裁 联合创始人 创始人 首席执行官 首席科学家 总工程师 总监 经理
    院长 副院长 校长 副校长 局长 副局长 主任 副主任 部长 副部长 厅长 副厅长 处长 副处长 科长 所长 副所长
    区长 副区长 市长 副市长 省长 副省长 县长 副县长 镇长 副镇长 村支书 主席 副主席 理事长 秘书长 会长 副会长
    行长 副行长 社长 站长 组长 队长 党员 共产党员 教授 研究员 院士""".split(),
    key=len,
    reverse=True,
)
# Roles written after the name: 习近平总书记, 李卫东教授.
ROLES_AFTER = ("总书记", "教授", "院士", "研究员")
SPEECH_VERBS = ("表示", "说", "指出", "强调", "介绍", "告诉", "认为", "谈到", "坦言", "描述", "称", "提到", "透露", "解释")
# What may follow a name: punctuation, a speech verb, or a handful of words that cannot continue a name.
AFTER_NAME = (*SPEECH_VERBS, *ROLES_AFTER, "同志", "通过", "领衔", "来到", "带领", "主持", "出席", "一行", "先生", "女士",
              "分享", "提出", "讲述", "代表", "参加", "致辞", "带队", "等", "的", "在", "对", "和", "与", "及", "是", "也",
              "还", "就", "向", "为", "将", "曾", "已")
PUNCTUATION = set(CLAUSE_ENDS + "。“”‘’\"'()《》 ")
# Where a name written before its role may start: after punctuation or one of these words (由李卫东教授).
BEFORE_NAME = set("由和与同及请是了对向把被让给经据为")
# Tokens that end the phrase in front of a role: what precedes them is not part of the organisation.
NOT_ORGANISATION_FLAGS = ("p", "c", "u", "r", "d", "t", "f")
ACTION_WORDS = {"总结", "提炼", "邀请", "陪同", "会见", "看望", "评选", "讲述", "推选", "表彰", "采访", "带来", "包括"}
MAX_ORGANISATION = 30

BYLINE_ROLE = r"(?:本报|本刊|新华社)?(?:特约|实习|见习)?(?:记者|通讯员|摄影|编辑|责任编辑|撰稿|作者)"
NAME_RUN = rf"[{HAN}]{{2,4}}(?:[ 、]+[{HAN}]{{2,4}})*"
BYLINE = re.compile(rf"{BYLINE_ROLE}[ :]*({NAME_RUN})")
NAMES_ONLY = re.compile(rf"[{HAN}]{{2,4}}(?: +[{HAN}]{{2,4}})+")
TRAILING_NAMES = re.compile(rf"[。!?] +({NAME_RUN})$")
ROLE_BEFORE = re.compile("|".join(ROLES_BEFORE))
ROLE_AFTER = re.compile("|".join(ROLES_AFTER))
HAN_WORD = re.compile(rf"[{HAN}]+")


def looks_like_name(word: str) -> bool:
    if not HAN_WORD.fullmatch(word):
        return False
    if word.startswith(COMPOUND_SURNAMES):
        return 3 <= len(word) <= 4
    return word[0] in SURNAMES and 2 <= len(word) <= 3


def is_common_word(word: str) -> bool:
    """强调, 高度, 关于: dictionary words that are not names, though they start with a surname."""
    tag = jieba.posseg.dt.word_tag_tab.get(word)
    return tag is not None and not tag.startswith("nr")


def find_authors(paragraphs: list[str]) -> list[str]:
    """Reporters and bylines: 本报记者 雍黎, 通讯员 赵鹏, a line of names, a name trailing the last sentence."""
    authors = []
    for paragraph in paragraphs:
        paragraph = paragraph.strip()
        runs = [m.group(1) for m in BYLINE.finditer(paragraph)]
        if NAMES_ONLY.fullmatch(paragraph):
            runs.append(paragraph)
        trailing = TRAILING_NAMES.search(paragraph)
        if trailing:
            runs.append(trailing.group(1))
        for run in runs:
            authors += [name for name in re.split(r"[ 、]+", run) if looks_like_name(name)]
    return list(dict.fromkeys(authors))


def name_at(text: str, start: int) -> str:
    """The shortest plausible name starting at `start` that is followed by something that cannot continue it."""
    for length in (2, 3, 4):
        word, rest = text[start : start + length], text[start + length :]
        if (
            len(word) == length
            and looks_like_name(word)
            and not is_common_word(word)
            and (not rest or rest[0] in PUNCTUATION or rest.startswith(AFTER_NAME))
        ):
            return word
    return ""


def name_before(text: str, end: int) -> str:
    """The name ending at `end` (before a trailing role), whose start is a clause or function-word boundary."""
    for length in (4, 3, 2):
        start = end - length
        word = text[max(0, start) : end]
        before = text[start - 1] if start > 0 else "。"
        if (
            start >= 0
            and looks_like_name(word)
            and not is_common_word(word)
            and (before in PUNCTUATION or before in BEFORE_NAME)
        ):
            return word
    return ""


def clause_start(text: str, position: int) -> int:
    """Where the phrase before `position` begins; a short quotation inside it (“两新”工委) does not end it."""
    i = position - 1
    while i >= 0 and position - i <= MAX_ORGANISATION + 10:
        char = text[i]
        if char == "”":
            opening = text.rfind("“", max(0, i - 7), i)
            if opening != -1:
                i = opening - 1
                continue
        if char in PUNCTUATION:
            return i + 1
        i -= 1
    return i + 1


def organisation_before(text: str, role_start: int) -> str:
    """The organisation written in front of a role: 科技部火炬中心 in 科技部火炬中心党委书记."""
    chunk = text[clause_start(text, role_start) : role_start]
    words = list(jieba.posseg.cut(chunk))
    cut = 0
    for index, word in enumerate(words):
        if word.flag.startswith(NOT_ORGANISATION_FLAGS) or word.word in ACTION_WORDS:
            cut = index + 1
    return "".join(w.word for w in words[cut:])[-MAX_ORGANISATION:]


def role_mentions(text: str, authors: set[str]) -> list[tuple[int, FigureMention]]:
    """(position, mention) for every name written with its role, before or after it."""
    found = []
    for match in ROLE_BEFORE.finditer(text):
        name = name_at(text, match.end())
        if name and name not in authors:
            found.append((match.end(), FigureMention(name, match.group(), organisation_before(text, match.start()))))
    for match in ROLE_AFTER.finditer(text):
        name = name_before(text, match.start())
        if name and name not in authors:
            start = match.start() - len(name)
            # 上海交通大学重庆研究院由李卫东教授领衔: the organisation stands before the function word.
            organisation_end = start - 1 if start and text[start - 1] in BEFORE_NAME else start
            found.append((start, FigureMention(name, match.group(), organisation_before(text, organisation_end))))
    return sorted(found, key=lambda item: item[0])


def quote_for(text: str, name: str) -> str:
    """The first quotation attributed to `name`: “…”[role]NAME表示, or NAME[role]说:“…”."""
    speech = "|".join(SPEECH_VERBS)
    roles = "|".join(ROLES_AFTER)
    said = rf"{re.escape(name)}(?:{roles})?(?:{speech})"
    after = re.compile(rf"“([^“”]{{6,}}?)”[,]?[^。!?“”\n]{{0,30}}?{said}")
    before = re.compile(rf"{said}[:,]?“([^“”]{{6,}}?)”")
    matches = [m for pattern in (after, before) for m in pattern.finditer(text)]
    return min(matches, key=lambda m: m.start()).group(1) if matches else ""


def find_figures(doc: Document) -> list[FigureMention]:
    """One mention per person, in order of first appearance, keeping the first stated role and organisation."""
    authors = set(find_authors([doc.title, *doc.paragraphs]))
    people: dict[str, FigureMention] = {}
    for _, mention in role_mentions(doc.text, authors):
        known = people.setdefault(mention.name, mention)
        if not known.organisation and mention.organisation:
            known.organisation = mention.organisation
    for mention in people.values():
        mention.quote = quote_for(doc.text, mention.name)
    return list(people.values())
