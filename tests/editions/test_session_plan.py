"""Session plans: structure and agenda arithmetic, with exact author messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.course.modules import load_modules
from aci_course.editions.session_plan import SECTIONS, load_plans, parse_plan

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "modules/m/facilitator/ru/session-plan.md"

PLAN = """\
---
title: "План занятия"
---

# План занятия

## Цели {#objectives}

- Понять тему.

## Ход занятия {#agenda}

| Минуты | Что делаем | Метод | Материалы |
| ---: | --- | --- | --- |
| 10 | Знакомство | Круг | Бейджи |
| 25 | Урок 1 | Сообщение | Экран |
| 10 | Завершение | Круг | Анкеты |

## Методы {#methods}

Текст.

## Материалы {#materials}

Текст.

## Подготовка {#preparation}

Текст.

## Оценка {#evaluation}

Текст.
"""


def error(text: str, duration: int = 45) -> str:
    with pytest.raises(AuthorError) as caught:
        parse_plan(text, SOURCE, "m", duration)
    return str(caught.value)


def test_a_plan_that_adds_up() -> None:
    plan = parse_plan(PLAN, SOURCE, "m", 45)
    assert plan.title == "План занятия"
    assert list(plan.sections) == list(SECTIONS)
    assert [(row.minutes, row.line) for row in plan.agenda] == [(10, 15), (25, 16), (10, 17)]
    assert plan.total_minutes == 45


def test_agenda_that_does_not_add_up_names_the_agenda_line() -> None:
    assert error(PLAN, duration=90) == (
        "modules/m/facilitator/ru/session-plan.md:11: the agenda adds up to 45 minutes, "
        "but module.yml says duration_minutes: 90 - change the minutes in the agenda table, "
        "or duration_minutes in modules/m/module.yml, so that they match"
    )


def test_minutes_that_are_not_a_whole_number_name_their_row() -> None:
    assert error(PLAN.replace("| 25 |", "| 25 мин |")) == (
        'modules/m/facilitator/ru/session-plan.md:16: the agenda row starts with "25 мин", '
        "not a whole number of minutes - write the minutes as a whole number in the first "
        "column, e.g. | 10 | ... |"
    )
    assert 'session-plan.md:17: the agenda row starts with "7.5"' in error(
        PLAN.replace("| 10 | Завершение", "| 7.5 | Завершение")
    )


def test_a_missing_section_is_named() -> None:
    text = PLAN.replace("## Методы {#methods}", "## Методы")
    assert error(text) == (
        "modules/m/facilitator/ru/session-plan.md:33: the session plan lacks the section "
        "{#methods} - add the heading, e.g. ## ... {#methods}; a plan has six sections: "
        "## Objectives {#objectives}, ## Agenda {#agenda}, ## Methods {#methods}, "
        "## Materials and handouts {#materials}, ## Preparation {#preparation}, "
        "## Evaluation {#evaluation}"
    )


def test_sections_out_of_order_unknown_or_twice() -> None:
    swapped = PLAN.replace("{#methods}", "{#tmp}").replace("{#materials}", "{#methods}")
    swapped = swapped.replace("{#tmp}", "{#materials}")
    assert error(swapped) == (
        "modules/m/facilitator/ru/session-plan.md:19: section {#materials} is out of order - "
        "keep the sections in this order: {#objectives}, {#agenda}, {#methods}, {#materials}, "
        "{#preparation}, {#evaluation}"
    )
    assert error(PLAN.replace("{#methods}", "{#method}")) == (
        "modules/m/facilitator/ru/session-plan.md:19: unknown section id {#method} - use one "
        "of {#objectives}, {#agenda}, {#methods}, {#materials}, {#preparation}, {#evaluation}"
    )
    assert error(PLAN.replace("{#methods}", "{#agenda}")) == (
        "modules/m/facilitator/ru/session-plan.md:19: section {#agenda} appears twice "
        "(first on line 11) - keep one section of each kind"
    )


def test_no_table_and_no_title() -> None:
    no_table = PLAN.replace("| Минуты", "Минуты").replace("| ---: |", "---:")
    no_table = "\n".join(line for line in no_table.splitlines() if not line.startswith("|"))
    assert error(no_table) == (
        "modules/m/facilitator/ru/session-plan.md:11: the agenda has no table of timed steps "
        "- add a table under the heading: | Minutes | Activity | Method | Materials |, then "
        "| ---: | --- | --- | --- |, then one row per step starting with its minutes"
    )
    assert error(PLAN.replace('title: "План занятия"', "author: x")) == (
        "modules/m/facilitator/ru/session-plan.md:1: the session plan has no title - start "
        'the file with front matter: ---, title: "...", ---'
    )


def test_a_fenced_example_is_not_the_structure() -> None:
    fenced = PLAN.replace(
        "Текст.\n\n## Подготовка", "```\n## Цели {#objectives}\n```\n\n## Подготовка"
    )
    assert parse_plan(fenced, SOURCE, "m", 45).total_minutes == 45


def test_the_course_plans_add_up_in_every_language() -> None:
    for module in load_modules(ROOT, LANGUAGES):
        plans = load_plans(module, ROOT)
        assert set(plans) == {"ru", "be", "en"}, module.id
        for plan in plans.values():
            assert plan.total_minutes == module.duration_minutes, plan.source


def test_a_translation_without_a_russian_plan(tmp_path: Path) -> None:
    module = load_modules(ROOT, LANGUAGES)[0]
    fake = tmp_path / "modules" / module.id / "facilitator" / "en"
    fake.mkdir(parents=True)
    (fake / "session-plan.md").write_text(
        (ROOT / "modules" / module.id / "facilitator" / "en" / "session-plan.md").read_text(
            "utf-8"
        ),
        "utf-8",
    )
    with pytest.raises(AuthorError) as caught:
        load_plans(module, tmp_path)
    assert str(caught.value) == (
        f"modules/{module.id}/facilitator/en/session-plan.md: there is no Russian session plan "
        f"to fall back to - write modules/{module.id}/facilitator/ru/session-plan.md (Russian "
        "is the source language)"
    )
