"""Where the time goes: `python -m bench.profile [search|page|build] [QUERY LABEL]`.

Profiles one step against the corpus already in bench/work/ (run `python -m bench` first) with
pyinstrument (the optional "bench" extra). `search` and `page` repeat the query so the profile
shows steady state, not the first call's cache filling.
"""
import argparse

from .env import setup_django

REPEATS = 5


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("step", choices=("search", "page", "build"))
    parser.add_argument("label", nargs="?", default="one word + 3 facets", help="a query label from bench/queries.py")
    args = parser.parse_args()
    setup_django()
    from pyinstrument import Profiler

    from .corpus import World, load_parks
    from .queries import query_set

    queries = {q.label: q for q in query_set(World(load_parks()).most_quoted_person().name)}
    query = queries[args.label]
    step = _steps(query)[args.step]
    repeats = 1 if args.step == "build" else REPEATS
    if repeats > 1:
        step()  # warm-up: open the index, load jieba and the dictionary
    profiler = Profiler(interval=0.001)
    with profiler:
        for _ in range(repeats):
            step()
    print(profiler.output_text(unicode=True, color=False))


def _steps(query) -> dict:
    from django.test import Client
    from search.engine import run_search
    from search.rebuild import build

    client = Client()
    return {
        "search": lambda: run_search(query.params()),
        "page": lambda: client.get(query.url(), HTTP_HOST="127.0.0.1"),
        "build": build,
    }


if __name__ == "__main__":
    main()
