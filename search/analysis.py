"""The one text analysis used for indexing, querying and highlighting.

normalise (NFKC, lower-case, traditional → simplified) → segment with jieba and the
archive's own dictionary → drop punctuation and stop words.

Index time emits each precise-mode word at its own position, plus the parts of long words at
the same position (新能源汽车 → 新能源, 汽车), so a part finds the whole and phrases still line up.
Query time emits precise-mode words only, so 高新区 is one term, not 高新 AND 新区 AND 高新区.
Archive entity names (parks, figures, initiatives) stay whole: 两江新区 never yields 新区.
"""
import logging
import threading
import unicodedata
from functools import lru_cache

import jieba
import opencc
from whoosh.analysis import Token, Tokenizer

from . import dictionary

STOP_WORDS = frozenset(
    "的 了 和 与 及 或 是 在 为 对 把 被 将 等 之 其 也 而 并 于 以 由 从 这 那 个 着 就 都 又 还 则 让".split()
)

jieba.setLogLevel(logging.WARNING)
_converter = opencc.OpenCC("t2s")
_segmenter_lock = threading.Lock()
_segmenter = None


def normalise(text: str) -> str:
    """NFKC folds full-width forms; OpenCC folds traditional characters (黨建 → 党建)."""
    return _converter.convert(unicodedata.normalize("NFKC", text)).lower()


def segmenter() -> jieba.Tokenizer:
    """The process's jieba tokenizer with the archive dictionary, loaded once (~1.5 s, ~80 MB)."""
    global _segmenter
    if _segmenter is None:
        with _segmenter_lock:
            if _segmenter is None:
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                _segmenter = tokenizer
    dictionary.sync(_segmenter)
    return _segmenter


def is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token) and token not in STOP_WORDS


@lru_cache(maxsize=50_000)
def sub_words(word: str) -> tuple[str, ...]:
    """How jieba would split `word` if it were not itself a word: 高新区 → 高新 (the 区 is
    dropped), 新能源汽车 → 新能源, 汽车. Never the overlapping 新区 of 高新区, which is a
    different word. Entity names keep only non-generic parts: 成都高新区 → 成都, 两江新区 → 两江."""
    if len(word) < 3:
        return ()
    tokenizer = segmenter()
    dag = tokenizer.get_DAG(word)
    dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]
    route = {}
    tokenizer.calc(word, dag, route)
    parts, start = [], 0
    while start < len(word):
        end = route[start][1] + 1
        parts.append(word[start:end])
        start = end
    parts = [part for part in parts if len(part) > 1 and part != word]
    if dictionary.is_entity(word):
        parts = [part for part in parts if not dictionary.is_designator(part)]
    return tuple(dict.fromkeys(parts))


def words_with_offsets(text: str):
    """(word, start, end) for each precise-mode word of normalised `text`."""
    for word, start, end in segmenter().tokenize(text):
        if is_word(word):
            yield word, start, end


class ChineseTokenizer(Tokenizer):
    def __call__(
        self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
        start_pos=0, start_char=0, tokenize=True, mode="", **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        text = normalise(value)
        if not tokenize:
            words = [(text, 0, len(text))]
        else:
            words = words_with_offsets(text)
        position = start_pos
        for word, start, end in words:
            emitted = (word, *sub_words(word)) if mode == "index" else (word,)
            for text_ in emitted:
                token.text = text_
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = text_
                if positions:
                    token.pos = position
                if chars:
                    token.startchar = start_char + start
                    token.endchar = start_char + end
                yield token
            position += 1


@lru_cache(maxsize=1)
def chinese_analyzer():
    return ChineseTokenizer()


def query_terms(text: str) -> list[str]:
    """The terms a piece of query text becomes, exactly as the index sees them."""
    return [word for word, _, _ in words_with_offsets(normalise(text))]
