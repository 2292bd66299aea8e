"""Golden HTML of the answer key and of the printed quiz, every question type, 3 languages.

``tests/golden/answer_key/<case>.yml`` -> ``answer_key/<case>.html`` and
``print_quiz/<case>.html``; regenerate on purpose with ``--update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.yamlsource import load_yaml
from aci_course.editions.answer_key import answer_key_html
from aci_course.export.pdf import print_quiz_html
from aci_course.quiz.load import parse_quiz_file
from aci_course.quiz.model import QUESTION_TYPES
from tests.conftest import check_golden

GOLDEN = Path(__file__).parents[1] / "golden"
CASES = sorted((GOLDEN / "answer_key").glob("*.yml"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_answer_key_and_printed_quiz(case: Path, update_golden: bool) -> None:
    display = case.relative_to(GOLDEN.parent.parent).as_posix()
    quizzes = parse_quiz_file(load_yaml(case, display), display, "golden", LANGUAGES).quizzes
    assert {q.type for quiz in quizzes for q in quiz.questions} == set(QUESTION_TYPES)
    keys = "\n".join(f"<!-- {lang} -->\n{answer_key_html(quizzes, lang)}" for lang in LANGUAGES)
    check_golden(keys, case.with_suffix(".html"), update_golden)
    printed = "\n".join(
        f"<!-- {quiz.full_id} {lang} -->\n{print_quiz_html(quiz, lang)}"
        for quiz in quizzes
        for lang in LANGUAGES
    )
    check_golden(printed, GOLDEN / "print_quiz" / f"{case.stem}.html", update_golden)
