"""Every link of the built course resolves; external links are listed, never fetched.

The real course is built once (tests/sitecheck.py) and read with html.parser:
- every internal href/src (and srcset) in every language names a file of the site,
  and every #anchor an id of its target page; search results too;
- every link to another host opens in a new tab and says so, visibly and to screen
  readers, in the page's language; nothing is loaded from another host.
The external links go to a report file (printed), for a person to check now and then.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from aci_course import LANGUAGES
from tests.sitecheck import (
    Page,
    broken_links,
    external_link_problems,
    is_external,
    parse_site,
    repo_site,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return repo_site(tmp_path_factory.mktemp("links") / "site")


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return parse_site(site)


def test_the_site_has_pages_in_every_language(pages: dict[str, Page]) -> None:
    for prefix in ("", "be/", "en/"):
        assert f"{prefix}index.html" in pages
        assert f"{prefix}modules/index.html" in pages
    assert sum(len(page.links) for page in pages.values()) > 100


def test_every_internal_link_and_anchor_resolves(site: Path, pages: dict[str, Page]) -> None:
    problems = broken_links(site, pages)
    assert problems == [], "broken links:\n" + "\n".join(problems)


def test_every_search_result_resolves(site: Path, pages: dict[str, Page]) -> None:
    problems = []
    for lang in LANGUAGES:
        root = "" if lang == LANGUAGES[0] else f"{lang}/"
        index = site / root / "search" / "search_index.json"
        if not index.is_file():
            problems.append(f"{root}search/search_index.json is missing")
            continue
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            target, _, fragment = doc["location"].partition("#")
            page = root + (target or "index.html")
            if page not in pages:
                problems.append(f"{index.relative_to(site)}: {doc['location']!r}: no page {page}")
            elif fragment and fragment not in pages[page].ids:
                problems.append(f"{index.relative_to(site)}: {doc['location']!r}: no id there")
    assert problems == [], "\n".join(problems)


def test_external_links_open_in_a_new_tab_and_say_so(
    pages: dict[str, Page],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    found: dict[str, list[str]] = defaultdict(list)
    problems = []
    for page in pages.values():
        for link in page.links:
            if not is_external(link.url):
                continue
            if link.tag not in ("a", "area"):
                problems.append(
                    f"{page.path}: <{link.tag} {link.attr}={link.url!r}> loads from "
                    "another host (the course must work offline)"
                )
                continue
            found[link.url].append(page.path)
            problems += [
                f"{page.path}: {link.url}: {p}" for p in external_link_problems(link, page.lang)
            ]
    report = tmp_path_factory.mktemp("report") / "external-links.txt"
    lines = [
        f"{url}\t{len(where)} page(s): {', '.join(sorted(set(where)))}"
        for url, where in sorted(found.items())
    ]
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with capsys.disabled():
        print(f"\nexternal links (not fetched): {len(found)}, listed in {report}")
        for line in lines:
            print("  " + line)
    assert problems == [], "\n".join(problems)


# --- the checker itself catches what it should --------------------------------------------


def test_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_text(
        '<html lang="en"><body><h1 id="top">A</h1>'
        '<a href="sub/b.html#here">ok</a> <a href="#top">ok</a> <a href="#">ok</a>'
        '<a href="sub/b.html#gone">x</a> <a href="missing.html">x</a> <a href="sub/">x</a>'
        '<a href="/a.html">x</a> <img src="pic.png" alt=""> <a href="mailto:a@b.org">ok</a>'
        '<a href="https://example.org/">ext</a></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "sub" / "b.html").write_text('<p id="here"><a href="../a.html">up</a></p>')
    problems = broken_links(tmp_path, parse_site(tmp_path))
    assert problems == [
        "a.html: <a href='sub/b.html#gone'>: no id 'gone' in sub/b.html",
        "a.html: <a href='missing.html'>: missing.html does not exist",
        "a.html: <a href='sub/'>: a folder (opens no page over file://)",
        "a.html: <a href='/a.html'>: absolute path (breaks under a sub-path and over file://)",
        "a.html: <img src='pic.png'>: pic.png does not exist",
    ]
