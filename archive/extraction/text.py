"""One article as the extractors read it: a single text with paragraph offsets, clauses and jieba tokens."""
import bisect
import logging
from dataclasses import dataclass, field
from functools import cached_property

import jieba

jieba.setLogLevel(logging.WARNING)

HAN = "\u4e00-\u9fff"
# Full-width punctuation folded to the ASCII the cleaner's NFKC produces, one character for one, so
# offsets stay valid and patterns need only one spelling.
_FOLD = str.maketrans("（）：，；！？　", "():,;!? ")
SENTENCE_ENDS = "。!?;\n"
CLAUSE_ENDS = SENTENCE_ENDS + ",、:"


def fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass
class Document:
    """Title and paragraphs joined by newlines; positions everywhere refer to `text`."""

    title: str
    paragraphs: list[str]
    text: str = field(init=False)
    starts: list[int] = field(init=False)  # start offset of the title (0) and of each paragraph

    def __post_init__(self):
        self.title = fold(self.title.strip())
        self.paragraphs = [fold(p.strip()) for p in self.paragraphs if p.strip()]
        blocks = [self.title, *self.paragraphs]
        self.starts, offset = [], 0
        for block in blocks:
            self.starts.append(offset)
            offset += len(block) + 1
        self.text = "\n".join(blocks)

    def block_index(self, position: int) -> int:
        """0 for the title, n for paragraph n (1-based)."""
        return bisect.bisect_right(self.starts, position) - 1

    def block(self, index: int) -> str:
        return self.title if index == 0 else self.paragraphs[index - 1]

    def sentence_span(self, position: int) -> tuple[int, int]:
        """The sentence (up to 。!?; or a line end) around `position`."""
        start = max(self.text.rfind(end, 0, position) for end in SENTENCE_ENDS) + 1
        ends = [i for i in (self.text.find(end, position) for end in SENTENCE_ENDS) if i != -1]
        return start, min(ends, default=len(self.text))

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """jieba's segmentation as (start, end) spans; the shared default dictionary, never modified here."""
        return [(start, end) for _, start, end in jieba.tokenize(self.text)]

    @cached_property
    def token_starts(self) -> set[int]:
        return {start for start, _ in self.tokens}

    @cached_property
    def token_ends(self) -> set[int]:
        return {end for _, end in self.tokens}

    @cached_property
    def _token_start_list(self) -> list[int]:
        return [start for start, _ in self.tokens]

    def token_containing(self, position: int) -> tuple[int, int]:
        return self.tokens[bisect.bisect_right(self._token_start_list, position) - 1]
