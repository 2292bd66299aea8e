"""The installable web app: a manifest per language and a service worker per language.

Served over HTTPS (or from localhost) the course installs on a phone and opens
with no network. Each language root (``site/``, ``site/be/``, ``site/en/``) gets
``manifest.webmanifest`` and ``sw.js``; a page registers its own language's
worker (overrides/assets/javascripts/webapp.js), which precaches that language's
pages, the shared assets and media, and fetches anything else (the other
languages) on demand, keeping a copy. The files are listed as Workbox's
``getManifest`` lists them, with a revision each (:func:`precache_entries`), so a
rebuilt page is fetched again; caches are named after
the course version and a new version deletes the old ones. Over ``file://``
nothing is registered.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from aci_course import DEFAULT_LANGUAGE, LANGUAGES
from aci_course.core.disk_cache import DiskCache, code_version, digest
from aci_course.core.node import NodeStepError, run_json
from aci_course.core.templating import render
from aci_course.course.languages import prefix

PRECACHE_SCRIPT = Path(__file__).with_name("precache.cjs")
VENDOR_DIR = "assets/javascripts/vendor/workbox"
WORKBOX_MODULES = ("core", "precaching", "routing", "strategies")

ASSET_GLOBS = ("assets/**/*.{js,css,svg,png,ico,woff2,json}",)
LUNR_DIR = "assets/javascripts/lunr/"
MEDIA_GLOBS = ("modules/*/media/**/*",)


class WebAppError(Exception):
    """Node or workbox-build is missing or failed: the message says how to fix it."""


def vendor_files() -> dict[str, str]:
    """Site path -> path inside ``node_modules`` of the Workbox runtime the workers load."""
    files = {f"{VENDOR_DIR}/workbox-sw.js": "workbox-sw/build/workbox-sw.js"}
    for name in WORKBOX_MODULES:
        files[f"{VENDOR_DIR}/workbox-{name}.prod.js"] = (
            f"workbox-{name}/build/workbox-{name}.prod.js"
        )
    return files


def manifest(lang: str, name: str, description: str) -> str:
    """``manifest.webmanifest`` of a language root."""
    up = "../" if prefix(lang) else ""
    data = {
        "name": name,
        "short_name": name,
        "description": description,
        "lang": lang,
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#3f51b5",
        "icons": [
            {
                "src": f"{up}assets/images/favicon.svg",
                "sizes": "any",
                "type": "image/svg+xml",
                "purpose": "any",
            }
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def globs() -> dict[str, list[str]]:
    """What the workers precache, all languages at once: pages, search indexes, assets, media.

    One listing, so that each shared file (assets, media) is read and hashed once, not
    once per language; :func:`split_entries` gives each language its part.
    """
    pages = ["*.html", "modules/**/*.html", "search/*.json"]
    pages += [f"{prefix(lang)}**/*.{{html,json}}" for lang in LANGUAGES if prefix(lang)]
    # The reading font (230 KB) only for those who choose it: fetched then, not installed.
    ignores = ["**/*.map", "404.html", "**/sw.js", "assets/fonts/**"]
    return {"globPatterns": [*pages, *ASSET_GLOBS, *MEDIA_GLOBS], "globIgnores": ignores}


_MEDIA = re.compile(r"^modules/[^/]+/media/")
_PROGRESS_DATA = re.compile(r"^assets/javascripts/progress-data\.([a-z]+)\.js$")
_PROGRESS_MODULE = re.compile(r"^assets/javascripts/progress/([a-z]+)/")
_TEXTS = re.compile(r"^assets/javascripts/texts/([a-z]+)(\.later)?\.js$")
_PLAIN = re.compile(r"^assets/javascripts/plain/([a-z]+)/")
_NAV = re.compile(r"^assets/javascripts/nav/([a-z]+)\.js$")
_QUIZ = re.compile(r"^assets/javascripts/quiz/([a-z]+)/")


def lunr_files(search_langs: Sequence[str]) -> list[str]:
    """The files under ``assets/javascripts/lunr/`` the search worker loads for an index.

    ``search_langs`` is the index's ``config.lang``; Material's worker loads a stemmer
    per language but English (lunr's own), the multi-language glue for more than one,
    and the support all stemmers share.
    """
    extra = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}
    names = [extra[lang] for lang in search_langs if lang in extra]
    names += [f"min/lunr.{lang}.min.js" for lang in search_langs if lang != "en"]
    if len(search_langs) > 1:
        names.append("min/lunr.multi.min.js")
    return ["min/lunr.stemmer.support.min.js", *names] if names else []


def _owners(url: str, lunr: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The languages whose worker precaches a file; () for a file no page loads."""
    for lang in LANGUAGES:
        if prefix(lang) and url.startswith(prefix(lang)):
            return (lang,)
    for pattern in (_PROGRESS_DATA, _PROGRESS_MODULE, _TEXTS, _PLAIN, _NAV, _QUIZ):
        found = pattern.match(url)
        if found:
            return (found[1],) if found[1] in LANGUAGES else ()
    if url.startswith(LUNR_DIR):
        name = url[len(LUNR_DIR) :]
        return tuple(lang for lang in LANGUAGES if name in lunr.get(lang, ()))
    if url.startswith("assets/") or _MEDIA.match(url):
        return tuple(LANGUAGES)
    return (DEFAULT_LANGUAGE,)


def split_entries(
    entries: Sequence[Mapping[str, Any]], lunr: Mapping[str, Sequence[str]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """What the worker of each language precaches.

    Its own pages, search index and course maps, the lunr files its search loads
    (``lunr``: language -> names under ``assets/javascripts/lunr/``), and the shared
    files; nothing that no page loads (other languages' stemmers, ``wordcut.js``).
    """
    split: dict[str, list[dict[str, Any]]] = {lang: [] for lang in LANGUAGES}
    for entry in entries:
        for lang in _owners(str(entry["url"]), lunr or {}):
            split[lang].append(dict(entry))
    return split


def search_lunr(site: Path) -> dict[str, list[str]]:
    """Language -> the lunr files its search index makes the worker load."""
    found = {}
    for lang in LANGUAGES:
        index = site / prefix(lang) / "search" / "search_index.json"
        if index.is_file():
            config = json.loads(index.read_text("utf-8")).get("config", {})
            langs = config.get("lang", [])
            found[lang] = lunr_files([langs] if isinstance(langs, str) else list(langs))
    return found


MAX_PRECACHE_BYTES = 20 * 1024 * 1024
"""Workbox's ``maximumFileSizeToCacheInBytes`` as we set it: a large course's search index."""


def _site_names(site: Path) -> list[str]:
    """Every path under ``site`` (folders with a trailing /): all a glob's answer depends on."""
    names = []
    for folder, dirs, files in os.walk(site):
        base = Path(folder).relative_to(site).as_posix()
        base = "" if base == "." else f"{base}/"
        names += [f"{base}{name}/" for name in dirs] + [f"{base}{name}" for name in files]
    return sorted(names)


def precache_listing(
    root: Path, site: Path, node: str | None = None, cache: DiskCache | None = None
) -> list[str]:
    """The paths Workbox's glob lists for :func:`globs`, in its order (see precache.cjs).

    Kept in ``cache`` by the names of the site's files: a rebuild whose pages changed
    but whose file names did not (an author's edit) lists without node.
    """
    cache = cache or DiskCache(None)
    packages = [root / "node_modules" / name / "package.json" for name in ("workbox-build", "glob")]
    key = digest(
        code_version([PRECACHE_SCRIPT, *packages]),
        json.dumps(globs(), sort_keys=True),
        "\n".join(_site_names(site)),
    )
    stored = cache.read_text(key, ".json")
    if stored is not None:
        listed: list[str] = json.loads(stored)
        return listed
    try:
        listed = run_json(
            root,
            "workbox-build",
            PRECACHE_SCRIPT,
            [str(root.resolve()), str(site.resolve())],
            globs(),
            "to build the offline web app's service worker",
            node,
        )
    except NodeStepError as error:
        raise WebAppError(str(error)) from None
    cache.write_text(key, json.dumps(listed), ".json")
    cache.keep_only(key, ".json")
    return listed


def precache_entries(
    root: Path, site: Path, node: str | None = None, cache: DiskCache | None = None
) -> dict[str, Any]:
    """``{lang: [{url, revision}]}`` as workbox-build's getManifest gives them.

    Urls relative to the site root; the revision is Workbox's, the md5 of the file;
    files above Workbox's size limit are left out, as Workbox leaves them out.
    """
    entries = []
    for url in precache_listing(root, site, node, cache):
        path = site / url
        if not path.is_file() or path.stat().st_size > MAX_PRECACHE_BYTES:
            continue
        revision = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        entries.append({"url": url, "revision": revision})
    return split_entries(entries, search_lunr(site))


def service_worker(lang: str, version: str, entries: Sequence[Mapping[str, Any]]) -> str:
    """``sw.js`` of ``lang``: urls made relative to the worker's own folder."""
    base = prefix(lang)
    up = "../" if base else ""
    relative = []
    for entry in entries:
        url = str(entry["url"])
        relative.append(
            {
                "url": url[len(base) :] if base and url.startswith(base) else up + url,
                "revision": entry.get("revision"),
            }
        )
    return render(
        "progress/sw.js",
        lang=lang,
        version=version,
        entries=relative,
        workbox_dir=f"{up}{VENDOR_DIR}/",
    )


def write_service_workers(
    root: Path, site: Path, version: str, cache: DiskCache | None = None
) -> None:
    """Write ``sw.js`` into each language root of the finished ``site``."""
    entries = precache_entries(root, site, cache=cache)
    for lang in LANGUAGES:
        target = site / prefix(lang) / "sw.js"
        if target.parent.is_dir():
            target.write_text(service_worker(lang, version, entries.get(lang, [])), "utf-8")
