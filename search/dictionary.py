"""The archive's segmentation dictionary: names of parks, figures and initiatives.

The database is the truth; a plain word file (settings.GAOXIN_USER_DICT) carries it to every
process. Any entity save rewrites the file, and each process's segmenters pick up the change
within a couple of seconds (search.analysis.Segmenter), so 老杨群工 stays one word in search.
"""
import os
import threading
import time
from pathlib import Path

from django.conf import settings

# Generic designators inside park names: never emitted on their own from an entity name.
DESIGNATORS = frozenset(
    ["新区", "高新区", "高新", "开发区", "园区", "科技园", "示范区", "工业园", "产业园", "自贸区", "新城", "科学城"]
)
RECHECK_SECONDS = 2.0

_lock = threading.Lock()
_state = {"version": None, "checked": 0.0, "words": frozenset()}


def path() -> Path:
    return Path(settings.GAOXIN_USER_DICT)


def archive_words() -> list[str]:
    """Every entity name and alias in the database, longest first."""
    from archive.models import Figure, Initiative, Park

    words = set()
    for park in Park.objects.exclude(status=Park.Status.PROPOSED):
        words.update(park.all_names())
    for model in (Figure, Initiative):
        for name, aliases in model.objects.values_list("name", "aliases"):
            words.add(name)
            words.update(aliases or [])
    return in_file_order(w.strip() for w in words if w and w.strip() and " " not in w.strip())


def in_file_order(words) -> list[str]:
    """Longest first: the order the word file lists words in and segmenters add them in."""
    return sorted(words, key=lambda w: (-len(w), w))


def write(words: list[str] | None = None) -> Path:
    """Rewrite the word file atomically, so readers never see half a file."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    words = archive_words() if words is None else words
    temporary = target.with_suffix(".tmp")
    temporary.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    os.replace(temporary, target)
    return target


def read() -> frozenset[str]:
    try:
        return frozenset(w for w in path().read_text(encoding="utf-8").split("\n") if w)
    except FileNotFoundError:
        return frozenset()


def expire() -> None:
    """Make this process re-read the word file on its next use (it was just rewritten here)."""
    _state["checked"] = 0.0


def current() -> frozenset[str]:
    """The word file's words, re-read when the file changed (looked at every couple of seconds).

    The same frozenset object comes back until the file changes, so segmenters can tell with
    `is` whether they are up to date.
    """
    now, where = time.monotonic(), path()
    if _state["checked"] and now - _state["checked"] < RECHECK_SECONDS and _state["version"][0] == where:
        return _state["words"]
    with _lock:
        _state["checked"] = now
        try:
            version = (where, where.stat().st_mtime_ns)
        except FileNotFoundError:
            version = (where, None)
        if version != _state["version"]:
            _state.update(version=version, words=read())
        return _state["words"]


def is_entity(word: str) -> bool:
    return word in current()


def is_designator(word: str) -> bool:
    return word in DESIGNATORS
