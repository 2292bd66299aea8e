"""What each language's service worker precaches (``aci_course.progress.webapp``)."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from aci_course.core.disk_cache import DiskCache
from aci_course.core.node import node_executable
from aci_course.progress.webapp import (
    WebAppError,
    globs,
    lunr_files,
    precache_entries,
    search_lunr,
    split_entries,
)
from tests.repo_config import ROOT


def test_one_listing_covers_every_language_root() -> None:
    listing = globs()
    assert listing["globPatterns"][:5] == [
        "*.html",
        "modules/**/*.html",
        "search/*.json",
        "be/**/*.{html,json}",
        "en/**/*.{html,json}",
    ]
    assert "**/sw.js" in listing["globIgnores"] and "404.html" in listing["globIgnores"]


def test_each_language_gets_its_pages_and_every_shared_file() -> None:
    urls = [
        "index.html",
        "modules/care/01-a.html",
        "search/search_index.json",
        "be/index.html",
        "be/search/search_index.json",
        "en/modules/care/01-a.html",
        "assets/javascripts/aci.js",
        "assets/javascripts/progress-data.ru.js",
        "assets/javascripts/progress-data.be.js",
        "modules/care/media/photo.jpg",
        "modules/care/media/be/photo.jpg",
    ]
    split = split_entries([{"url": url, "revision": "r"} for url in urls])
    shared = ["assets/javascripts/aci.js", "modules/care/media/photo.jpg"]
    shared.append("modules/care/media/be/photo.jpg")  # one copy, whatever the language
    assert [e["url"] for e in split["ru"]] == [
        "index.html",
        "modules/care/01-a.html",
        "search/search_index.json",
        "assets/javascripts/aci.js",
        "assets/javascripts/progress-data.ru.js",
        "modules/care/media/photo.jpg",
        "modules/care/media/be/photo.jpg",
    ]
    assert [e["url"] for e in split["be"]] == [
        "be/index.html",
        "be/search/search_index.json",
        "assets/javascripts/aci.js",
        "assets/javascripts/progress-data.be.js",
        "modules/care/media/photo.jpg",
        "modules/care/media/be/photo.jpg",
    ]
    assert [e["url"] for e in split["en"]] == ["en/modules/care/01-a.html", *shared]
    assert all(e["revision"] == "r" for part in split.values() for e in part)


def test_lunr_files_are_those_the_search_worker_loads() -> None:
    assert lunr_files(["ru", "aci-ru", "aci"]) == [
        "min/lunr.stemmer.support.min.js",
        "min/lunr.ru.min.js",
        "min/lunr.aci-ru.min.js",
        "min/lunr.aci.min.js",
        "min/lunr.multi.min.js",
    ]
    assert lunr_files(["en"]) == []


def test_each_language_gets_only_its_own_lunr_maps_texts_plain_versions_and_quizzes() -> None:
    lunr = {"ru": lunr_files(["ru", "aci"]), "be": lunr_files(["be", "aci"]), "en": []}
    urls = [
        "assets/javascripts/lunr/wordcut.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.ru.min.js",
        "assets/javascripts/lunr/min/lunr.be.min.js",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/progress/ru/care.js",
        "assets/javascripts/progress/be/care.js",
        "assets/javascripts/texts/ru.js",
        "assets/javascripts/texts/ru.later.js",
        "assets/javascripts/texts/be.js",
        "assets/javascripts/plain/ru/care/01-a.js",
        "assets/javascripts/plain/be/care/01-a.js",
        "assets/javascripts/quiz/ru/care/check.js",
        "assets/javascripts/quiz/be/care/check.js",
    ]
    split = split_entries([{"url": url, "revision": "r"} for url in urls], lunr)
    assert [e["url"] for e in split["ru"]] == [
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.ru.min.js",
        "assets/javascripts/progress/ru/care.js",
        "assets/javascripts/texts/ru.js",
        "assets/javascripts/texts/ru.later.js",
        "assets/javascripts/plain/ru/care/01-a.js",
        "assets/javascripts/quiz/ru/care/check.js",
    ]
    assert [e["url"] for e in split["be"]] == [
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.be.min.js",
        "assets/javascripts/progress/be/care.js",
        "assets/javascripts/texts/be.js",
        "assets/javascripts/plain/be/care/01-a.js",
        "assets/javascripts/quiz/be/care/check.js",
    ]
    assert split["en"] == []


_GET_MANIFEST = """
const path = require("path");
const [root, site] = process.argv.slice(1);
const build = path.join(root, "node_modules", "workbox-build", "build");
const { getManifest } = require(path.join(build, "get-manifest.js"));
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
getManifest({ globDirectory: site, ...input, maximumFileSizeToCacheInBytes: 20 * 1024 * 1024 })
  .then((result) => process.stdout.write(JSON.stringify(result.manifestEntries)));
"""


@pytest.mark.skipif(not (ROOT / "node_modules" / "workbox-build").is_dir(), reason="npm ci first")
def test_the_listing_is_workbox_getmanifest_and_is_kept_by_file_names(tmp_path: Path) -> None:
    site = tmp_path / "site"
    files = {
        "index.html": "ru",
        "404.html": "not found",
        "sw.js": "old worker",
        "search/search_index.json": "{}",
        "modules/care/01-a.html": "lesson",
        "modules/care/media/photo.png": "png",
        "modules/care/media/be/photo.png": "png be",
        "be/index.html": "be",
        "be/search/search_index.json": "{}",
        "en/modules/care/01-a.html": "en lesson",
        "assets/javascripts/aci.js": "js",
        "assets/javascripts/aci.js.map": "map",
        "assets/stylesheets/course.css": "css",
        "assets/fonts/reading.woff2": "font",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, "utf-8")
    node = node_executable()
    assert node is not None
    workbox = subprocess.run(
        [node, "-e", _GET_MANIFEST, str(ROOT), str(site)],
        input=json.dumps(globs()),
        capture_output=True,
        text=True,
        check=True,
    )
    cache = DiskCache.at(tmp_path, "precache")
    expected = split_entries(json.loads(workbox.stdout), search_lunr(site))
    assert precache_entries(ROOT, site, cache=cache) == expected

    (site / "index.html").write_text("ru, edited", "utf-8")  # same names: no node needed
    edited = precache_entries(ROOT, site, node="/bin/false", cache=cache)
    revision = {e["url"]: e["revision"] for e in edited["ru"]}["index.html"]
    assert revision == hashlib.md5(b"ru, edited").hexdigest()
    (site / "about.html").write_text("new page", "utf-8")  # a new name: listed again
    with pytest.raises(WebAppError):
        precache_entries(ROOT, site, node="/bin/false", cache=cache)
