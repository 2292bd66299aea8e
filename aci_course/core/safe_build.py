"""Build beside the site and swap it in only when the build is complete.

A failed build (an author error, a strict-mode warning, a crash) leaves the
previous ``site/`` exactly as it was: readers on a shared folder or USB stick
never get a half-written course.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
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


@dataclass
class Session:
    """One ``mkdocs build`` command (all its language builds).

    For ``mkdocs build`` the output goes to ``<site_dir>.partial``; after the last
    language is built and nothing failed (strict warnings abort after post_build and
    then report a build error), :meth:`finish` swaps it in. ``mkdocs serve`` builds
    into its own temporary folder and is left alone; ``mkdocs serve --clean`` starts
    the plugins as for a build, so its first build is swapped in before serving.
    """

    active: bool = False
    target: Path | None = None
    complete: bool = False
    failed: bool = False

    def redirect(self, site_dir: str) -> str:
        """The folder the build writes into (the first call of a build picks it)."""
        if self.active and self.target is None:
            self.target = Path(site_dir)
            return str(partial_dir(self.target))
        return site_dir

    def serve_first_build(self) -> None:
        """``mkdocs serve --clean``: serve the first build (rebuilds are not redirected)."""
        if self.active and self.target is not None:
            if self.complete and not self.failed:
                swap_in(partial_dir(self.target), self.target)
            self.active = False

    def finish(self) -> None:
        """Swap in the complete build, or discard the unfinished one."""
        if not self.active or self.target is None:
            return
        partial = partial_dir(self.target)
        if self.complete and not self.failed:
            swap_in(partial, self.target)
        else:
            discard(partial)
