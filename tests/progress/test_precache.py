"""What each language's service worker precaches (``aci_course.progress.webapp``)."""

from __future__ import annotations

from aci_course.progress.webapp import globs, lunr_files, split_entries


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


def test_each_language_gets_only_its_stemmers_course_maps_texts_and_plain_versions() -> None:
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
        "assets/javascripts/texts/be.js",
        "assets/javascripts/plain/ru/care/01-a.js",
        "assets/javascripts/plain/be/care/01-a.js",
    ]
    split = split_entries([{"url": url, "revision": "r"} for url in urls], lunr)
    assert [e["url"] for e in split["ru"]] == [
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.ru.min.js",
        "assets/javascripts/progress/ru/care.js",
        "assets/javascripts/texts/ru.js",
        "assets/javascripts/plain/ru/care/01-a.js",
    ]
    assert [e["url"] for e in split["be"]] == [
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.be.min.js",
        "assets/javascripts/progress/be/care.js",
        "assets/javascripts/texts/be.js",
        "assets/javascripts/plain/be/care/01-a.js",
    ]
    assert split["en"] == []
