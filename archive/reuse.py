"""Text reuse: articles sharing most of their text (reposted press releases, wire copy on other sites).

MinHash signatures of character 5-grams, LSH to find candidate pairs without comparing every
pair, then clusters by union-find. Each cluster is named by its earliest article. Pure functions.
"""
import datetime
import re
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
PERMUTATIONS = 128
# Reposts keep most of the text but gain or lose a byline, an intro or furniture; 0.5 of shared
# 5-grams separates them well from two different stories on the same event (typically < 0.2).
THRESHOLD = 0.5
NOT_TEXT = re.compile(r"[\s\W_]+")


@dataclass(frozen=True)
class Text:
    key: int
    text: str
    published: datetime.date | None = None


def shingles(text: str) -> set[bytes]:
    compact = NOT_TEXT.sub("", text)
    return {compact[i : i + SHINGLE].encode("utf-8") for i in range(max(len(compact) - SHINGLE + 1, 1))} if compact else set()


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=PERMUTATIONS)
    minhash.update_batch(sorted(shingles(text)))
    return minhash


def clusters(texts: list[Text], threshold: float = THRESHOLD) -> dict[int, int]:
    """Each key that shares text with another → the key of its cluster's earliest member."""
    signatures = {item.key: signature(item.text) for item in texts if shingles(item.text)}
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    for key, minhash in signatures.items():
        lsh.insert(key, minhash)
    parent = {key: key for key in signatures}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, minhash in signatures.items():
        for other in lsh.query(minhash):
            if other != key and minhash.jaccard(signatures[other]) >= threshold:
                parent[root(other)] = root(key)

    order = {item.key: (item.published or datetime.date.max, item.key) for item in texts}
    members: dict[int, list[int]] = {}
    for key in signatures:
        members.setdefault(root(key), []).append(key)
    result = {}
    for group in members.values():
        if len(group) > 1:
            first = min(group, key=order.__getitem__)
            result.update({key: first for key in group})
    return result
