"""Named programmes, projects, mechanisms and brands (十大党建共建项目, “双孵化”, 链长制…), with the park
that runs them and a category."""
import re
from collections import Counter
from dataclasses import dataclass

import jieba.posseg

from .parks import ParkHit
from .text import HAN, Document
from .types import InitiativeMention

SUFFIXES = ("行动计划", "专项行动", "项目", "计划", "工程", "行动", "机制", "制度", "联盟")
# After these the quoted words alone are the name: “高新事·高兴办”营商服务党建品牌 is 高新事·高兴办.
LABELS = ("工作理念", "工作法", "工作模式", "品牌", "活动")
# Words that end a noun phrase: a name never spans them.
BREAK = "的和与及、等在是为将对把从向以了,:;。!?“”《》()\n "
NUMERAL = "十二三四五六七八九两"
QUOTED = r"“([^“”、,;。]{2,15})”"
MID = rf"([^{BREAK}]{{0,8}}?)"
QUOTED_WITH_SUFFIX = re.compile(rf"{QUOTED}{MID}({'|'.join(SUFFIXES)})")
QUOTED_WITH_LABEL = re.compile(rf"{QUOTED}{MID}({'|'.join(LABELS)})")
QUOTED_LIST = re.compile(rf"((?:{QUOTED}、?){{2,}})等([^{BREAK}]{{0,8}})(?:品牌|项目)")
# A quotation that is itself a name: “链长制”, “党员工匠计划”.
QUOTED_NAME = re.compile(rf"“([^“”、,;。]{{1,12}}(?:制|{'|'.join(SUFFIXES)}))”")
DOCUMENT = re.compile(r"《([^《》]{4,40}?(?:计划|工程|行动方案))(?:\([^()]*\))?》")
# 五大工程, 十大党建共建项目; a bare count of projects (三大项目) is not a programme.
NUMBERED = re.compile(
    rf"((?:[{NUMERAL}]|\d{{1,2}})(?:大|项|化)(?:[^{BREAK}{NUMERAL}\d]{{1,8}}?(?:项目|行动|工程|计划|机制)|行动|工程|计划|机制))"
)
NUMBERED_KEY = re.compile(rf"^([{NUMERAL}][大项化]).*?(项目|行动|工程|计划|机制)$")
CHIEF_SYSTEM = re.compile(rf"([{HAN}]{{1,2}}长制)")
PLAN = re.compile(rf"([^{BREAK}\d]{{4,24}}计划)")
LEADING_VERBS = re.compile(r"^.*(?:实施好|实施|推进|推行|启动|推出|发布|落实|开展|制定|出台|编制|印发)")
# Named in running text without quotes or a telling suffix, so found by name; kept short on purpose.
KNOWN = ("老杨群工", "党员工匠", "政银合作", "最多跑一次")
MIN_LABEL_NAME = 3
PARK_WINDOW = 600

# Checked in this order; the first category with a keyword wins.
CATEGORY_KEYWORDS = {
    "人才": ("人才", "工匠", "引智", "菁英", "英才", "博士"),
    "营商环境": ("营商", "政务", "审批", "政银", "惠企", "跑一次", "帮办", "随处办", "服务企业"),
    "党建": ("党建", "党员", "党组织", "党群", "支部", "红色", "两新", "群工", "带头人", "书记"),
    "科技创新": ("科技", "科学", "创新", "研发", "孵化", "成果转化"),
    "产业": ("产业", "链", "集群", "招商", "企业", "新能源", "工业", "制造"),
}
# Strongest evidence first: the overlapping candidate of the earlier kind wins.
PRIORITY = ("document", "quoted", "list", "numbered", "known", "plan")


@dataclass
class Candidate:
    start: int
    end: int
    name: str
    kind: str
    tail: str = ""  # the words naming what kind of thing it is: 营商服务党建 in “…”营商服务党建品牌


def normalise(name: str) -> str:
    name = re.sub(r"[“”‘’\"' ]", "", name)
    return re.sub(r"^10(?=大)", "十", name)


def candidates(text: str) -> list[Candidate]:
    found = []
    for m in DOCUMENT.finditer(text):
        found.append(Candidate(m.start(), m.end(), m.group(1), "document"))
    for m in QUOTED_WITH_SUFFIX.finditer(text):
        found.append(Candidate(m.start(), m.end(), m.group(1) + m.group(2) + m.group(3), "quoted", m.group(2)))
    for m in QUOTED_WITH_LABEL.finditer(text):
        # A mid-phrase before 活动 marks an event (“…”主题党日活动), not a campaign's name.
        if len(m.group(1)) >= MIN_LABEL_NAME and not (m.group(3) == "活动" and m.group(2)):
            found.append(Candidate(m.start(), m.end(), m.group(1), "quoted", m.group(2) + m.group(3)))
    for m in QUOTED_NAME.finditer(text):
        found.append(Candidate(m.start(), m.end(), m.group(1), "quoted"))
    for m in QUOTED_LIST.finditer(text):
        for item in re.finditer(QUOTED, m.group(1)):
            start = m.start() + item.start()
            found.append(Candidate(start, start + len(item.group()), item.group(1), "list", m.group(3)))
    for pattern, kind in ((NUMBERED, "numbered"), (CHIEF_SYSTEM, "numbered")):
        for m in pattern.finditer(text):
            found.append(Candidate(m.start(), m.end(), m.group(1), kind))
    for known in KNOWN:
        for m in re.finditer(known, text):
            found.append(Candidate(m.start(), m.end(), known, "known"))
    for m in PLAN.finditer(text):
        name = LEADING_VERBS.sub("", m.group(1))
        # 实施…计划 in a list (…、…计划、) is one part of a programme named elsewhere.
        if len(name) >= 6 and not is_word(name[:-2]) and not text.startswith("、", m.end()):
            found.append(Candidate(m.end() - len(name), m.end(), name, "plan"))
    return found


def is_word(phrase: str) -> bool:
    """行动, 投资, 发展: a generic plan (行动计划, 投资计划) rather than a named one."""
    return len(list(jieba.posseg.cut(phrase))) == 1


def resolve(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the strongest kind and then the longest winning, in text order."""
    kept = []
    for candidate in sorted(found, key=lambda c: (PRIORITY.index(c.kind), -(c.end - c.start), c.start)):
        if not any(c.start < candidate.end and candidate.start < c.end for c in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def merge_numbered(names: list[str]) -> dict[str, str]:
    """七大行动 and 七大攻坚提升行动 in one article are one programme: map each to the longest form."""

    def key(name):
        match = NUMBERED_KEY.match(name)
        return match.groups() if match else name

    longest = {}
    for name in names:
        if len(name) > len(longest.get(key(name), "")):
            longest[key(name)] = name
    return {name: longest[key(name)] for name in names}


def category(name: str, tail: str, clause: str) -> str:
    for source in (tail, name):
        for label, keywords in CATEGORY_KEYWORDS.items():
            if any(k in source for k in keywords):
                return label
    counts = Counter({label: sum(clause.count(k) for k in keywords) for label, keywords in CATEGORY_KEYWORDS.items()})
    label, count = counts.most_common(1)[0]
    return label if count else "其他"


def running_park(doc: Document, hits: list[ParkHit], position: int) -> str:
    """The park that runs what is named at `position`: the nearest one named before it in the paragraph,
    else the first after it in the same sentence (a headline), else the nearest one shortly before it."""
    paragraph = doc.block_index(position)
    before = [h for h in hits if h.end <= position]
    same_paragraph = [h for h in before if doc.block_index(h.start) == paragraph]
    nearby = [h for h in before if position - h.end <= PARK_WINDOW]
    start, end = doc.sentence_span(position)
    after = [h for h in hits if position <= h.start < end]
    for group, pick in ((same_paragraph, -1), (after, 0), (nearby, -1)):
        if group:
            park = group[pick].park
            return park.short_name or park.full_name
    return ""


def find_initiatives(doc: Document, hits: list[ParkHit]) -> list[InitiativeMention]:
    kept = [c for c in resolve(candidates(doc.text)) if len(normalise(c.name)) >= 2]
    canonical = merge_numbered([normalise(c.name) for c in kept])
    mentions: dict[str, InitiativeMention] = {}
    for candidate in kept:
        name = canonical[normalise(candidate.name)]
        if name in mentions:
            continue
        start, end = doc.sentence_span(candidate.start)
        mentions[name] = InitiativeMention(
            name,
            running_park(doc, hits, candidate.start),
            category(name, candidate.tail, doc.text[start:end]),
        )
    return list(mentions.values())
