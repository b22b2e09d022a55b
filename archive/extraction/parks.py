"""National zones in an article: gazetteer mentions with salience, and zone-like names to propose."""
import re
from collections import Counter
from dataclasses import dataclass

import jieba.posseg

from ..regions import province_of
from .aliases import COLLOQUIAL_SUFFIX, alias_table
from .places import PLACES
from .text import HAN, Document
from .types import ParkEntry, ParkMention

# A proposal needs a zone suffix right after a place-like head, and no sign that the zone is provincial.
ZONE_SUFFIX = re.compile(r"高新技术产业开发区|高新区|国家级新区|新区")
NOT_IN_HEAD = re.compile(r"[的和与及、等在是为将对把从向以创省级]")
PROVINCIAL = re.compile(r"省级")
HEADING_MAX = 40


@dataclass(frozen=True)
class ParkHit:
    start: int
    end: int
    park: ParkEntry


class ParkMatcher:
    """The gazetteer's aliases indexed once for a leftmost-longest scan; build one per gazetteer, not per article."""

    def __init__(self, entries):
        self.table = alias_table(list(entries))
        self.lengths = sorted({len(alias) for alias in self.table}, reverse=True)
        self.first_chars = {alias[0] for alias in self.table}

    def hits(self, text: str) -> list[ParkHit]:
        """Non-overlapping mentions, longest first at each position, so 重庆两江新区 is one mention of one park."""
        found, i = [], 0
        while i < len(text):
            hit = self.match_at(text, i) if text[i] in self.first_chars else None
            if hit:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        return found

    def match_at(self, text: str, i: int) -> ParkHit | None:
        for length in self.lengths:
            park = self.table.get(text[i : i + length])
            if park and self.bounded(text, i, i + length, park):
                return ParkHit(i, i + length, park)
        return None

    @staticmethod
    def bounded(text: str, start: int, end: int, park: ParkEntry) -> bool:
        # 成都高新 is the park, 成都高新技术企业 is not.
        if text[start:end].endswith(COLLOQUIAL_SUFFIX) and text.startswith(("技术", "区"), end):
            return False
        # 盐城滨海新区 is not 天津滨海新区: a place in another province right before the name makes it
        # another zone (眉山天府新区 is still 四川天府新区).
        for length in (3, 2):
            before = text[max(0, start - length) : start]
            place = PLACES.get(before)
            if len(before) == length and place and province_of(place) != park.province:
                return False
        return True

    def proposals(self, text: str, hits: list[ParkHit]) -> list[str]:
        """Zone-like names (a place, then 高新区/新区) that the gazetteer does not know, in order, once each."""
        covered = [(h.start, h.end) for h in hits]
        found = []
        for match in ZONE_SUFFIX.finditer(text):
            if any(start <= match.start() < end for start, end in covered):
                continue
            head = zone_head(text, match.start())
            window = text[max(0, match.start() - 8) : match.end() + 6]
            if head and not PROVINCIAL.search(window) and head + match.group() not in found:
                found.append(head + match.group())
        return found


def zone_head(text: str, suffix_start: int) -> str:
    """The place name right before a zone suffix (宜宾 in 宜宾高新区), or '' if what precedes is not a place."""
    run = re.search(rf"[{HAN}]{{1,10}}$", text[max(0, suffix_start - 10) : suffix_start])
    if not run:
        return ""
    before = run.group()
    for j in range(len(before) - 1):
        head = before[j:]
        place = next((before[j : j + n] for n in (4, 3, 2) if before[j : j + n] in PLACES), None)
        if place and len(head) - len(place) <= 4 and not NOT_IN_HEAD.search(head[len(place) :]):
            return head
    words = list(jieba.posseg.cut(before))
    if words and words[-1].flag == "ns" and len(words[-1].word) >= 2 and not NOT_IN_HEAD.search(words[-1].word):
        return words[-1].word
    return ""


def is_heading(block: str) -> bool:
    """A short line without sentence punctuation, e.g. a section title naming the park it is about."""
    return len(block) <= HEADING_MAX and not re.search(r"[。!?;]", block) and "来源" not in block


def park_mentions(doc: Document, hits: list[ParkHit]) -> list[ParkMention]:
    """One mention per park, subjects first. A park is a subject if the title or a heading names it, or,
    failing that, if it clearly dominates the article (at least 3 mentions and twice any other park)."""
    counts = Counter(hit.park for hit in hits)
    subjects = {
        hit.park
        for hit in hits
        if doc.block_index(hit.start) == 0 or is_heading(doc.block(doc.block_index(hit.start)))
    }
    ranked = counts.most_common()
    if not subjects and ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        subjects = {ranked[0][0]}
    mentions = [
        ParkMention(
            park.key,
            park.short_name or park.full_name,
            park.full_name,
            park.province,
            park.city,
            "subject" if park in subjects else "mention",
            count,
        )
        for park, count in counts.items()
    ]
    return sorted(mentions, key=lambda m: (m.salience != "subject", -m.count))
