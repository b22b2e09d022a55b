"""Where cleaned text becomes parks, regions, figures and initiatives: `extract_entities(...)`."""
from .pipeline import extract_entities, matcher_for
from .types import Extraction, FigureMention, InitiativeMention, ParkEntry, ParkMention
from .vocabulary import dictionary_words

__all__ = [
    "extract_entities",
    "matcher_for",
    "dictionary_words",
    "Extraction",
    "FigureMention",
    "InitiativeMention",
    "ParkEntry",
    "ParkMention",
]
