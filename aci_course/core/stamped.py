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

import functools
import os
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

import pydantic
import yaml

from aci_course.core.disk_cache import DiskCache, code_version, digest

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
            checksum = 0 if folder else _checksum(entry.path, info.st_mtime_ns, now)
        except OSError:
            continue
        entries.append((name, info.st_mtime_ns, info.st_size, checksum))
        if folder:
            _stamp_into(entries, entry.path, f"{name}/", now)


def _checksum(path: str, mtime_ns: int, now: int) -> int:
    """The file's checksum if it was modified within :data:`RECENT_NS`, else 0."""
    if now - mtime_ns >= RECENT_NS:
        return 0
    with open(path, "rb") as file:
        return zlib.crc32(file.read())


def file_stamp(path: Path) -> tuple[int, int, int]:
    """Modification time (ns), size and, if recent, checksum of one file."""
    info = path.stat()
    return (info.st_mtime_ns, info.st_size, _checksum(str(path), info.st_mtime_ns, time.time_ns()))


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


@functools.cache
def _code() -> str:
    """A key part that changes with our package's code and the libraries results hold."""
    package = Path(__file__).resolve().parents[1]
    return digest(
        code_version(sorted(package.rglob("*.py"))),
        sys.version,
        pydantic.VERSION,
        yaml.__version__,
    )


class KeptOnDisk(Generic[T]):
    """Results pickled in ``cache`` under a key of what they were made from and our code.

    For results that take long to make and depend only on files: the parts given to
    :meth:`get` must hold everything ``make`` reads (paths resolved, their stamps,
    the languages), so a `make site` after an edit makes again only what the edit
    touched, and a build of an unchanged course reads its validated modules and
    quizzes instead of parsing and validating them again (issue 22). ``make`` may log
    nothing (a kept result would not log it again); one that raises keeps nothing.
    The cache is the project's own (``.cache/`` beside mkdocs.yml), trusted like its
    files.
    """

    def __init__(self, cache: DiskCache, suffix: str) -> None:
        self.cache = cache
        self.suffix = suffix
        self.used: set[str] = set()

    def get(self, parts: Hashable, make: Callable[[], T]) -> T:
        """The kept result for ``parts``, else ``make()`` (then kept)."""
        key = digest(_code(), repr(parts))
        self.used.add(key)
        data = self.cache.read_bytes(key, self.suffix)
        if data is not None:
            try:
                kept: T = pickle.loads(data)  # the project's own cache, trusted like its files
                return kept
            except Exception:  # an unreadable entry (another pickle format): made again
                pass
        result = make()
        self.cache.write_bytes(key, pickle.dumps(result, pickle.HIGHEST_PROTOCOL), self.suffix)
        return result

    def forget_unused(self) -> None:
        """Delete the entries that no :meth:`get` asked for: what an edit made obsolete."""
        for path in self.cache.entries(self.suffix):
            if path.name.removesuffix(self.suffix) not in self.used:
                path.unlink(missing_ok=True)
