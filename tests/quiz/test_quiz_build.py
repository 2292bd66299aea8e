"""Strict builds of a small fixture course with quizzes (``make_project``, tests/conftest.py)."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from aci_course.core.texts import t
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


def form_script(course: Project, page: str) -> tuple[str, str, str]:
    """The quiz script a built page loads where its quiz line was: (site path, tag, text)."""
    html = course.html(page)
    tag = re.search(r'<script src="([^"]*assets/javascripts/quiz/[^"]+)"[^>]*></script>', html)
    assert tag, f"{page}: no quiz script"
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), tag[1]))
    return path, tag[0], (course.root / "site" / path).read_text(encoding="utf-8")


def test_quizzes_render_in_the_page_language(course: Project) -> None:
    result = course.build()
    assert result.returncode == 0, result.stderr
    ru_path, ru_tag, ru = form_script(course, "modules/care/01-a.html")
    be_path, _, be = form_script(course, "be/modules/care/01-a.html")
    # the Russian lesson, shown to an English reader, with the quiz in English
    en_path, _, en = form_script(course, "en/modules/care/01-a.html")
    assert ru_tag == '<script src="../../assets/javascripts/quiz/ru/care/check-1.js"></script>'
    assert (ru_path, be_path, en_path) == tuple(
        f"assets/javascripts/quiz/{lang}/care/check-1.js" for lang in ("ru", "be", "en")
    )
    assert ru.startswith('window.aci.quizForm(document.currentScript,`<form class="aci-quiz"')
    assert (
        '<form class="aci-quiz" data-quiz="care/check-1" data-course-version="0.0-test" lang="ru"'
        in ru
    )
    assert "Вопрос-один по-русски?" in ru
    assert 'data-quiz="care/check-1"' in be and 'lang="be"' in be and "Пытанне-адно" in be
    assert 'lang="en"' in en and "Question-one in English?" in en
    assert "Lesson-text-ru" in course.html("en/modules/care/01-a.html")
    for lang, page in (("ru", ""), ("be", "be/"), ("en", "en/")):
        html = course.html(f"{page}modules/care/01-a.html")
        assert "{{ quiz" not in html and "data-aci-quiz-slot" not in html
        assert "<form" not in html  # the form is in its script only
        assert f'<p class="aci-quiz__noscript" lang="{lang}">{t("quiz.needs-script", lang)}' in html


def test_lesson_and_pretest_share_one_script_per_language(course: Project) -> None:
    assert course.build().returncode == 0
    for page in ("", "be/"):
        lesson, lesson_tag, script = form_script(course, f"{page}modules/care/01-a.html")
        pretest, pretest_tag, _ = form_script(course, f"{page}modules/care/pretest.html")
        assert lesson == pretest
        assert 'data-quiz-mode="pre"' in pretest_tag and "data-quiz-mode" not in lesson_tag
        # both modes in one form: what only one of them shows is marked
        assert 'data-quiz-only="normal"' in script and 'data-quiz-only="pre"' in script
    scripts = sorted(
        path.relative_to(course.root / "site").as_posix()
        for path in (course.root / "site" / "assets/javascripts/quiz").rglob("*.js")
    )
    assert scripts == [
        f"assets/javascripts/quiz/{lang}/care/{quiz}.js"
        for lang in ("be", "en", "ru")
        for quiz in ("check-1", "check-2")
    ]


def test_full_ids_on_site_pages_and_code_left_alone(course: Project) -> None:
    assert course.build().returncode == 0
    _, tag, script = form_script(course, "en/index.html")
    assert tag == '<script src="../assets/javascripts/quiz/en/care/check-2.js"></script>'
    assert 'data-quiz="care/check-2"' in script and "Statement-two" in script
    home = course.html("en/index.html")
    assert '{{ quiz "shown-as-code" }}' in home.replace("&quot;", '"')


def test_search_index_has_no_quiz_text(course: Project) -> None:
    assert course.build().returncode == 0
    indexed = search_texts(course.root / "site")
    assert "Lesson-text-ru" in indexed and "Home-text-en" in indexed
    for text in QUIZ_TEXTS:
        assert text not in indexed


# The messages of unknown quizzes, short ids on site pages and broken quiz files are golden
# pairs checked without a build (tests/golden/errors/, tests/core/test_author_errors.py) and
# test_quiz_validation.py; tests/core/test_broken_inputs.py keeps one such build.


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
