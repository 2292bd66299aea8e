"""The site's own front end, minified at build time by esbuild (npm, package-lock.json).

Our scripts and style sheets (``overrides/assets/javascripts/*.js``,
``overrides/assets/stylesheets/*.css``) are written readable and commented; the
built site gets them minified, each file alone (plain scripts, no bundle), with no
source map, and without the source maps Material ships. Run once per build, after
every language is built and before the service workers list the files.

esbuild's output is kept under ``.cache/minify/`` by the content of every file it
is given (a style sheet's ``@import`` reads only our own files, all in the key),
esbuild's version and the script: a rebuild with the same front end starts no node.
"""

from __future__ import annotations

import json
from pathlib import Path

from aci_course.core.disk_cache import DiskCache, code_version, digest
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


def minify_site(
    root: Path,
    overrides: Path,
    site: Path,
    node: str | None = None,
    cache: DiskCache | None = None,
) -> int:
    """Minify in place the files of ``site`` that come from ``overrides``; bytes saved.

    ``overrides`` is the theme's custom_dir; ``root`` holds ``node_modules``.
    """
    paths = our_assets(overrides, site)
    cache = cache or DiskCache(None)
    names = [path.relative_to(site).as_posix() for path in paths]
    key = digest(
        code_version([SCRIPT, root / "node_modules" / "esbuild" / "package.json"]),
        *(
            part
            for name, path in zip(names, paths, strict=True)
            for part in (name, path.read_bytes())
        ),
    )
    stored = cache.read_text(key, ".json")
    if stored is not None:
        done = json.loads(stored)
        for name, path in zip(names, paths, strict=True):
            path.write_bytes(done["files"][name].encode("utf-8"))
        remove_source_maps(site)
        return int(done["saved"])
    files = [str(path.resolve()) for path in paths]
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
    minified = {
        name: path.read_bytes().decode("utf-8") for name, path in zip(names, paths, strict=True)
    }
    cache.write_text(key, json.dumps({"files": minified, "saved": result["saved"]}), ".json")
    cache.keep_only(key, ".json")
    remove_source_maps(site)
    return int(result["saved"])
