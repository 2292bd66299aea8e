"""Build beside the site and swap it in only when the build is complete.

A failed build (an author error, a strict-mode warning, a crash) leaves the
previous ``site/`` exactly as it was: readers on a shared folder or USB stick
never get a half-written course.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def partial_dir(site_dir: Path) -> Path:
    """Where a build writes until it is complete."""
    return site_dir.with_name(site_dir.name + ".partial")


def swap_in(partial: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``partial`` (two renames, the old site removed after)."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    partial.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(partial: Path) -> None:
    """Remove an unfinished build."""
    shutil.rmtree(partial, ignore_errors=True)
