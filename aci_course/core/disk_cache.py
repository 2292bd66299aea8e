"""Results of costly build steps kept on disk, under ``.cache/<name>/`` beside mkdocs.yml.

A step that gives the same output for the same input (a Node program, a template
compiler) stores its output under a key made of a hash of everything it read,
its own code included (:func:`code_version`), so a changed input or a changed
program is never answered from the cache. Entries are written whole (a temporary
file, then a rename), so an interrupted build never leaves half an entry. The
folder can be deleted at any time: the next build makes it again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

CACHE_ROOT = ".cache"


def digest(*parts: str | bytes) -> str:
    """One hex key for ``parts`` (each part delimited, so ``("ab", "c")`` != ``("a", "bc")``)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def code_version(files: Iterable[Path]) -> str:
    """A key part that changes when any of ``files`` (the step's own code) changes."""
    return digest(*(path.read_bytes() if path.is_file() else b"" for path in files))


class DiskCache:
    """``<root>/.cache/<name>/``: one file per key; None as folder: nothing is kept."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def at(cls, root: Path, name: str) -> DiskCache:
        """The cache called ``name`` of the project at ``root``."""
        return cls(root / CACHE_ROOT / name)

    def path(self, key: str, suffix: str = "") -> Path | None:
        """Where the entry ``key`` lives (None without a folder)."""
        return None if self.folder is None else self.folder / f"{key}{suffix}"

    def read_bytes(self, key: str, suffix: str = "") -> bytes | None:
        """The entry ``key``, None if it was never stored."""
        path = self.path(key, suffix)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def write_bytes(self, key: str, data: bytes, suffix: str = "") -> None:
        """Store ``data`` as the entry ``key`` (a cache that cannot be written is skipped)."""
        path = self.path(key, suffix)
        if path is None:
            return
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
            partial.replace(path)  # never a half-written entry
        except OSError:
            partial.unlink(missing_ok=True)

    def read_text(self, key: str, suffix: str = "") -> str | None:
        """The entry ``key`` as UTF-8 text, None if it was never stored."""
        data = self.read_bytes(key, suffix)
        return None if data is None else data.decode("utf-8")

    def write_text(self, key: str, text: str, suffix: str = "") -> None:
        """Store ``text`` (UTF-8) as the entry ``key``."""
        self.write_bytes(key, text.encode("utf-8"), suffix)

    def entries(self, suffix: str = "") -> list[Path]:
        """The stored entries ending in ``suffix``."""
        if self.folder is None or not self.folder.is_dir():
            return []
        return [p for p in self.folder.iterdir() if p.name.endswith(suffix) and p.is_file()]

    def keep_only(self, key: str, suffix: str = "") -> None:
        """Delete the other entries ending in ``suffix`` (a step whose old results never return)."""
        for path in self.entries(suffix):
            if path.name != f"{key}{suffix}":
                path.unlink(missing_ok=True)
