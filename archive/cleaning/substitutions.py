"""Characters that scrapers or anti-scraping filters substituted for others, and their reversal.

Maintain the table here. Each entry: the substitute, the character it replaced, and the words in
which the substitute is genuine and must stay (蕞 is a real character in 蕞尔).
"""
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Substitution:
    substitute: str
    original: str
    genuine_in: tuple[str, ...] = ()


TABLE = (
    # Advertising-law filters on sites rewrite superlatives: 最 becomes its look-alike 蕞.
    Substitution("蕞", "最", ("蕞尔",)),
)

_PATTERNS = [
    (
        entry,
        re.compile(
            "|".join(re.escape(word) for word in entry.genuine_in) + ("|" if entry.genuine_in else "")
            + re.escape(entry.substitute)
        ),
    )
    for entry in TABLE
]


def revert_substitutions(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with substitutes reverted, and (substitute, original) for each reversal made."""
    reverted = []
    for entry, pattern in _PATTERNS:

        def replace(match, entry=entry):
            if match.group() != entry.substitute:  # a word where the character is genuine
                return match.group()
            reverted.append((entry.substitute, entry.original))
            return entry.original

        text = pattern.sub(replace, text)
    return text, reverted
