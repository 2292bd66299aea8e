"""Strict builds of a small fixture course with quizzes (``make_project``, tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DEFAULT_PLUGINS, Project

PLUGINS = [*DEFAULT_PLUGINS, "aci-quiz"]
QUIZZES = """\
quizzes:
  - id: check-1
    pass_mark: 0.5
    questions:
      - id: q1
        type: single
        text:
          ru: "Вопрос-один по-русски?"
          be: "Пытанне-адно па-беларуску?"
          en: "Question-one in English?"
        options:
          - text: {ru: "Ответ-верный", be: "Адказ-правільны", en: "Answer-right"}
            correct: true
          - text: {ru: "Ответ-неверный", be: "Адказ-няправільны", en: "Answer-wrong"}
        explanation: {ru: "Пояснение-один", be: "Тлумачэнне-адно", en: "Explanation-one"}
      - id: q2
        type: fill
        text: {ru: "Впишите слово-секрет", be: "Упішыце слова-сакрэт", en: "Type the word-secret"}
        answers: {ru: ["ключ"], be: ["ключ"], en: ["key"]}
  - id: check-2
    questions:
      - id: q1
        type: true_false
        text: {ru: "Утверждение-два", be: "Сцверджанне-два", en: "Statement-two"}
        answer: true
"""
QUIZ_TEXTS = [
    "Вопрос-один",
    "Пытанне-адно",
    "Question-one",
    "Ответ-верный",
    "Answer-wrong",
    "Пояснение-один",
    "Explanation-one",
    "слово-секрет",
    "word-secret",
    "Утверждение-два",
    "Statement-two",
    "To pass, answer",
]


def lesson(lang: str, quiz_line: str) -> str:
    return f"---\ntitle: Урок {lang}\n---\n\n# Урок {lang}\n\nLesson-text-{lang}.\n\n{quiz_line}\n"


@pytest.fixture
def course(make_project) -> Project:  # type: ignore[no-untyped-def]
    project: Project = make_project(plugins=PLUGINS)
    project.module("care", {"ru": ["01-a.md"], "be": ["01-a.md"]})  # en falls back to ru
    for lang in ("ru", "be"):
        project.write(f"modules/care/{lang}/01-a.md", lesson(lang, '{{ quiz "check-1" }}'))
    project.write("quizzes/care.yml", QUIZZES)
    for lang in ("ru", "be", "en"):
        project.write(
            f"docs/{lang}/index.md",
            f"# Home {lang}\n\nHome-text-{lang}.\n\n"
            '!!! note\n\n    {{ quiz "care/check-2" }}\n\n'
            '```text\n{{ quiz "shown-as-code" }}\n```\n',
        )
    return project


def search_texts(site: Path) -> str:
    texts = []
    for index in site.rglob("search_index.json"):
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            texts.append(doc["title"] + " " + doc["text"])
    return "\n".join(texts)


def test_quizzes_render_in_the_page_language(course: Project) -> None:
    result = course.build()
    assert result.returncode == 0, result.stderr
    ru = course.html("modules/care/01-a.html")
    be = course.html("be/modules/care/01-a.html")
    en = course.html("en/modules/care/01-a.html")  # the Russian lesson, shown to an English reader
    assert (
        '<form class="aci-quiz" data-quiz="care/check-1" data-course-version="0.0-test" lang="ru"'
        in ru
    )
    assert "Вопрос-один по-русски?" in ru
    assert 'data-quiz="care/check-1"' in be and 'lang="be"' in be and "Пытанне-адно" in be
    assert 'lang="en"' in en and "Question-one in English?" in en and "Lesson-text-ru" in en
    for page in (ru, be, en):
        assert "{{ quiz" not in page and "data-aci-quiz-slot" not in page


def test_full_ids_on_site_pages_and_code_left_alone(course: Project) -> None:
    assert course.build().returncode == 0
    home = course.html("en/index.html")
    assert 'data-quiz="care/check-2"' in home and "Statement-two" in home
    assert '{{ quiz "shown-as-code" }}' in home.replace("&quot;", '"')


def test_search_index_has_no_quiz_text(course: Project) -> None:
    assert course.build().returncode == 0
    indexed = search_texts(course.root / "site")
    assert "Lesson-text-ru" in indexed and "Home-text-en" in indexed
    for text in QUIZ_TEXTS:
        assert text not in indexed


def test_unknown_quiz_stops_the_build_at_the_lesson_line(course: Project) -> None:
    course.write("modules/care/be/01-a.md", lesson("be", '{{ quiz "check-9" }}'))
    result = course.build()
    assert result.returncode != 0
    assert (
        'modules/care/be/01-a.md:9: unknown quiz "check-9" - use one of the quizzes of '
        "quizzes/care.yml: check-1, check-2"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_short_id_on_a_site_page_stops_the_build(course: Project) -> None:
    course.write("docs/ru/index.md", '# Home\n\n{{ quiz "check-2" }}\n')
    result = course.build()
    assert result.returncode != 0
    assert (
        'docs/ru/index.md:3: quiz "check-2" has no module on this page - pages outside modules/ '
        'need the full id <module>/<quiz>, e.g. {{ quiz "care/check-2" }}'
    ) in result.stderr


def test_bad_quiz_file_stops_the_build(course: Project) -> None:
    course.write("quizzes/care.yml", QUIZZES.replace("pass_mark: 0.5", "pass_mark: 5"))
    # line 3 of QUIZZES is "    pass_mark: ..."
    result = course.build()
    assert result.returncode != 0
    assert (
        'quizzes/care.yml:3: "pass_mark" of quiz "check-1" is 5, outside 0..1 - write the '
        "fraction of points needed to pass, e.g. 0.7 for 70 %"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_quiz_file_of_no_module_stops_the_build(course: Project) -> None:
    course.write("quizzes/cares.yml", QUIZZES)
    result = course.build()
    assert result.returncode != 0
    assert 'quizzes/cares.yml:1: there is no module "cares"' in result.stderr


def test_quiz_never_embedded_is_one_warning(course: Project) -> None:
    course.write(
        "quizzes/care.yml",
        QUIZZES
        + QUIZZES.replace("check-1", "check-3")
        .replace("check-2", "check-4")
        .removeprefix("quizzes:\n"),
    )
    result = course.build()
    assert result.returncode != 0  # strict: a warning fails the build
    lines = [line for line in result.stderr.splitlines() if "is not embedded" in line]
    assert len(lines) == 2, result.stderr
    assert lines[0].endswith(
        'quizzes/care.yml:26: quiz "care/check-3" is not embedded in any page - add a line '
        '{{ quiz "check-3" }} to a lesson of modules/care/ (or remove the quiz)'
    )
    assert "care/check-4" in lines[1]
