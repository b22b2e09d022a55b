"""Mojibake: text that went through the wrong decoder. Repair it when a re-decode gives real
Chinese; otherwise replace the garbage with a visible marker so it never passes as text.

The shapes handled:
- GB18030/GBK bytes read one byte off (a byte lost or added): every character after the slip is
  made of the trail byte of one character and the lead byte of the next, until an ASCII byte
  puts the decoder back in step. A lost byte is often shown as "?" or U+FFFD.
- UTF-8 bytes read as GBK ("涓枃") and GBK or UTF-8 bytes read as Latin-1 ("ÖÐÎÄ", "ä¸­").
Full-width characters inside the garbage may since have been folded to ASCII (NFKC), so ASCII
characters inside a garbled run are tried as their full-width forms as well.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from .chars import CJK_CHAR, common_hanzi, gb2312_chars
from .script import to_simplified

MARKER = "〔乱码〕"
LOST_BYTE = re.compile(r"[?\ufffd]")
STRANGE = re.compile(r"[\ufffd\ue000-\uf8ff\u3040-\u30ff\u3100-\u312f]")
# Bytes that were never text: U+FFFD read back as GBK, and uninitialised MSVC memory.
KNOWN_GARBAGE = re.compile(r"(?:锟斤拷)+|烫{3,}|屯{3,}")
FREQUENT_PUNCT = set("，。、“”：；！？《》")
LATIN1_RUN = re.compile(r"[\u00a0-\u00ff]{2,}")
WORD_BONUS = 0.5
MIN_GAIN = 3  # a re-decode must be clearly more Chinese than the garbage to replace it
MARK_LOOKBACK = 8
MAX_SLIP = 40  # how far a slipped decoder may run before an ASCII byte resynchronises it
LEAD_BYTES = [bytes([b]) for b in range(0x81, 0xFF)]


@dataclass
class Repair:
    start: int
    end: int
    original: str
    replacement: str
    outcome: str  # "repaired" | "partly repaired" (a residue is marked) | "marked" (unrecoverable)


@lru_cache(maxsize=8192)
def char_score(char: str) -> float:
    """How much a character looks like Chinese prose: frequent punctuation and common hanzi score
    highest, rare-but-real characters 0, characters outside GB2312 -1, impossible ones -2."""
    if STRANGE.match(char):
        return -2
    if char in FREQUENT_PUNCT:
        return 1.2
    if char.isascii():
        return 0
    simple = to_simplified(char)
    if simple in common_hanzi():
        return 1
    if simple in gb2312_chars():
        return 0
    return -1 if "\u3400" <= simple <= "\u9fff" else 0


def score(text: str) -> float:
    """Plausibility of a string: its characters, plus a bonus for each character inside a
    dictionary word, since garbled pairs often are common characters but seldom form words."""
    text = text.replace(MARKER, "")
    in_words = sum(len(w) for w in jieba.lcut(text, HMM=False) if len(w) > 1 and CJK_CHAR.match(w))
    return sum(char_score(c) for c in text) + WORD_BONUS * in_words


def repair_line(line: str) -> tuple[str, list[Repair]]:
    """The line with garbled runs repaired or marked, and what was done."""
    repairs = []
    for match in reversed(list(KNOWN_GARBAGE.finditer(line))):
        repairs.append(Repair(match.start(), match.end(), match.group(), MARKER, "marked"))
        line = line[: match.start()] + MARKER + line[match.end() :]
    line, latin1 = _repair_latin1(line)
    repairs.extend(latin1)
    position = 0
    while True:
        bad = next((i for i in range(position, len(line)) if char_score(line[i]) < 0), None)
        if bad is None:
            return line, repairs
        repair = _repair_at(line, bad)
        repair = _mark_residue(repair) if repair else _mark_at(line, bad)
        if repair is None:
            position = bad + 1
            continue
        line = line[: repair.start] + repair.replacement + line[repair.end :]
        repairs.append(repair)
        position = repair.start + len(repair.replacement)


def _repair_at(line: str, bad: int) -> Repair | None:
    candidates = []
    for start in _starts(line, bad):
        candidates.extend(_slipped_gbk(line, start))
    candidates.extend(_wrong_codec(line, bad))
    if not candidates:
        return None
    # Ties go to the shortest repair: the decoder is back in step at the first ASCII byte it can be.
    gain, repair = max(candidates, key=lambda c: (c[0], -c[1].end, -c[1].start, c[1].replacement))
    if gain < MIN_GAIN:
        return None
    if MARKER in repair.replacement:
        repair.outcome = "partly repaired"
    return repair


def _starts(line: str, bad: int) -> list[int]:
    """Where the slip may begin: at a lost-byte mark shortly before, or a few characters back
    (garbage made of two half characters can look like ordinary ones for a while)."""
    lookback = max(0, bad - MARK_LOOKBACK)
    marks = [lookback + m.start() for m in LOST_BYTE.finditer(line[lookback:bad])]
    if marks:
        return marks[-1:]
    return [s for s in range(max(0, bad - 6), bad + 1) if not line[s].isascii()]


def _unfold(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _full_width(text: str) -> bytes | None:
    try:
        return _unfold(text).encode("gb18030")
    except UnicodeEncodeError:
        return None


def _slipped_gbk(line: str, start: int):
    """(gain, Repair) for each way of putting a slipped GB18030 decoder back in step."""
    marked = bool(LOST_BYTE.match(line[start]))
    body_start = start + 1 if marked else start
    stops = []
    for i in range(body_start + 1, min(len(line), body_start + MAX_SLIP)):
        if line[i] == "\ufffd":
            stops.append(i)
            break
        if line[i].isascii():
            stops.append(i)
            # Only a lone ASCII character between Chinese ones can be a folded full-width one;
            # a longer ASCII run is real ASCII, so the decoder is in step there at the latest.
            if line[i + 1 : i + 2].isascii():
                break
    else:
        stops.append(min(len(line), body_start + MAX_SLIP))
    for stop in stops:
        garbled = _full_width(line[body_start:stop])
        if garbled is None:
            continue
        at_stop = line[stop : stop + 1]
        resync = at_stop if at_stop.isascii() else ""
        end = stop + (1 if at_stop in ("\ufffd", resync) and at_stop else 0)
        # Scored as if folded characters were full-width again, so unfolding earns nothing by itself.
        before = score(_unfold(line[start:stop]) + at_stop)
        # The slip is undone by adding back the lost lead byte (any of them may be the one), by
        # dropping the orphaned trail byte (None), or as it stands (b"").
        for lead in [None, b""] + LEAD_BYTES:
            data = garbled[1:] if lead is None else lead + garbled
            fixed = _decode_in_step(data + resync.encode("ascii"), lost_at_end=at_stop == "\ufffd")
            if fixed is None:
                continue
            if lead is None:
                fixed = MARKER + fixed  # the orphaned half of a character is dropped: mark the loss
            elif lead and fixed[0] not in FREQUENT_PUNCT:
                # Any lead byte makes some character; a guessed hanzi would be invented text.
                fixed = MARKER + fixed[1:]
            yield score(fixed) - before, Repair(start, end, line[start:end], fixed, "repaired")


def _decode_in_step(data: bytes, lost_at_end: bool) -> str | None:
    """Strict GB18030; where the decoder had given up (U+FFFD) the last lead byte lost its trail
    byte, so that character is gone and is marked rather than guessed."""
    try:
        return data.decode("gb18030") + (MARKER if lost_at_end else "")
    except UnicodeDecodeError:
        if not lost_at_end:
            return None
    try:
        return data[:-1].decode("gb18030") + MARKER
    except UnicodeDecodeError:
        return None


def _wrong_codec(line: str, bad: int):
    """(gain, Repair) for a span around `bad` that is UTF-8 or GBK read with the wrong codec."""
    run = next(m for m in re.finditer(r"[^\s，。；：“”]+|.", line) if m.start() <= bad < m.end())
    for first in range(run.start(), bad + 1):
        for last in range(bad + 1, run.end() + 1):
            text = line[first:last]
            for encode, decode in (("gb18030", "utf-8"), ("latin-1", "gb18030")):
                try:
                    fixed = text.encode(encode).decode(decode)
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
                yield score(fixed) - score(text), Repair(first, last, text, fixed, "repaired")


def _mark_at(line: str, bad: int) -> Repair | None:
    """Mark an unrepairable run, but only on real evidence: one rare character is just a rare name."""
    lookback = max(0, bad - MARK_LOOKBACK)
    marks = [lookback + m.start() for m in LOST_BYTE.finditer(line[lookback:bad])]
    start = marks[-1] if marks else bad
    end = bad + 1
    while end < len(line) and min(char_score(c) for c in line[end : end + 2]) < 0:
        end += 1
    run = line[start:end]
    if sum(char_score(c) < 0 for c in run) < 2 and not STRANGE.search(run) and not marks:
        return None
    return Repair(start, end, run, MARKER, "marked")


def _mark_residue(repair: Repair) -> Repair:
    """A repair can leave characters no re-decode explains (bytes lost, not just shifted): mark
    each run of two or more implausible characters that holds a foreign one, or any impossible one."""
    pieces, run = [], ""
    for char in repair.replacement + "\n":
        if not char.isascii() and char_score(char) <= 0:
            run += char
            continue
        scores = [char_score(c) for c in run]
        garbage = (len(run) >= 2 and min(scores, default=0) < 0) or -2 in scores
        pieces.append((MARKER if garbage else run) + char)
        run = ""
    marked = "".join(pieces)[:-1]
    if marked == repair.replacement:
        return repair
    return Repair(repair.start, repair.end, repair.original, marked, "partly repaired")


def _repair_latin1(line: str) -> tuple[str, list[Repair]]:
    """Runs of Latin-1 letters in Chinese text are usually GBK or UTF-8 read as Latin-1."""
    repairs = []
    for match in reversed(list(LATIN1_RUN.finditer(line))):
        text = match.group()
        for encode, decode in (("cp1252", "utf-8"), ("latin-1", "utf-8"), ("latin-1", "gb18030")):
            try:
                fixed = text.encode(encode).decode(decode)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if score(fixed) >= max(2, len(fixed) // 2):
                line = line[: match.start()] + fixed + line[match.end() :]
                repairs.append(Repair(match.start(), match.end(), text, fixed, "repaired"))
                break
    return line, repairs
