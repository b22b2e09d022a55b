"""Bytes a folder takes on disk (following the index's generation symlink)."""
import os
from pathlib import Path


def folder_bytes(path: Path) -> int:
    root = Path(os.path.realpath(path))
    if root.is_file():
        return root.stat().st_size
    return sum(f.stat().st_size for f in root.rglob("*") if f.is_file())
