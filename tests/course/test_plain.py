"""The plain-language version: a ``!!! plain`` block built into the switchable section.

The built lesson's article is golden-checked (``tests/golden/plain/lesson.html``, rewrite
with ``pytest --update-golden``); malformed blocks stop the build with an exact message.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from aci_course.core.errors import AuthorError
from aci_course.course import plain
from tests.conftest import Project, check_golden

GOLDEN = Path(__file__).parents[1] / "golden" / "plain"
LESSON = "modules/life/ru/01-a.md"

PLAIN_LESSON = """\
---
title: Урок
---

# Урок

!!! plain
    Коротко и просто. Это **главное**.

    ## Первая часть

    - Шаг один.
    - Шаг два.

Полный текст урока.

## Первая часть

Длинный текст первой части.

## Вторая часть

Ещё текст.
"""


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project()
    project.module("life", {"ru": ["01-a.md"], "be": ["01-a.md"], "en": ["01-a.md"]})
    project.write(LESSON, PLAIN_LESSON)
    return project


def _article(html: str) -> str:
    root = lxml.html.fromstring(html)
    (article,) = root.xpath("//article[contains(@class, 'md-content__inner')]")
    parts = [
        lxml.html.tostring(child, encoding="unicode")
        for child in article
        if "md-source-file" not in (child.get("class") or "")
    ]
    return "".join(parts).strip() + "\n"


def test_plain_block_becomes_switchable_version(course: Project, update_golden: bool) -> None:
    result = course.build()
    assert result.returncode == 0, result.stderr
    html = course.html("modules/life/01-a.html")
    # The version waits in its own script (plain.js fetches it when chosen); the page keeps
    # an empty section. Put back, page and script make the golden lesson.
    section = '<section class="aci-plain" data-plain="">'
    assert section + "</section>" in html
    script = course.html("assets/javascripts/plain/ru/life/01-a.js")
    version = json.loads(script.split("]=", 1)[1].rstrip(";\n"))
    assert 'data-plain-src="plain/ru/life/01-a.js"' in html
    whole = html.replace(section + "</section>", section + version + "</section>")
    check_golden(_article(whole), GOLDEN / "lesson.html", update_golden)
    root = lxml.html.fromstring(html)
    # The contents list the lesson's headings once, never the plain version's.
    # (Material prints the contents twice: in the sidebar and in the phone's drawer.)
    links = root.xpath("//nav[contains(@class, 'md-nav--secondary')]//a/@href")
    assert set(links) == {"#первая-часть", "#вторая-часть"}
    assert "plain.js" in html
    assert "data-plain-toggle" not in html  # the switch: drawn by plain.js
    # A lesson without a plain version loads no script and has no version.
    other = course.html("be/modules/life/01-a.html")
    assert "plain.js" not in other and "data-plain" not in other


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '# T\n\n!!! plain "Title"\n    Text.\n',
            f'{LESSON}:3: "!!! plain" has a title - write "!!! plain" alone on its line '
            "(the switch names the version)",
        ),
        (
            "# T\n\n- item\n\n    !!! plain\n        Text.\n",
            f'{LESSON}:5: "!!! plain" is indented - write "!!! plain" at the start of a line, '
            "outside lists and other blocks",
        ),
        (
            "# T\n\n??? plain\n    Text.\n",
            f"{LESSON}:3: the plain-language version is written as a collapsible block - "
            'write "!!! plain" (the lesson shows a switch for it)',
        ),
        (
            "# T\n\n!!! plain\n\nText.\n",
            f"{LESSON}:3: the plain-language version is empty - "
            'indent its text four spaces under "!!! plain"',
        ),
        (
            "# T\n\n!!! plain\n    One.\n\n!!! plain\n    Two.\n",
            f"{LESSON}:6: a second plain-language version in one lesson - "
            'keep one "!!! plain" block per lesson and move this text into it',
        ),
    ],
)
def test_malformed_block_is_an_author_error(text: str, message: str) -> None:
    with pytest.raises(AuthorError) as raised:
        plain.check(text, LESSON)
    assert str(raised.value) == message


def test_block_inside_code_is_an_example() -> None:
    assert plain.check('# T\n\n```\n!!! plain "x"\n```\n', LESSON) is False


def test_malformed_block_stops_the_build(course: Project) -> None:
    course.write(LESSON, '---\ntitle: T\n---\n\n# T\n\n!!! plain "Title"\n    Text.\n')
    result = course.build()
    assert result.returncode != 0
    assert (
        f'{LESSON}:7: "!!! plain" has a title - write "!!! plain" alone on its line '
        "(the switch names the version)"
    ) in result.stderr
    assert "Traceback" not in result.stderr
