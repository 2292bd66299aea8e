"""Results kept while the files they were made from are unchanged on disk.

static-i18n builds the site once per language, and several plugins read the same
author files (every module and quiz) in each of those builds; ``mkdocs serve``
rebuilds on every save. A result made from a folder is kept with the folder's stamp
(every file's path, modification time and size) and made again when that changes,
so an edit is always seen and an unchanged course is read once per process.

A file changed twice within one tick of the file system's clock keeps its time; if
its size stays too, only its content tells. So, as git does for "racily clean"
files, the stamp also holds a checksum of each file modified in the last
:data:`RECENT_NS` (a test, or an editor saving twice); older files are not read.
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

Stamp = tuple[tuple[str, int, int, int], ...]

RECENT_NS = 2_000_000_000
"""Files modified this recently are stamped by their content as well."""


def folder_stamp(folder: Path) -> Stamp:
    """Path (relative), modification time (ns), size and, if recent, checksum of every entry."""
    entries: list[tuple[str, int, int, int]] = []
    _stamp_into(entries, str(folder), "", time.time_ns())
    return tuple(entries)


def _stamp_into(entries: list[tuple[str, int, int, int]], top: str, rel: str, now: int) -> None:
    try:
        with os.scandir(top) as found:
            children = sorted(found, key=lambda entry: entry.name)
    except OSError:  # gone while walking: the next stamp differs anyway
        return
    for entry in children:
        name = f"{rel}{entry.name}"
        try:
            info = entry.stat()
            folder = entry.is_dir()
            checksum = 0
            if not folder and now - info.st_mtime_ns < RECENT_NS:
                with open(entry.path, "rb") as file:
                    checksum = zlib.crc32(file.read())
        except OSError:
            continue
        entries.append((name, info.st_mtime_ns, info.st_size, checksum))
        if folder:
            _stamp_into(entries, entry.path, f"{name}/", now)


class Stamped(Generic[T]):
    """One result per key, remade when its stamp differs from the one it was made with."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[Hashable, T]] = {}

    def get(self, key: Hashable, stamp: Hashable, make: Callable[[], T]) -> T:
        """The kept result for ``key`` if made with ``stamp``, else ``make()`` (then kept).

        A ``make`` that raises keeps nothing: the next call tries again.
        """
        kept = self._entries.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        result = make()
        self._entries[key] = (stamp, result)
        return result
