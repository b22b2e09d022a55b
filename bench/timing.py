"""Repeating a measurement within a bound, and summarising the samples."""
import math
import time


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: with few samples an interpolated p95 would invent a value."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summary(samples: list[float]) -> dict:
    """Seconds in, milliseconds out."""
    if not samples:
        return {"n": 0, "p50_ms": None, "p95_ms": None}
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 0.50) * 1000, 1),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 1),
    }


def repeat(call, repeats: int, budget_seconds: float, minimum: int = 3) -> list[float]:
    """Durations of `call()`: `repeats` runs, cut short once the budget is spent (never fewer
    than `minimum`), so a slow baseline at 100k cannot stretch the run to hours."""
    samples = []
    started = time.perf_counter()
    for _ in range(repeats):
        begin = time.perf_counter()
        call()
        samples.append(time.perf_counter() - begin)
        if len(samples) >= minimum and time.perf_counter() - started > budget_seconds:
            break
    return samples


class Stopwatch:
    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
        return False


def measure_queries(queries, run, repeats: int, budget_seconds: float) -> dict:
    """Latency of `run(query)` (which returns the hit count) per query, and over the plain and
    the faceted halves of the set. The first call of each query fills caches every later
    visitor would find filled (the decoded postings of its frequent words, among others): it
    is reported apart ("first_ms"), not pooled."""
    per_query, groups = {}, {"plain": [], "faceted": []}
    for query in queries:
        with Stopwatch() as first:
            hits = run(query)
        samples = repeat(lambda: run(query), repeats, budget_seconds)
        per_query[query.label] = {"hits": hits, "first_ms": round(first.seconds * 1000, 1), **summary(samples)}
        groups["faceted" if query.faceted else "plain"] += samples
    return {"queries": per_query, **{name: summary(samples) for name, samples in groups.items() if samples}}
