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

from .chars import common_hanzi, gb2312_chars
from .script import to_simplified

MARKER = "〔乱码〕"
LOST_BYTE = re.compile(r"[?\ufffd]")
STRANGE = re.compile(r"[\ufffd\ue000-\uf8ff\u3040-\u30ff\u3100-\u312f]")
# Bytes that were never text: U+FFFD read back as GBK, and uninitialised MSVC memory.
KNOWN_GARBAGE = re.compile(r"(?:锟斤拷)+|烫{3,}|屯{3,}")
# Two or more implausible characters in a row, or one impossible one, left over after a repair.
RESIDUE = re.compile(r"[^\x00-\x7f，。、“”：；！？《》]{2,}|[\ufffd\ue000-\uf8ff]")
FREQUENT_PUNCT = set("，。、“”：；！？《》")
LATIN1_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff]+")
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


def score(text: str) -> int:
    return sum(char_score(c) for c in text)


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
    gain, repair = max(candidates, key=lambda c: (c[0], -c[1].start, c[1].replacement))
    return repair if gain >= 3 else None


def _starts(line: str, bad: int) -> list[int]:
    """Where the slip may begin: at a lost-byte mark just before, else a few characters back."""
    window = line[max(0, bad - 4) : bad]
    marks = [m.start() for m in LOST_BYTE.finditer(window)]
    if marks:
        return [max(0, bad - 4) + marks[-1]]
    return [s for s in range(max(0, bad - 4), bad + 1) if not line[s].isascii()]


def _full_width(text: str) -> bytes | None:
    try:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text).encode("gb18030")
    except UnicodeEncodeError:
        return None


def _slipped_gbk(line: str, start: int):
    """(gain, Repair) for each way of putting a slipped GB18030 decoder back in step."""
    marked = bool(LOST_BYTE.match(line[start]))
    body_start = start + 1 if marked else start
    stops = [i for i in range(body_start + 1, min(len(line), body_start + MAX_SLIP)) if line[i].isascii()]
    stops.append(min(len(line), body_start + MAX_SLIP))
    for stop in stops:
        garbled = _full_width(line[body_start:stop])
        if garbled is None:
            continue
        resync = line[stop : stop + 1] if stop < len(line) and line[stop].isascii() else ""
        end = stop + len(resync)
        before = score(line[start:end])
        # The slip is undone by adding the lost lead byte (any of them may be the one) or by
        # dropping a stray one; a marked line has the lost byte's place already shown.
        for data in [garbled, garbled[1:]] + [lead + garbled for lead in LEAD_BYTES]:
            try:
                fixed = (data + resync.encode("ascii")).decode("gb18030")
            except UnicodeDecodeError:
                continue
            yield score(fixed) - before, Repair(start, end, line[start:end], fixed, "repaired")


def _wrong_codec(line: str, bad: int):
    """(gain, Repair) for a run that is UTF-8 or GBK read with the wrong codec."""
    run = re.compile(r"[^\s，。；：“”]+")
    for match in run.finditer(line):
        if not match.start() <= bad < match.end():
            continue
        text = match.group()
        for encode, decode in (("gb18030", "utf-8"), ("cp1252", "utf-8"), ("latin-1", "gb18030")):
            try:
                fixed = text.encode(encode).decode(decode)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            yield score(fixed) - score(text), Repair(match.start(), match.end(), text, fixed, "repaired")


def _mark_at(line: str, bad: int) -> Repair | None:
    """Mark an unrepairable run, but only on real evidence: one rare character is just a rare name."""
    start = bad
    marks = [m.start() for m in LOST_BYTE.finditer(line[max(0, bad - 4) : bad])]
    if marks:
        start = max(0, bad - 4) + marks[-1]
    end = bad + 1
    while end < len(line) and (char_score(line[end]) < 0 or (end + 1 < len(line) and char_score(line[end + 1]) < 0)):
        end += 1
    run = line[start:end]
    evidence = sum(char_score(c) < 0 for c in run) >= 2 or STRANGE.search(run) or marks
    if not evidence:
        return None
    return Repair(start, end, run, MARKER, "marked")


def _mark_residue(repair: Repair) -> Repair:
    """A repair can leave characters no re-decode explains (bytes lost, not just shifted): mark them."""
    marked = RESIDUE.sub(
        lambda m: MARKER if sum(char_score(c) < 0 for c in m.group()) >= 1 else m.group(), repair.replacement
    )
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
