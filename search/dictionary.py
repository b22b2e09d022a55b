"""The archive's segmentation dictionary: names of parks, figures and initiatives.

The database is the truth; a plain word file (settings.GAOXIN_USER_DICT) carries it to every
process. Any entity save rewrites the file, and each process's tokenizer picks up the change
within a couple of seconds, so 老杨群工 stays one word in search and extraction alike.
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
_state = {"mtime": None, "checked": 0.0, "words": frozenset(), "tokenizer": None}


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
    return sorted((w.strip() for w in words if w and w.strip() and " " not in w.strip()), key=lambda w: (-len(w), w))


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


def sync(tokenizer) -> bool:
    """Bring `tokenizer` up to date with the word file; True when it changed."""
    now = time.monotonic()
    if _state["tokenizer"] is tokenizer and _state["checked"] and now - _state["checked"] < RECHECK_SECONDS:
        return False
    with _lock:
        _state["checked"] = now
        try:
            mtime = path().stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        if _state["tokenizer"] is tokenizer and mtime == _state["mtime"]:
            return False
        words = read()
        known = _state["words"] if _state["tokenizer"] is tokenizer else frozenset()
        for word in known - words:
            tokenizer.del_word(word)
        for word in words - known:
            tokenizer.add_word(word)
        _state.update(mtime=mtime, words=words, tokenizer=tokenizer)
    from .analysis import sub_words

    sub_words.cache_clear()
    return True


def is_entity(word: str) -> bool:
    return word in _state["words"]


def is_designator(word: str) -> bool:
    return word in DESIGNATORS
