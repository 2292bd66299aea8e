"""Links to other hosts: new tab, visible marker, screen-reader text in the reader's language."""

from __future__ import annotations

import markdown
import pytest

from aci_course.quality.external_links import is_external
from tests.conftest import Project
from tests.quality.test_external_links_golden import convert
from tests.repo_config import repo_plugins
from tests.sitecheck import external_link_problems, parse_site


@pytest.mark.parametrize(
    "text",
    [
        "[in](page.md)",
        "[in](#top)",
        "[mail](mailto:a@example.org)",
        '<a href="../be/index.html" hreflang="be">be</a>',
        '<a name="x">anchor</a>',
        "<script>var a = '<a href=\"https://example.org\">x</a>';</script>",
        '<!-- <a href="https://example.org">x</a> -->',
        '<abbr title="https://example.org">x</abbr>',
    ],
)
def test_internal_and_opaque_parts_are_left_alone(text: str) -> None:
    assert convert(text) == markdown.markdown(text)


def test_own_host_is_not_external() -> None:
    assert not is_external("https://course.example.org/x", frozenset({"course.example.org"}))
    assert is_external("HTTPS://Other.example.org/x", frozenset({"course.example.org"}))
    assert not is_external("ftp://example.org/x")


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
