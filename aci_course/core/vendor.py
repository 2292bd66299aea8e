"""Third-party front-end files the site serves from npm's ``node_modules`` (never a CDN)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


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


# site path -> path inside node_modules. Material's offline plugin would load the
# iframe-worker shim from unpkg; mkdocs.yml points ``extra.polyfills`` at this copy.
# The reading font for dyslexic readers (reading settings, stylesheets/reading-font.css):
# OpenDyslexic from Fontsource, whose "latin" files also hold Cyrillic, і and ў included
# (checked glyph by glyph with fontTools), under the SIL Open Font Licence.
READING_FONT_DIR = "assets/fonts/opendyslexic"
SITE_VENDOR_FILES = {
    "assets/javascripts/vendor/iframe-worker/shim.js": "iframe-worker/shim/index.js",
    **{
        f"{READING_FONT_DIR}/opendyslexic-{weight}.woff2": (
            f"@fontsource/opendyslexic/files/opendyslexic-latin-{weight}-normal.woff2"
        )
        for weight in (400, 700)
    },
    f"{READING_FONT_DIR}/OFL.txt": "@fontsource/opendyslexic/LICENSE",
}


def add_vendor_files(
    files: Files, config: MkDocsConfig, root: Path, wanted: Mapping[str, str]
) -> Files:
    """Add each file of ``wanted`` to the site (raises VendorMissing with how to install it)."""
    for dest, path in vendor_sources(root, wanted).items():
        if files.get_file_from_path(dest) is None:
            files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files
