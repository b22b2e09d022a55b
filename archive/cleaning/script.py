"""Script normalisation: glued pinyin out, traditional to simplified, one width convention.

The convention: Chinese text keeps full-width Chinese punctuation (，。：；！？（）), because that
is what Chinese news prints; letters, digits and spaces are half-width (NFKC), so numbers and
Latin names search the same however they were typed.
"""
import re
import unicodedata

import opencc

from .chars import CJK

_T2S = opencc.OpenCC("t2s")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# A syllable with a tone mark, glued in brackets right after a character: 業(yè), 創(chuàng).
# The tone mark is required so that ordinary Latin words in brackets are left alone.
GLUED_PINYIN = re.compile(rf"(?<=[{CJK}A-Za-z])[(（]([a-z]*[{TONED}][a-z{TONED}]*(?: [a-z{TONED}]+)*)[)）]")
# Some garbled pages put a space inside the syllable, e.g. (chu ng); accept that too.
SPACED_PINYIN = re.compile(rf"(?<=[{CJK}])[(（]([a-z]+ [a-z]*[{TONED}][a-z]*)[)）]")
# Half-width punctuation that is really Chinese punctuation when it touches Chinese text.
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
PUNCT_NEAR_CJK = re.compile(rf"(?<=[{CJK}”“」）])([,:;!?])|([,:;!?])(?=[{CJK}“「（])")
PAREN_AROUND_CJK = re.compile(rf"\(([^()]*[{CJK}][^()]*)\)")
# NFKC would turn these into ASCII or other forms; Chinese text wants them as they are.
KEEP_FULL_WIDTH = set("，。：；！？（）【】《》“”‘’、…—～·「」『』①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b\ufeff]+")
TRADITIONAL_SHARE = 0.05


def strip_pinyin(text: str) -> tuple[str, int]:
    text, glued = GLUED_PINYIN.subn("", text)
    text, spaced = SPACED_PINYIN.subn("", text)
    return text, glued + spaced


def to_simplified(text: str) -> str:
    return _T2S.convert(text)


def is_traditional(text: str) -> bool:
    """True when converting to simplified changes a noticeable share of the Chinese characters."""
    simplified = to_simplified(text)
    han = sum("\u4e00" <= c <= "\u9fff" for c in text)
    changed = sum(a != b for a, b in zip(text, simplified))
    return han > 0 and changed / han >= TRADITIONAL_SHARE


def normalise_width(text: str) -> str:
    """NFKC except for Chinese punctuation; half-width punctuation touching Chinese becomes full-width."""
    text = "".join(c if c in KEEP_FULL_WIDTH else unicodedata.normalize("NFKC", c) for c in text)
    text = PAREN_AROUND_CJK.sub(r"（\1）", text)
    text = PUNCT_NEAR_CJK.sub(lambda m: HALF_TO_FULL[m.group(1) or m.group(2)], text)
    return SPACES.sub(" ", text).strip()
