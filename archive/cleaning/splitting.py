"""Splitting a page into its articles.

A newspaper page holds several stories, photo items and short news items; a web page holds one.
An article starts at a heading stack followed by a byline or a "本报"/"新华社" dateline, at a stack
of two or more headings, at a photo credit, or at any heading once the previous item has closed
(signed at its end, or ended by a dateline). A single heading inside a story is a section heading.
"""
from dataclasses import dataclass, field

from .chars import bigrams, ends_sentence
from .layout import lead_dateline, trailing_names

RESUME_MARGIN = 0.1  # how much closer to the interrupted story a paragraph must be to go back to it
HEAD_PARAGRAPHS = 3  # an inserted item's first paragraphs say what it is about


@dataclass
class Block:
    kind: str  # "heading" | "para" | "byline" | "credit" | "end_dateline"
    text: str


@dataclass
class Segment:
    blocks: list[Block] = field(default_factory=list)
    closed: bool = False  # signed or datelined at its end: what follows is another item
    resumed_at: Block | None = None  # first block taken back from an item printed inside this story

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "para"]


def split_page(blocks: list[Block]) -> list[Segment]:
    segments = [Segment()]
    index = 0
    while index < len(blocks):
        block = blocks[index]
        current = segments[-1]
        if block.kind == "credit" and any(b.kind == "para" for b in current.blocks):
            segments.append(_photo_item(current))
        elif block.kind == "heading":
            stack = _stack_end(blocks, index)
            if current.blocks and _starts_article(blocks, index, stack, current):
                segments.append(Segment())
            segments[-1].blocks.extend(blocks[index:stack])
            index = stack
            continue
        elif current.closed and block.kind == "para":
            segments.append(Segment())
        segments[-1].blocks.append(block)
        segments[-1].closed = _closes(segments[-1], block)
        index += 1
    segments = [s for s in segments if s.blocks]
    _resume_interrupted(segments)
    return segments


def _photo_item(current: Segment) -> Segment:
    """A photo credit opens a photo item; a heading just above it is the item's title."""
    item = Segment()
    if current.blocks[-1].kind == "heading":
        item.blocks.append(current.blocks.pop())
    return item


def _stack_end(blocks: list[Block], index: int) -> int:
    end = index
    while end < len(blocks) and blocks[end].kind == "heading":
        end += 1
    return end


def _starts_article(blocks: list[Block], start: int, stack: int, current: Segment) -> bool:
    following = blocks[stack] if stack < len(blocks) else None
    if current.closed or stack - start >= 2:
        return True
    if following is None:
        return False
    if following.kind in ("byline", "credit"):
        return True
    return following.kind == "para" and bool(lead_dateline(following.text)[1])


def _closes(segment: Segment, block: Block) -> bool:
    if block.kind in ("end_dateline",):
        return True
    if block.kind == "byline":
        # A byline under a heading opens the story; one after the text signs it off.
        return any(b.kind == "para" for b in segment.blocks)
    if block.kind == "para":
        photo = any(b.kind == "credit" for b in segment.blocks)
        return photo or bool(trailing_names(block.text)[1])
    return False


def _resume_interrupted(segments: list[Segment]) -> None:
    """A story cut off mid-sentence by an inserted item resumes after it: the inserted item's last
    paragraphs that read like the story (more shared vocabulary) go back to the story."""
    for story, item in zip(segments, segments[1:]):
        paragraphs = story.paragraphs()
        if story.closed or not paragraphs or ends_sentence(paragraphs[-1]):
            continue
        item_paragraphs = [i for i, b in enumerate(item.blocks) if b.kind == "para"]
        if len(item_paragraphs) <= HEAD_PARAGRAPHS:
            continue
        story_words = bigrams("".join(paragraphs))
        item_words = bigrams("".join(item.blocks[i].text for i in item_paragraphs[:HEAD_PARAGRAPHS]))
        cut = len(item.blocks)
        for position in reversed(item_paragraphs[HEAD_PARAGRAPHS:]):
            if _affinity(item.blocks[position].text, story_words) < _affinity(item.blocks[position].text, item_words) + RESUME_MARGIN:
                break
            cut = position
        if cut < len(item.blocks):
            story.resumed_at = item.blocks[cut]
            story.blocks.extend(item.blocks[cut:])
            del item.blocks[cut:]
            story.closed, item.closed = item.closed, True


def _affinity(text: str, vocabulary: set[str]) -> float:
    words = bigrams(text)
    return len(words & vocabulary) / len(words) if words else 0.0

