"""Glossary terms of every language in each language's glossary search entries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aci_course.search.glossary import add_other_languages, glossary_terms, read_glossaries

RU = """# Словарь

Вступление.

## Дети

Альтернативный уход
:   Забота о ребёнке.

Семейный уход; приёмная семья
:   Уход в семье.

    Второй абзац.

## Источники

- Конвенция.
"""
EN = """# Glossary

## Children

Alternative care
:   Care for a child.

Family-based care; foster care
:   Care in a family.

## Sources

- Convention.
"""


def index(*locations: str) -> dict[str, Any]:
    return {"docs": [{"location": loc, "title": loc, "text": "<p>x</p>"} for loc in locations]}


def test_terms_per_section() -> None:
    assert glossary_terms(RU) == [["Альтернативный уход", "Семейный уход; приёмная семья"], []]


def test_other_languages_terms_are_appended_to_their_section() -> None:
    indexes = {
        "ru": index("glossary.html", "glossary.html#дети", "glossary.html#источники"),
        "en": index("glossary.html", "glossary.html#children", "glossary.html#sources"),
    }
    changed = add_other_languages(indexes, {"ru": glossary_terms(RU), "en": glossary_terms(EN)})
    assert changed == 2
    ru_children = indexes["ru"]["docs"][1]["text"]
    assert ru_children == (
        '<p>x</p><p lang="en">Alternative care · Family-based care; foster care</p>'
    )
    assert indexes["en"]["docs"][1]["text"].endswith(
        '<p lang="ru">Альтернативный уход · Семейный уход; приёмная семья</p>'
    )
    assert indexes["ru"]["docs"][0]["text"] == "<p>x</p>"  # the page entry itself
    assert indexes["ru"]["docs"][2]["text"] == "<p>x</p>"  # a section without terms


def test_glossaries_that_do_not_line_up_are_left_alone() -> None:
    shorter = EN.replace("Alternative care\n:   Care for a child.\n\n", "")
    indexes = {"ru": index("glossary.html#дети"), "en": index("glossary.html#children")}
    assert (
        add_other_languages(indexes, {"ru": glossary_terms(RU), "en": glossary_terms(shorter)}) == 0
    )
    assert indexes["ru"]["docs"][0]["text"] == "<p>x</p>"


def test_read_glossaries_of_the_course() -> None:
    root = Path(__file__).resolve().parents[2] / "docs"
    found = read_glossaries(root, ("ru", "be", "en"))
    assert set(found) == {"ru", "be", "en"}
    assert (
        [len(s) for s in found["ru"]]
        == [len(s) for s in found["be"]]
        == [len(s) for s in found["en"]]
    )
    assert sum(len(s) for s in found["en"]) >= 10
