"""The country layer: facts/<country>.yml, {{ fact "id" }} in lessons, and their messages."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.course.facts import find_marks, load_facts, render_facts, stale
from aci_course.course.modules import load_modules
from tests.conftest import Project
from tests.repo_config import ROOT

GOOD = """\
country: {ru: "Беларусь", be: "Беларусь", en: "Belarus"}
facts:
  - id: helpline
    text: {ru: "**8-801** — линия", be: "**8-801** — лінія", en: "**8-801**, the line"}
    source: {title: "Helpline page", url: "https://example.org/helpline"}
    checked: 2026-12-06
  - id: police
    text: {ru: "102 — милиция", be: "102 — міліцыя", en: "102, the police"}
    source: {title: "Police page", url: "https://example.org/police"}
    checked: 2025-11-01
"""

LESSON = """\
---
title: A lesson
---

# A lesson

Ring {{ fact "helpline" }} or {{ fact "police" }}; again: {{ fact "helpline" }}.

Write `{{ fact "shown-as-code" }}` to quote a fact.

```
{{ fact "in-a-fence" }}
```

## Sources

- UN Convention on the Rights of the Child (1989).

## After the sources

Text.
"""


def facts_in(tmp_path: Path, text: str = GOOD, name: str = "facts/by.yml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path


def body(markdown: str) -> str:
    """The lesson as MkDocs hands it to a hook: without its front matter."""
    return markdown.split("---\n", 2)[2]


def test_marks_in_code_are_left_alone() -> None:
    assert [m.written for m in find_marks(LESSON)] == ["helpline", "police", "helpline"]


@pytest.mark.parametrize(
    ("lang", "line", "sources"),
    [
        (
            "en",
            "Ring **8-801**, the line or 102, the police; again: **8-801**, the line.",
            [
                "## Sources",
                "",
                "- UN Convention on the Rights of the Child (1989).",
                "- [Helpline page](https://example.org/helpline), checked on 6 December 2026",
                "- [Police page](https://example.org/police), checked on 1 November 2025",
                "",
                "## After the sources",
            ],
        ),
        (
            "ru",
            "Ring **8-801** — линия or 102 — милиция; again: **8-801** — линия.",
            [
                "## Sources",
                "",
                "- UN Convention on the Rights of the Child (1989).",
                "",
                "## After the sources",
                "",
                "Text.",
                "",
                "## Источники",
                "",
                "- [Helpline page](https://example.org/helpline), проверено 6 декабря 2026 г.",
                "- [Police page](https://example.org/police), проверено 1 ноября 2025 г.",
            ],
        ),
    ],
)
def test_facts_render_in_the_page_language_and_join_its_sources(
    tmp_path: Path, lang: str, line: str, sources: list[str]
) -> None:
    facts = load_facts(facts_in(tmp_path), LANGUAGES)
    rendered = render_facts(
        body(LESSON), facts=facts, lang=lang, source="modules/m/en/01-a.md", source_text=LESSON
    )
    lines = rendered.markdown.splitlines()
    assert line in lines
    start = lines.index(sources[0])
    assert lines[start : start + len(sources)] == sources
    assert '`{{ fact "shown-as-code" }}`' in rendered.markdown
    assert [fact.id for fact in rendered.used] == ["helpline", "police"]


def test_be_date_and_a_new_sources_section(tmp_path: Path) -> None:
    facts = load_facts(facts_in(tmp_path), LANGUAGES)
    rendered = render_facts(
        'Тэлефон: {{ fact "police" }}.\n', facts=facts, lang="be", source="x.md", source_text=""
    )
    assert rendered.markdown == (
        "Тэлефон: 102 — міліцыя.\n\n## Крыніцы\n\n"
        "- [Police page](https://example.org/police), праверана 1 лістапада 2025 г.\n"
    )


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (
            'Ring {{ fact "helpine" }}.',
            'modules/m/en/01-a.md:5: unknown fact "helpine": facts/by.yml has no such id - '
            "add it to facts/by.yml with text, source and checked, or use one of: helpline, police",
        ),
        (
            "Ring {{ fact helpline }}.",
            "modules/m/en/01-a.md:5: a fact mark is not readable - "
            'write it as {{ fact "children-helpline" }}, with the id in double quotes',
        ),
    ],
)
def test_a_bad_mark_names_the_authors_line(tmp_path: Path, markdown: str, message: str) -> None:
    facts = load_facts(facts_in(tmp_path), LANGUAGES)
    source = f"---\ntitle: A\n---\n\n{markdown}\n"
    with pytest.raises(AuthorError) as error:
        render_facts(
            markdown, facts=facts, lang="en", source="modules/m/en/01-a.md", source_text=source
        )
    assert str(error.value) == message


SOURCE = '    source: {title: "Helpline page", url: "https://example.org/helpline"}\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace(SOURCE, "", 1),
            'facts/by.yml:3: fact "helpline" has no "source" - add it, e.g. '
            'source: {title: "Title of the page", url: "https://..."} '
            "(the public page you checked the fact against)",
        ),
        (
            GOOD.replace("    checked: 2026-12-06\n", "", 1),
            'facts/by.yml:3: fact "helpline" has no "checked" - add it, e.g. '
            "checked: 2026-12-06 (the day you checked the fact against its source)",
        ),
        (
            GOOD.replace(', url: "https://example.org/helpline"', "", 1),
            'facts/by.yml:5: "source" of fact "helpline" has no "url" - add it, e.g. '
            'source: {title: "Title of the page", url: "https://..."}',
        ),
        (
            GOOD.replace("checked: 2026-12-06", 'checked: "6.12.2026"', 1),
            'facts/by.yml:6: "checked" of fact "helpline" must be a date written YYYY-MM-DD - '
            "write it as checked: 2026-12-06",
        ),
        (
            GOOD.replace("id: police", "id: helpline"),
            'facts/by.yml:7: fact id "helpline" is used twice - give each fact its own id',
        ),
    ],
)
def test_a_fact_without_source_or_date_is_an_author_error(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(AuthorError) as error:
        load_facts(facts_in(tmp_path, text), LANGUAGES)
    assert str(error.value) == message


def test_a_missing_facts_file_is_named(tmp_path: Path) -> None:
    facts = load_facts(tmp_path, LANGUAGES, "facts/xx.yml")
    with pytest.raises(AuthorError) as error:
        facts.get("helpline", "modules/m/ru/01-a.md", 3)
    assert str(error.value) == (
        'modules/m/ru/01-a.md:3: unknown fact "helpline": there is no facts/xx.yml - write '
        "facts/xx.yml (see docs-dev/country-facts.md), or name your facts file in mkdocs.yml "
        "as extra.facts"
    )


def test_stale_facts(tmp_path: Path) -> None:
    facts = load_facts(facts_in(tmp_path), LANGUAGES)
    assert [f.id for f in stale(facts, datetime.date(2026, 12, 6))] == ["police"]
    assert stale(facts, datetime.date(2026, 10, 31)) == []


def test_the_course_facts_cover_every_mark_in_every_lesson() -> None:
    facts = load_facts(ROOT, LANGUAGES)
    assert len(facts.by_id) >= 20
    for fact in facts.by_id.values():
        assert fact.source.url.startswith(("http://", "https://")), fact.id
    used = set()
    for module in load_modules(ROOT, LANGUAGES):
        for path in sorted(module.folder.glob("*/*.md")):
            text = path.read_text(encoding="utf-8")
            for mark in find_marks(text):
                facts.get(str(mark.written), str(path), mark.line + 1)  # raises if unknown
                used.add(mark.written)
    for lang_fact in ("children-helpline", "emergency-police", "law-orphans", "age-of-consent"):
        assert lang_fact in used


def test_a_build_renders_facts_and_stops_at_an_unknown_one(make_project) -> None:  # type: ignore[no-untyped-def]
    project: Project = make_project()
    project.write("facts/by.yml", GOOD)
    project.module("care", {lang: ["01-a.md"] for lang in ("ru", "be", "en")})
    for lang in ("ru", "be", "en"):
        project.write(
            f"modules/care/{lang}/01-a.md",
            f'---\ntitle: A {lang}\n---\n\n# A {lang}\n\nCall {{{{ fact "police" }}}}.\n',
        )
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = project.html("en/modules/care/01-a.html")
    assert "Call 102, the police." in page
    assert 'href="https://example.org/police"' in page
    assert "checked on 1 November 2025" in page
    assert "проверено 1 ноября 2025 г." in project.html("modules/care/01-a.html")

    project.write("modules/care/be/01-a.md", '---\ntitle: A\n---\n\n# A\n\n{{ fact "nope" }}\n')
    result = project.build()
    assert result.returncode != 0
    assert (
        'modules/care/be/01-a.md:7: unknown fact "nope": facts/by.yml has no such id - add it '
        "to facts/by.yml with text, source and checked, or use one of: helpline, police"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fact_that_starts_a_sentence_is_capitalised(tmp_path: Path) -> None:
    text = GOOD.replace('en: "102, the police"', 'en: "under the law, ring 102"')
    facts = load_facts(facts_in(tmp_path, text), LANGUAGES)
    markdown = (
        '- **Age.** {{ fact "police" }}.\n'
        '| {{ fact "police" }} |\n'
        'In Belarus, {{ fact "police" }}; and: {{ fact "police" }}.\n'
    )
    rendered = render_facts(markdown, facts=facts, lang="en", source="x.md", source_text="")
    assert rendered.markdown.splitlines()[:3] == [
        "- **Age.** Under the law, ring 102.",
        "| Under the law, ring 102 |",
        "In Belarus, under the law, ring 102; and: under the law, ring 102.",
    ]
