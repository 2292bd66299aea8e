"""The site's own front end, minified at build time by esbuild (npm, package-lock.json).

Our scripts and style sheets (``overrides/assets/javascripts/*.js``,
``overrides/assets/stylesheets/*.css``) are written readable and commented; the
built site gets them minified, each file alone (plain scripts, no bundle), with no
source map, and without the source maps Material ships. Material's style sheet
(138 KB, most of it for features the course does not use: code, tabs, annotations,
tags, versions) is cut by PurgeCSS to the rules whose selectors the built pages, our
scripts or Material's script can match (:func:`purge_options`). Run once per build,
after every language is built and before the service workers list the files.

The step's output (our files and Material's cut style sheet) is kept under
``.cache/minify/`` by everything it reads: our files, the pages, Material's script
and style sheets, esbuild's and PurgeCSS's versions and the script. A rebuild with the
same site starts no node.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from aci_course.core.disk_cache import DiskCache, code_version, digest
from aci_course.core.node import NodeStepError, run_json

SCRIPT = Path(__file__).with_name("minify.cjs")
OURS = ("javascripts/*.js", "javascripts/lunr/min/*.js", "stylesheets/*.css")
"""Our files under ``overrides/assets/`` (relative to it) that the site gets minified."""


PAGE_PARTS = ("assets/javascripts/quiz/**/*.js", "assets/javascripts/plain/**/*.js")
"""Scripts that hold part of a page's HTML (quiz forms, plain versions): PurgeCSS reads
them like the pages, so the Material rules their HTML uses stay."""

MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
MATERIAL_SCRIPT = "assets/javascripts/bundle.*.min.js"

RUNTIME_CLASSES = (
    r"^md-search-result",  # search results
    r"^md-header__title--active$",  # the page title replaces the site's on scroll
    r"^md-nav__link--(active|passed)$",  # the table of contents follows the reading
    r"^md-tooltip",  # content.tooltips
    r"^md-typeset__(scrollwrap|table)$",  # every table is wrapped to scroll sideways
    r"^md-toggle--indeterminate$",  # navigation sections
    r"^md-dialog",  # the "copied" / message dialog
    r"^md-code__content$",
)
"""Material's own classes its script adds to a page at run time, for features we use.

Every other ``md-`` class in its script belongs to a feature the site leaves out
(annotations, code copy, tags, versions, repository facts): its rules go, unless a
page carries the class.
"""

UNUSED_FEATURES = (
    r"^tabbed",  # content tabs
    r"^highlight",  # code highlighting
    r"^critic$",
    r"^rtl$",  # no right-to-left language
    r"^mermaid",
    r"^arithmatex$",
)
"""Other words of Material's script that name features the site leaves out."""


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


def remove_bundled(site: Path, names: Sequence[str]) -> None:
    """The files a bundle took in (course.css's imports): in it, no page loads them alone.

    So that the service workers do not install them a second time (about 18 KB).
    """
    for name in names:
        (site / name).unlink(missing_ok=True)


def purge_options(site: Path, scripts: Sequence[Path]) -> dict[str, list[str]] | None:
    """What minify.cjs gives PurgeCSS for ``site``; None without Material's style sheet.

    ``content``: every page and our ``scripts`` (their words keep a rule); ``scripts``:
    Material's, whose words count as filtered by ``keep`` (:data:`RUNTIME_CLASSES`) and
    ``drop`` (:data:`UNUSED_FEATURES`); ``readers``: the other style sheets, whose
    ``var(--name)`` keep a custom property Material's sheet defines (the palette reads
    ``--md-hue``).
    """
    css = sorted(site.glob(MATERIAL_CSS))
    if not css:
        return None
    pages = [f"{site.resolve().as_posix()}/{pattern}" for pattern in ("**/*.html", *PAGE_PARTS)]
    return {
        "css": [str(path.resolve()) for path in css],
        "content": [*pages, *(str(path.resolve()) for path in scripts)],
        "scripts": [str(path.resolve()) for path in sorted(site.glob(MATERIAL_SCRIPT))],
        "readers": [
            str(path.resolve())
            for path in sorted((site / "assets" / "stylesheets").glob("*.css"))
            if path not in css
        ],
        "keep": list(RUNTIME_CLASSES),
        "drop": list(UNUSED_FEATURES),
    }


def minify_site(
    root: Path,
    overrides: Path,
    site: Path,
    node: str | None = None,
    cache: DiskCache | None = None,
) -> int:
    """Minify in place the files of ``site`` that come from ``overrides``; bytes saved.

    Material's style sheet is cut as well (:func:`purge_options`). ``overrides`` is the
    theme's custom_dir; ``root`` holds ``node_modules``.
    """
    ours = our_assets(overrides, site)
    scripts = [path for path in ours if path.suffix == ".js"]
    purge = purge_options(site, scripts)
    written = [*ours, *sorted(site.glob(MATERIAL_CSS))]
    # The pages, Material's script and every style sheet: what PurgeCSS reads.
    read = sorted(
        {*written, *site.rglob("*.html"), *site.glob(MATERIAL_SCRIPT)}
        | set(site.glob("assets/stylesheets/*.css"))
        | {path for pattern in PAGE_PARTS for path in site.glob(pattern)}
    )
    cache = cache or DiskCache(None)
    names = [path.relative_to(site).as_posix() for path in written]
    packages = root / "node_modules"
    key = digest(
        code_version(
            [SCRIPT, packages / "esbuild" / "package.json", packages / "purgecss" / "package.json"]
        ),
        *(part for path in read for part in (path.relative_to(site).as_posix(), path.read_bytes())),
    )
    stored = cache.read_text(key, ".json")
    if stored is not None:
        done = json.loads(stored)
        for name, path in zip(names, written, strict=True):
            path.write_bytes(done["files"][name].encode("utf-8"))
        remove_bundled(site, done.get("bundled", []))
        remove_source_maps(site)
        return int(done["saved"])
    files = [str(path.resolve()) for path in ours]
    try:
        result = run_json(
            root,
            "esbuild",
            SCRIPT,
            [str(root.resolve())],
            {"files": files, "purge": purge},
            "to minify the site's scripts",
            node,
        )
    except NodeStepError as error:
        raise MinifyError(str(error)) from None
    saved = int(result["saved"]) + int(result["purged"])
    minified = {
        name: path.read_bytes().decode("utf-8") for name, path in zip(names, written, strict=True)
    }
    bundled = sorted(
        Path(name).resolve().relative_to(site.resolve()).as_posix() for name in result["bundled"]
    )
    cache.write_text(
        key, json.dumps({"files": minified, "saved": saved, "bundled": bundled}), ".json"
    )
    cache.keep_only(key, ".json")
    remove_bundled(site, bundled)
    remove_source_maps(site)
    return saved
