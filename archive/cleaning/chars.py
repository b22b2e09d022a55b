"""Character classes shared by the cleaning steps."""
import re
from functools import lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
# Sentence-final marks, optionally followed by closing quotes/brackets.
SENTENCE_END = re.compile(r"[。！？!?…；;]+[”’」』）)】]*$")


def cjk_count(text: str) -> int:
    return len(CJK_CHAR.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def gb2312_block(first_byte: int, last_byte: int) -> frozenset[str]:
    """The GB2312 characters whose first byte lies in the range, read from the codec itself."""
    chars = set()
    for high in range(first_byte, last_byte):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """GB2312 level-1 hanzi: the 3,755 most frequent characters."""
    return gb2312_block(0xB0, 0xD8)


@lru_cache(maxsize=1)
def gb2312_chars() -> frozenset[str]:
    """Every character of GB2312 (both hanzi levels and its symbols)."""
    return gb2312_block(0xA1, 0xF8)


def bigrams(text: str) -> set[str]:
    """Character bigrams of the Chinese text only, the unit of every similarity measure here."""
    han = "".join(CJK_CHAR.findall(text))
    return {han[i : i + 2] for i in range(len(han) - 1)}
