"""Third-party front-end files the site serves from npm's ``node_modules`` (never a CDN)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


class VendorMissing(RuntimeError):
    """A file the site needs is not in node_modules (npm ci has not run)."""


def vendor_sources(root: Path, files: Mapping[str, str]) -> dict[str, Path]:
    """``{site path: file in node_modules}`` for ``files`` (site path -> node_modules path).

    Raises :class:`VendorMissing` naming the first missing file and how to install it.
    """
    found = {}
    for dest, source in files.items():
        path = root / "node_modules" / source
        if not path.is_file():
            raise VendorMissing(
                f"node_modules/{source}: missing - run `make site-deps` (npm ci with the "
                "venv's npm) to install the front-end packages from package-lock.json"
            )
        found[dest] = path
    return found
