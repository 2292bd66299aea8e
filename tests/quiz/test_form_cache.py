"""Quiz forms kept under ``.cache/quiz/``: the same HTML, rendered only when something changed."""

from __future__ import annotations

from pathlib import Path

from aci_course import LANGUAGES
from aci_course.core.disk_cache import DiskCache
from aci_course.quiz.load import load_quizzes
from aci_course.quiz.render import FormCache, render_quiz
from tests.repo_config import ROOT

QUIZZES = load_quizzes(ROOT, LANGUAGES)


def test_a_kept_form_is_the_rendered_one_and_unused_forms_go(tmp_path: Path) -> None:
    quiz = QUIZZES[sorted(QUIZZES)[0]]
    disk = DiskCache.at(tmp_path, "quiz")
    first = FormCache(disk)
    assert first(quiz, "be", "1") == render_quiz(quiz, "be", "1")
    assert first(quiz, "be", "1", "pre") == render_quiz(quiz, "be", "1", "pre")
    assert first.rendered == 2

    again = FormCache(disk)  # the next build
    assert again(quiz, "be", "1") == render_quiz(quiz, "be", "1")
    assert again.rendered == 0
    assert again(quiz, "en", "1") == render_quiz(quiz, "en", "1")  # another language
    assert again(quiz, "be", "2") == render_quiz(quiz, "be", "2")  # another version
    assert again.rendered == 2
    again.forget_unused()  # the pre-test form was not used by this build
    assert len(disk.entries(".html")) == 3
