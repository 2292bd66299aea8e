"""The content report of ``make check``, on small fixture courses (no build, no hunspell)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from aci_course.quality.content_report import (
    build_report,
    format_report,
    front_matter_kind,
    prose,
    words,
)

MODULE_YML = """\
id: demo
track: inclusive-care
order: 1
version: 1.0.0
audience: [teachers]
duration_minutes: 90
licence: CC-BY-SA-4.0
authors: ["Team"]
title: {ru: "Т", be: "Т", en: "T"}
summary: {ru: "С", be: "С", en: "S"}
objectives: {ru: ["о"], be: ["а"], en: ["o"]}
prerequisites: []
"""


def _question(number: int, kind: str) -> str:
    text = '{ru: "в", be: "п", en: "q"}'
    body = {
        "true_false": "answer: true",
        "fill": 'answers: {ru: ["а"], be: ["а"], en: ["a"]}',
        "reflection": "",
        "single": f"options:\n      - text: {text}\n        correct: true\n      - text: {text}\n"
        f"      - text: {text}",
        "single2": f"options:\n      - text: {text}\n        correct: true\n      - text: {text}",
    }[kind]
    return f"  - id: q{number}\n    type: {kind.rstrip('2')}\n    text: {text}\n    {body}\n"


def _course(tmp_path: Path, *, types: list[str], be_word: str = "слова") -> Path:
    root = tmp_path
    (root / "modules" / "demo").mkdir(parents=True)
    (root / "modules" / "demo" / "module.yml").write_text(MODULE_YML, encoding="utf-8")
    long_ru = "# Урок\n\n" + "слово " * 520
    texts = {
        "ru": {"01-long.md": long_ru, "02-short.md": "# Коротко\n\nслово слово\n"},
        "be": {"01-long.md": f"# Урок\n\n{be_word} " + "слова " * 520},
        "en": {"01-long.md": "# Lesson\n\n" + "word " * 520, "02-short.md": "# Short\n\nword\n"},
    }
    sheet = "---\ntitle: Sheet\nkind: worksheet\n---\n\n| a | b |\n| --- | --- |\n"
    for lang, lessons in texts.items():
        folder = root / "modules" / "demo" / lang
        folder.mkdir()
        for name, text in {**lessons, "03-worksheet.md": sheet}.items():
            (folder / name).write_text(text, encoding="utf-8")
    questions = "".join(_question(i, kind) for i, kind in enumerate(types, start=1))
    (root / "quizzes").mkdir()
    (root / "quizzes" / "demo.yml").write_text(
        "quizzes:\n- id: check\n  pass_mark: 0.5\n  questions:\n"
        + textwrap.indent(questions, "  "),
        encoding="utf-8",
    )
    return root


def _spell_none(lang: str, text: str) -> list[str]:
    return []


def test_prose_words_and_kind() -> None:
    text = "---\ntitle: T\nkind: worksheet\n---\n# Сям'і\n\nWell-being, 2009 `code` [link](x.md)\n"
    assert words(prose(text)) == ["Сям'і", "Well-being", "link"]
    assert front_matter_kind(text) == "worksheet"
    assert front_matter_kind("# No front matter\n") is None


def test_report_lists_every_failure(tmp_path: Path) -> None:
    root = _course(tmp_path, types=["single", "true_false", "fill"], be_word="вучыщца")
    report = build_report(root, lambda lang, text: ["xx"] * 20 if lang == "en" else [])
    assert [str(p) for p in report.problems] == [
        "modules/demo/ru/02-short.md: no be translation - write modules/demo/be/02-short.md",
        "modules/demo/ru/02-short.md: 3 words, fewer than 500 - write more, or mark a "
        'printable worksheet with "kind: worksheet" in front matter',
        "modules/demo/en/02-short.md: 2 words, fewer than 500 - write more, or mark a "
        'printable worksheet with "kind: worksheet" in front matter',
        "quizzes/demo.yml: the quizzes of demo use 3 question type(s), fewer than 4 - add "
        "questions of other types (single, multiple, true_false, ordering, matching, fill, "
        "reflection)",
        "spelling/en.txt: 20 of 532 en words (3.8%) are unknown to hunspell en_GB, more "
        "than 2% - fix the spelling (pytest tests/quality/test_spelling.py lists the words), "
        "or add real terms and names to the word list",
        'modules/demo/be/01-long.md:3: Belarusian word "вучыщца" has the Russian-only '
        "letter(s) щ - write it with Belarusian letters (і for и, шч for щ, an apostrophe for ъ)",
    ]
    text = format_report(report)
    assert "| demo | 03-worksheet.md (worksheet) | 2 | 2 | 2 |" in text
    assert "| demo | 02-short.md | 3 | - | 2 |" in text
    assert text.endswith("make check: FAILED\n")


def test_report_passes_a_complete_course(tmp_path: Path) -> None:
    root = _course(tmp_path, types=["single", "true_false", "fill", "reflection"])
    for lang in ("ru", "en"):
        (root / "modules" / "demo" / lang / "02-short.md").unlink()
    report = build_report(root, _spell_none)
    assert report.problems == []
    assert report.quiz_types == {"demo": ("fill", "reflection", "single", "true_false")}
    assert format_report(report).endswith("make check: passed\n")


@pytest.mark.parametrize("word", ["ідзі", "сям'я", "ўсё"])
def test_belarusian_letters_accepted(tmp_path: Path, word: str) -> None:
    root = _course(tmp_path, types=["single", "true_false", "fill", "reflection"], be_word=word)
    report = build_report(root, _spell_none)
    assert not [p for p in report.problems if "Russian-only" in p.what]


PLAN = """\
---
title: "Plan"
---

## Objectives {{#objectives}}

- one

## Agenda {{#agenda}}

| Minutes | Activity | Method | Materials |
| ---: | --- | --- | --- |
| 82 | Lesson 1; worksheet tasks 1 to 3 | talk | lesson |
| 8 | {quiz} | pairs | quiz on screen |

## Methods {{#methods}}

- talk

## Materials {{#materials}}

- lesson

## Preparation {{#preparation}}

- read

## Evaluation {{#evaluation}}

- quiz
"""


def test_teaching_rules_quiz_options_and_plan_minutes(tmp_path: Path) -> None:
    root = _course(tmp_path, types=["single2", "true_false", "fill", "reflection", "single"])
    for lang in ("ru", "en"):
        (root / "modules" / "demo" / lang / "02-short.md").unlink()
    worksheet = (
        "---\ntitle: Sheet\nkind: worksheet\n---\n\n## Task 1. A\n\n## Task 2. B\n\n## Task 4. C\n"
    )
    for lang, quiz in (("ru", "Тест модуля"), ("be", "Тэст модуля"), ("en", "The module quiz")):
        (root / "modules" / "demo" / lang / "03-worksheet.md").write_text(worksheet, "utf-8")
        folder = root / "modules" / "demo" / "facilitator" / lang
        folder.mkdir(parents=True)
        (folder / "session-plan.md").write_text(PLAN.format(quiz=quiz), encoding="utf-8")
    report = build_report(root, _spell_none)
    plan = "modules/demo/facilitator/en/session-plan.md"
    assert [str(p) for p in report.problems if "/ru/" not in p.path and "/be/" not in p.path] == [
        "quizzes/demo.yml:5: question q1 of check has 2 options, fewer than 3 - add a wrong "
        "option a reader could believe, or make it a true_false question",
        f"{plan}:9: the agenda gives the quiz 8 minutes for 5 questions, fewer than 2 a "
        "question - give the rows that name the quiz at least 10 minutes in all",
        f"{plan}:9: the agenda does not schedule worksheet task(s) 4 - name them in a row "
        '(e.g. "worksheet task 4") with at least 5 minutes each',
    ]
    assert sum("/ru/" in p.path or "/be/" in p.path for p in report.problems) == 4


FACTS = """\
country: {ru: "Беларусь", be: "Беларусь", en: "Belarus"}
facts:
  - id: fresh
    text: {ru: "свежий", be: "свежы", en: "fresh"}
    source: {title: "Page", url: "https://example.org/fresh"}
    checked: 2026-06-01
  - id: old
    text: {ru: "старый", be: "стары", en: "old"}
    source: {title: "Page", url: "https://example.org/old"}
    checked: 2025-06-01
"""


def test_report_lists_stale_facts_and_unknown_fact_marks(tmp_path: Path) -> None:
    import datetime

    root = _course(tmp_path, types=["single", "true_false", "fill", "reflection"])
    for lang in ("ru", "en"):
        (root / "modules" / "demo" / lang / "02-short.md").unlink()
    (root / "facts").mkdir()
    (root / "facts" / "by.yml").write_text(FACTS, encoding="utf-8")
    lesson = root / "modules" / "demo" / "en" / "01-long.md"
    lesson.write_text(
        lesson.read_text(encoding="utf-8") + '\n\nRing {{ fact "fresh" }} or {{ fact "gone" }}.\n',
        encoding="utf-8",
    )
    report = build_report(root, _spell_none, today=datetime.date(2026, 12, 6))
    assert [str(p) for p in report.problems] == [
        'facts/by.yml:7: fact "old" was checked on 2025-06-01, more than 365 days ago - check '
        "it again against https://example.org/old (or a newer public page) and update checked",
        'modules/demo/en/01-long.md:5: unknown fact "gone": facts/by.yml has no such id - add '
        "it to facts/by.yml with text, source and checked, or use one of: fresh, old",
    ]
    assert "| facts/by.yml | 2 | 1 |" in format_report(report)
    # a fact mark is not prose: its words are not counted or spell-checked
    assert words(prose('Ring {{ fact "fresh" }}.')) == ["Ring"]
