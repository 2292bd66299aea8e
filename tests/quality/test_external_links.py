"""Links to other hosts: new tab, visible marker, screen-reader text in the reader's language."""

from __future__ import annotations

import pytest

from aci_course.quality.external_links import is_external, mark_external_links
from tests.conftest import Project
from tests.repo_config import repo_plugins
from tests.sitecheck import external_link_problems, parse_site

LABEL = "(opens in a new tab)"


def test_external_link_gets_new_tab_marker_and_text() -> None:
    html, urls = mark_external_links(
        '<p><a href="https://example.org/a?b=1&amp;c=2">Site</a></p>', LABEL
    )
    assert urls == ["https://example.org/a?b=1&c=2"]
    assert html == (
        '<p><a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener">Site'
        '<span class="aci-external" aria-hidden="true" data-search-exclude>\u2197</span>'
        '<span class="aci-sr-only" data-search-exclude> (opens in a new tab)</span></a></p>'
    )


def test_existing_target_and_rel_are_merged() -> None:
    html, _ = mark_external_links(
        "<a class=x rel='nofollow' target=_self href='//cdn.example.org/'>X</a>", LABEL, "be"
    )
    assert html.startswith(
        '<a class="x" href="//cdn.example.org/" target="_blank" rel="nofollow noopener">X'
    )
    assert 'lang="be"' in html


@pytest.mark.parametrize(
    "html",
    [
        '<a href="page.html">in</a>',
        '<a href="#top">in</a>',
        '<a href="mailto:a@example.org">mail</a>',
        '<a href="../be/index.html" hreflang="be">be</a>',
        '<a name="x">anchor</a>',
        "<script>var a = '<a href=\"https://example.org\">x</a>';</script>",
        '<!-- <a href="https://example.org">x</a> -->',
        '<abbr title="https://example.org">x</abbr>',
    ],
)
def test_internal_and_opaque_parts_are_left_alone(html: str) -> None:
    assert mark_external_links(html, LABEL) == (html, [])


def test_own_host_is_not_external() -> None:
    assert not is_external("https://course.example.org/x", frozenset({"course.example.org"}))
    assert is_external("HTTPS://Other.example.org/x", frozenset({"course.example.org"}))
    assert not is_external("ftp://example.org/x")


def test_marking_twice_changes_nothing() -> None:
    once, _ = mark_external_links('<a href="https://example.org">x</a>', LABEL)
    assert mark_external_links(once, LABEL)[0] == once


def test_built_pages_mark_external_links_in_the_readers_language(make_project) -> None:  # type: ignore[no-untyped-def]
    project: Project = make_project(plugins=repo_plugins())
    project.module("first", {"ru": ["01-a.md"], "en": ["01-a.md"]})
    project.write(
        "modules/first/ru/01-a.md",
        "---\ntitle: Урок\n---\n\n# Урок\n\nСм. [Конвенцию](https://www.unicef.org/crc).\n",
    )
    project.write(
        "docs/en/index.md", "# Home\n\n<a href='https://example.org/' target=_self>Ex</a>\n"
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    pages = parse_site(project.root / "site")
    checked = {}
    for path in ("modules/first/01-a.html", "be/modules/first/01-a.html", "en/index.html"):
        links = [link for link in pages[path].links if link.url.startswith("https://")]
        assert len(links) == 1, path
        assert external_link_problems(links[0], pages[path].lang) == [], path
        checked[path] = [c.attrs.get("lang") for c in links[0].children if c.tag == "span"]
    # The Belarusian reader gets the Russian lesson (fallback): the hidden text is in
    # Belarusian and says so with its own lang.
    assert checked["be/modules/first/01-a.html"] == [None, "be"]
    assert checked["modules/first/01-a.html"] == [None, None]
    assert "адкрываецца ў новай укладцы" in project.html("be/modules/first/01-a.html")
