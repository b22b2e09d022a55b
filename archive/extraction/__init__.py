"""Where cleaned text becomes parks, regions, figures and initiatives: `extract_entities(...)`."""
from .pipeline import extract_entities
from .types import Extraction, FigureMention, InitiativeMention, ParkEntry, ParkMention

__all__ = ["extract_entities", "Extraction", "FigureMention", "InitiativeMention", "ParkEntry", "ParkMention"]
