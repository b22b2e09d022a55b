"""Result snippets with whole matched words highlighted, through the same analysis as the index.

The article text is escaped piece by piece; the only markup in a snippet is <mark>.
"""
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import normalise, sub_words, words_with_offsets

CONTEXT_BEFORE = 30
# Only the neighbourhood of the first match is segmented: a snippet shows ~140 of ~2,000 characters.
WINDOW_AFTER = 400
OPENING = 600  # characters normalised before the rest of a body (see first_occurrence)


def matched_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words of `text` that match a term, directly or by a sub-word."""
    normalised = normalise(text)
    if len(normalised) != len(text):
        return []  # offsets would not line up; better no highlight than a wrong one
    return [
        (start, end)
        for word, start, end in words_with_offsets(normalised)
        if word in terms or terms.intersection(sub_words(word))
    ]


def render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def first_occurrence(text: str, terms: list[str]) -> int:
    """Where the first term occurs as a string (normalised like the index), or 0.

    The opening characters are normalised first and the rest only when no term starts there:
    normalising whole bodies was a third of a results page's snippet time.
    """
    longest = max(map(len, terms), default=0)
    for end in (OPENING, len(text)):
        piece = text[:end]
        folded = normalise(piece)
        if len(folded) != len(piece):
            return 0  # offsets would not line up
        first = min((p for p in (folded.find(term) for term in terms) if p >= 0), default=None)
        # An earlier occurrence could only be one cut off at the end of the opening.
        if first is not None and (first + longest <= end or end >= len(text)):
            return first
        if end >= len(text):
            break
    return 0


def snippet(text: str, terms: list[str], width: int = 140) -> SafeString:
    text = " ".join(text.split())
    window_start = max(0, first_occurrence(text, terms) - CONTEXT_BEFORE) if terms else 0
    window = text[window_start : window_start + WINDOW_AFTER]
    spans = matched_spans(window, set(terms)) if terms else []
    start = max(0, spans[0][0] - CONTEXT_BEFORE) if spans else 0
    end = min(len(window), start + width)
    html = render(window, spans, start, end)
    return mark_safe(("…" if window_start + start > 0 else "") + html + ("…" if window_start + end < len(text) else ""))


def highlight(text: str, terms: list[str]) -> SafeString:
    """All of `text`, escaped, with every matched word marked."""
    spans = matched_spans(text, set(terms)) if terms else []
    return mark_safe(render(text, spans, 0, len(text)))
