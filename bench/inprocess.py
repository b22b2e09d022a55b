"""The archive's own search, called in-process the way the search view calls it."""
from .timing import measure_queries


def measure(queries, repeats: int, budget_seconds: float) -> dict:
    from search.engine import reset_searcher, run_search

    reset_searcher()  # open the index that was just built, not one left from a smaller size
    return measure_queries(queries, lambda query: run_search(query.params()).total, repeats, budget_seconds)
