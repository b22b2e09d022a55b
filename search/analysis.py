"""The one text analysis used for indexing, querying and highlighting.

normalise (NFKC, lower-case, traditional → simplified) → segment with jieba's dictionary and
algorithm (run by jieba-rs for speed, see `word_cutter`) plus the archive's own dictionary →
drop punctuation and stop words.

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
import rjieba
from whoosh.analysis import Token, Tokenizer

from . import dictionary

STOP_WORDS = frozenset(
    "的 了 和 与 及 或 是 在 为 对 把 被 将 等 之 其 也 而 并 于 以 由 从 这 那 个 着 就 都 又 还 则 让".split()
)

jieba.setLogLevel(logging.WARNING)
_converter = opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """NFKC folds full-width forms; OpenCC folds traditional characters (黨建 → 党建)."""
    return _converter.convert(unicodedata.normalize("NFKC", text)).lower()


class Segmenter:
    """A segmentation engine loaded once per process and kept in step with the word file.

    An added word's frequency depends on the words added before it, so the query-side engine
    starts over on every change and adds the words in the file's order: every process then cuts
    text the same way, whatever its history. An engine that only serves index-time sub-words may
    `grow_in_place` when words are only added. Neither ever deletes a word: jieba's del_word
    also tells its process-wide HMM never to join those characters again, which would leak
    into every other jieba user in the process (cleaning, extraction).
    """

    def __init__(self, load, add_word, grow_in_place=False):
        self._load, self._add, self._grow_in_place = load, add_word, grow_in_place
        self._engine = None
        self._words = frozenset()
        self._lock = threading.Lock()

    def engine(self):
        words = dictionary.current()
        if self._engine is None or words is not self._words:
            with self._lock:
                if self._engine is None or words is not self._words:
                    self._engine = self._updated(words)
                    self._words = words
                    sub_words.cache_clear()
        return self._engine

    def _updated(self, words):
        engine, added = self._engine, words - self._words
        if engine is None or not self._grow_in_place or self._words - words:
            engine, added = self._load(), words
        for word in dictionary.in_file_order(added):
            self._add(engine, word)
        return engine


def _load_jieba() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


# Words are cut by jieba-rs: the same dictionary, algorithm and output as jieba, ~13× faster.
# jieba itself (~80 MB) still gives the parts of long words (sub_words), for indexing and for
# highlighting them in snippets. A fresh jieba-rs engine with the archive's words takes ~50 ms;
# jieba's own reload ~0.7 s.
word_cutter = Segmenter(rjieba.Jieba, lambda engine, word: engine.add_word(word, None, None))
dag_segmenter = Segmenter(_load_jieba, jieba.Tokenizer.add_word, grow_in_place=True)


def is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token) and token not in STOP_WORDS


@lru_cache(maxsize=50_000)
def sub_words(word: str) -> tuple[str, ...]:
    """How jieba would split `word` if it were not itself a word: 高新区 → 高新 (the 区 is
    dropped), 新能源汽车 → 新能源, 汽车. Never the overlapping 新区 of 高新区, which is a
    different word. Entity names keep only non-generic parts: 成都高新区 → 成都, 两江新区 → 两江."""
    if len(word) < 3:
        return ()
    tokenizer = dag_segmenter.engine()
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
    for word, start, end in word_cutter.engine().tokenize(text):
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
