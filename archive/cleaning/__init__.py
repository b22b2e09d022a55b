"""Where a raw scraped page becomes clean articles: `clean_page(raw, name, sidecar)`."""
from .pipeline import clean_page
from .types import CleanedArticle, CleanedPage, ReportEntry, UnreadablePage

__all__ = ["clean_page", "CleanedArticle", "CleanedPage", "ReportEntry", "UnreadablePage"]
