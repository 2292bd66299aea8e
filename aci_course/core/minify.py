"""The site's own front end, minified at build time by esbuild (npm, package-lock.json).

Our scripts and style sheets (``overrides/assets/javascripts/*.js``,
``overrides/assets/stylesheets/*.css``) are written readable and commented; the
built site gets them minified, each file alone (plain scripts, no bundle), with no
source map, and without the source maps Material ships. Run once per build, after
every language is built and before the service workers list the files.
"""

from __future__ import annotations

from pathlib import Path

from aci_course.core.node import NodeStepError, run_json

SCRIPT = Path(__file__).with_name("minify.cjs")
OURS = ("javascripts/*.js", "stylesheets/*.css")
"""Our files under ``overrides/assets/`` (relative to it) that the site gets minified."""


class MinifyError(Exception):
    """Node or esbuild is missing or failed: the message says how to fix it."""


def our_assets(overrides: Path, site: Path) -> list[Path]:
    """Files of the built ``site`` that come from our own ``overrides/assets/``."""
    source = overrides / "assets"
    found = []
    for pattern in OURS:
        for path in sorted(source.glob(pattern)):
            built = site / "assets" / path.relative_to(source)
            if built.is_file():
                found.append(built)
    return found


def remove_source_maps(site: Path) -> None:
    """Material's ``*.map`` files: for its developers' tools, never loaded by a page."""
    for path in (site / "assets").rglob("*.map"):
        path.unlink()


def minify_site(root: Path, overrides: Path, site: Path, node: str | None = None) -> int:
    """Minify in place the files of ``site`` that come from ``overrides``; bytes saved.

    ``overrides`` is the theme's custom_dir; ``root`` holds ``node_modules``.
    """
    files = [str(path.resolve()) for path in our_assets(overrides, site)]
    try:
        result = run_json(
            root,
            "esbuild",
            SCRIPT,
            [str(root.resolve())],
            files,
            "to minify the site's scripts",
            node,
        )
    except NodeStepError as error:
        raise MinifyError(str(error)) from None
    remove_source_maps(site)
    return int(result["saved"])
