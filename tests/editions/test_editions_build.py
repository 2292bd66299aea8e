"""A session plan that does not add up stops a real build, with its file and line."""

from __future__ import annotations

from tests.conftest import DEFAULT_PLUGINS

PLAN = """\
---
title: "План"
---

## Цели {#objectives}

Текст.

## Ход занятия {#agenda}

| Минуты | Что делаем | Метод | Материалы |
| ---: | --- | --- | --- |
| 20 | Первое | Круг | — |
| 20 | Второе | Пары | — |

## Методы {#methods}
## Материалы {#materials}
## Подготовка {#preparation}
## Оценка {#evaluation}
"""


def test_plan_arithmetic_error_stops_the_build(make_project) -> None:  # type: ignore[no-untyped-def]
    project = make_project(plugins=[*DEFAULT_PLUGINS, "aci-editions"])
    project.module("m1", {"ru": ["01-a.md"]})
    project.write("modules/m1/facilitator/ru/session-plan.md", PLAN)
    result = project.build()
    assert result.returncode != 0
    assert (
        "modules/m1/facilitator/ru/session-plan.md:9: the agenda adds up to 40 minutes, but "
        "module.yml says duration_minutes: 45 - change the minutes in the agenda table, or "
        "duration_minutes in modules/m1/module.yml, so that they match"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project.root / "site").exists()
    # Fixed, the same course builds; the learner edition does not publish the plan.
    project.write(
        "modules/m1/facilitator/ru/session-plan.md", PLAN.replace("| 20 | Второе", "| 25 | Второе")
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert not list((project.root / "site").rglob("session-plan*"))
