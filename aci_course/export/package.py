"""The USB package: one reproducible zip of the learner site.

``dist/aci-course-<version>.zip`` holds one folder ``aci-course-<version>/`` with
the site (``index.html`` at its top), ``README.txt`` in every course language
and ``SHA256SUMS`` (``sha256sum -c`` format) for every other file. The same site
gives the same bytes: entries are sorted, dated 1980-01-01 and given fixed
permissions, so a copy can be checked against a published checksum.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable
from pathlib import Path

from aci_course import LANGUAGES
from aci_course.core.templating import render

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip can hold: no build time leaks into the archive."""

FILE_MODE = 0o100644  # a regular file, rw-r--r--, whoever built it and with which umask


def site_files(site: Path) -> list[tuple[str, Path]]:
    """``(path inside the site, file)`` for every file of ``site``, sorted by path."""
    return sorted(
        (path.relative_to(site).as_posix(), path) for path in site.rglob("*") if path.is_file()
    )


def readme(version: str) -> str:
    """README.txt: how to open the course, that it works offline, how to check it, licence."""
    text = render("export/README.txt", languages=LANGUAGES, version=version)
    return text.strip() + "\n"


def sha256sums(entries: Iterable[tuple[str, bytes]]) -> str:
    """``sha256sum -c`` lines for ``(path, data)`` pairs, in the order given."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in entries)


def write_zip(target: Path, entries: Iterable[tuple[str, bytes]]) -> None:
    """A zip of ``(name, data)`` entries with fixed dates and permissions, in the order given.

    Written next to ``target`` first and renamed, so a failed run never leaves half a zip.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, data, compresslevel=9)
    partial.replace(target)


def build_package(site: Path, dist: Path, version: str) -> Path:
    """Write ``dist/aci-course-<version>.zip`` from the built ``site``; return its path."""
    top = f"aci-course-{version}"
    entries = [(name, path.read_bytes()) for name, path in site_files(site)]
    entries.append(("README.txt", readme(version).replace("\n", "\r\n").encode("utf-8")))
    entries.sort()
    sums = sha256sums(entries).encode("utf-8")
    entries.append(("SHA256SUMS", sums))
    entries.sort()
    target = dist / f"{top}.zip"
    write_zip(target, [(f"{top}/{name}", data) for name, data in entries])
    return target
