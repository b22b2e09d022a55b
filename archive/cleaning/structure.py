"""Repairing an article's structure: displaced headings, duplicates, broken and interleaved paragraphs.

Works on the article's body as a list of Blocks (headings and paragraphs in page order).
"""
import logging
import re
from difflib import SequenceMatcher

import jieba

from .chars import CJK, bigrams, ends_sentence
from .splitting import Block
from .types import ReportEntry

jieba.setLogLevel(logging.WARNING)

PARK = rf"[{CJK}]{{2,10}}?(?:高新区|新区|开发区|园区|自贸区)(?:（[{CJK}]{{1,6}}）)?"
PARK_HEADING = re.compile(rf"^({PARK})(?:\s+|：)")
NEAR_DUPLICATE = 0.8  # share of the shorter paragraph's bigrams found in the other
MIN_DUPLICATE_LENGTH = 20
REPEATED_PASSAGE = 50  # characters repeated verbatim from an earlier paragraph
# Single characters that commonly open a sentence; any other lone character opening a paragraph
# is usually the second half of a word cut at a column break (面 of 方面, 展 of 发展).
STARTERS = set("在为从对据将把由以但而又也还并与和及另该这此其今近去明每各凡随经按向让使被当若如因虽即就才要我你他她它总仅不现最首一本同自截全共是新党大小老")
CLAUSE_PUNCT = "，。、；：！？"
ADJACENT, BRIDGE, BOUND_START, AFFINITY = 1.5, 2.0, 1.0, 2.5
OPENER_MAX = 4
MIN_SCORE = 1.0  # below this a fragment is left as it is, and flagged


def park_of(heading: str) -> str:
    match = PARK_HEADING.match(heading)
    return match.group(1) if match else ""


def relocate_headings(blocks: list[Block], report: list[ReportEntry]) -> list[Block]:
    """In a roundup, a park's heading belongs above the first paragraph of its section, which is
    the first paragraph since the previous heading to name that park."""
    blocks = list(blocks)
    for block in [b for b in blocks if b.kind == "heading" and park_of(b.text)]:
        position = blocks.index(block)
        previous = max((i for i in range(position) if blocks[i].kind == "heading"), default=-1)
        park = park_of(block.text)
        first = next((i for i in range(previous + 1, position) if blocks[i].kind == "para" and park in blocks[i].text), None)
        if first is not None:
            blocks.insert(first, blocks.pop(position))
            report.append(ReportEntry("moved", "displaced-heading", block.text, blocks[first + 1].text[:30]))
    return blocks


def drop_duplicates(blocks: list[Block], report: list[ReportEntry]) -> list[Block]:
    kept = []
    for block in blocks:
        if block.kind == "para" and any(_near_duplicate(k.text, block.text) for k in kept if k.kind == "para"):
            report.append(ReportEntry("removed", "duplicate-paragraph", block.text))
            continue
        kept.append(block)
    return kept


def _near_duplicate(first: str, second: str) -> bool:
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) < MIN_DUPLICATE_LENGTH or len(shorter) < 0.6 * len(longer):
        return False
    words = bigrams(shorter)
    return bool(words) and len(words & bigrams(longer)) / len(words) >= NEAR_DUPLICATE


def join_fragments(blocks: list[Block], breaks: set[int], report: list[ReportEntry]) -> tuple[list[Block], list[str], int]:
    """Join each paragraph that stops mid-sentence to the one that completes it.

    The continuation is usually the next paragraph; on a newspaper page it can be anywhere, so
    every paragraph is scored as a continuation: being next (not across `breaks`, where the page
    changes column), forming a word across the join (方+面), opening with a half word, and sharing
    vocabulary. Pages are then read piece by piece: each piece that ends mid-sentence is followed
    by the piece its continuation opens. Returns the blocks, the fragments left dangling, and
    how many joins rest on vocabulary alone (guesses, to be flagged)."""
    links, weak = _link_fragments(blocks, breaks)
    pieces, piece = [], []
    for index, block in enumerate(blocks):
        if piece and (block.kind == "heading" or index in links.values() or piece[-1] in links):
            pieces.append(piece)
            piece = []
        piece.append(index)
    if piece:
        pieces.append(piece)
    starting = {p[0]: p for p in pieces}
    order = []
    for piece in pieces:
        if piece[0] in links.values():
            continue  # read after the piece it continues
        while piece:
            order.extend(piece)
            piece = starting.get(links.get(piece[-1]))
    joined, dangling, absorbed = [], [], set()
    for index in order:
        if index in absorbed:
            continue
        block = Block(blocks[index].kind, blocks[index].text)
        while index in links:
            follower = links[index]
            reason = "broken-paragraph" if follower == _next_para(blocks, index) else "interleaved-fragment"
            reason += " (weak evidence)" if index in weak else ""
            report.append(ReportEntry("joined", reason, blocks[index].text[-20:], blocks[follower].text[:20]))
            block.text += blocks[follower].text
            absorbed.add(follower)
            index = follower
        if block.kind == "para" and not ends_sentence(block.text):
            following = _next_para(blocks, index)
            if following is not None and following not in links.values() and _opens_sentence(blocks[following].text):
                # The next paragraph starts a sentence of its own: only the full stop was lost.
                report.append(ReportEntry("changed", "missing-full-stop", block.text[-20:], block.text[-20:] + "。"))
                block.text += "。"
            else:
                dangling.append(block.text)
                report.append(ReportEntry("flagged", "fragment", block.text[-30:]))
        joined.append(block)
    return joined, dangling, len(weak)


def _next_para(blocks: list[Block], index: int) -> int | None:
    following = index + 1
    return following if following < len(blocks) and blocks[following].kind == "para" else None


def _link_fragments(blocks: list[Block], breaks: set[int]) -> tuple[dict[int, int], set[int]]:
    paras = [i for i, b in enumerate(blocks) if b.kind == "para"]
    fragments = [i for i in paras if not ends_sentence(blocks[i].text)]
    rarity = _rarity(blocks)
    scored = []
    # Text right after a heading or a jump line ("上接第一版") starts there; it continues nothing here.
    openers = {i for i in paras if i == paras[0] or blocks[i - 1].kind in ("heading", "jump")}
    for fragment in fragments:
        for candidate in paras:
            if candidate == fragment or candidate in openers:
                continue
            score, evident = _continuation_score(blocks, fragment, candidate, breaks, rarity)
            if score >= MIN_SCORE:
                scored.append((score, -fragment, -candidate, fragment, candidate, evident))
    links, weak = {}, set()
    for score, _, _, fragment, candidate, evident in sorted(scored, reverse=True):
        if fragment in links or candidate in links.values() or _leads_back(links, candidate, fragment):
            continue
        links[fragment] = candidate
        if not evident:
            weak.add(fragment)
    return links, weak


def _leads_back(links: dict[int, int], start: int, target: int) -> bool:
    while start in links:
        start = links[start]
    return start == target


def _rarity(blocks: list[Block]) -> dict[str, float]:
    """1 / the number of blocks a bigram occurs in: words the whole article uses say little
    about which passage belongs with which."""
    counts: dict[str, int] = {}
    for block in blocks:
        for word in bigrams(block.text):
            counts[word] = counts.get(word, 0) + 1
    return {word: 1 / count for word, count in counts.items()}


def _continuation_score(blocks, fragment: int, candidate: int, breaks: set[int], rarity) -> tuple[float, bool]:
    """The score, and whether the page itself shows the join (next on the page, or a word
    completed) rather than only shared vocabulary suggesting it."""
    tail, head = blocks[fragment].text, blocks[candidate].text
    bridge = _bridges(tail, head)
    bound = _opens_mid_word(head)
    adjacent = candidate == fragment + 1 and candidate not in breaks and (bridge or bound or not _opens_sentence(head))
    if not (adjacent or bridge or bound):
        return 0.0, False
    affinity = _affinity(blocks, fragment, candidate, rarity)
    return ADJACENT * adjacent + BRIDGE * bridge + BOUND_START * bound + AFFINITY * affinity, adjacent or bridge


def _affinity(blocks: list[Block], fragment: int, candidate: int, rarity: dict[str, float]) -> float:
    """How much of the candidate's passage is the fragment's section's own vocabulary."""
    end = candidate + 1
    while end < len(blocks) and end - candidate < 3 and blocks[end].kind == "para" and ends_sentence(blocks[end - 1].text):
        end += 1
    start = max((i for i in range(fragment) if blocks[i].kind == "heading"), default=0)
    section = set().union(*(bigrams(blocks[i].text) for i in range(start, fragment + 1) if not candidate <= i < end))
    passage = set().union(*(bigrams(b.text) for b in blocks[candidate:end]))
    total = sum(rarity[w] for w in passage)
    return sum(rarity[w] for w in passage & section) / total if total else 0.0


def _bridges(tail: str, head: str) -> bool:
    """The join completes a word both halves have cut ('等方' + '面的脱节': 方面), or a parallel
    construction ('建设让' + '党中央放心、让人民满意')."""
    if not tail or not head or tail[-1] in CLAUSE_PUNCT:
        return False
    clauses = head.split("、", 1)
    if len(clauses) == 2 and len(clauses[0]) <= 8 and clauses[1][:1] == tail[-1]:
        return True
    last = jieba.lcut(tail[-6:], HMM=False)[-1]
    if len(last) != 1 or not _opens_mid_word(head):
        return False
    window_tail, window_head = tail[-6:], head[:6]
    position = 0
    for word in jieba.lcut(window_tail + window_head, HMM=False):
        if position < len(window_tail) < position + len(word):
            return True
        position += len(word)
    return False


def _opens_sentence(head: str) -> bool:
    """'一年来，…', '此外，…': a short opening phrase before a comma starts a new sentence."""
    return 2 <= head.find("，") <= OPENER_MAX


def _opens_mid_word(head: str) -> bool:
    if not head or head[0] in CLAUSE_PUNCT:
        return True
    first = jieba.lcut(head[:8], HMM=False)[0]
    if len(first) != 1 or not re.match(rf"[{CJK}]", first):
        return False
    return first not in STARTERS or head[1:2] in CLAUSE_PUNCT


def remove_repeated_passages(blocks: list[Block], report: list[ReportEntry]) -> list[Block]:
    """A long passage repeated verbatim from an earlier paragraph is cut from the later one, from
    the clause where the repetition starts; the shortened paragraph is closed with a full stop."""
    kept = []
    for block in blocks:
        if block.kind == "para":
            for earlier in (k for k in kept if k.kind == "para"):
                block = _cut_repetition(earlier.text, block, report)
                if block is None:
                    break
        if block is not None:
            kept.append(block)
    return kept


def _cut_repetition(earlier: str, block: Block, report: list[ReportEntry]) -> Block | None:
    text = block.text
    if len(bigrams(text) & bigrams(earlier)) < REPEATED_PASSAGE // 2:
        return block
    match = SequenceMatcher(None, earlier, text, autojunk=False).find_longest_match(0, len(earlier), 0, len(text))
    if match.size < REPEATED_PASSAGE:
        return block
    start, end = match.b, match.b + match.size
    clause = re.search(r"[，；。]", text[start:end])
    start = start + clause.end() if clause and start > 0 and text[start - 1] not in "，；。" else start
    remainder = (text[:start] + text[end:]).strip()
    if len(remainder) < MIN_DUPLICATE_LENGTH:
        report.append(ReportEntry("removed", "duplicate-paragraph", text))
        return None
    if remainder[-1] in "，、；":
        remainder = remainder[:-1] + "。"
    report.append(ReportEntry("removed", "repeated-passage", text[start:end]))
    return Block(block.kind, remainder)
