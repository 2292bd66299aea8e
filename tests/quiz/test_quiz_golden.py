"""Golden HTML of every question type: ``tests/golden/<type>/<case>.yml`` -> ``<case>.html``.

Each case is a quiz file of the module ``golden``; its HTML holds every quiz of
the file in every language. After a deliberate change, regenerate with
``pytest tests/quiz/test_quiz_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aci_course import LANGUAGES
from aci_course.core.yamlsource import load_yaml
from aci_course.quiz.load import parse_quiz_file
from aci_course.quiz.model import QUESTION_TYPES
from aci_course.quiz.render import render_quiz
from tests.conftest import check_golden

GOLDEN = Path(__file__).parents[1] / "golden"
MODULE = "golden"
VERSION = "test"
CASES = sorted(path for kind in QUESTION_TYPES for path in (GOLDEN / kind).glob("*.yml"))


def rendered(case: Path) -> str:
    display = case.relative_to(GOLDEN.parent.parent).as_posix()
    quiz_file = parse_quiz_file(load_yaml(case, display), display, MODULE, LANGUAGES)
    parts = []
    for quiz in quiz_file.quizzes:
        for lang in LANGUAGES:
            parts.append(f"<!-- {quiz.full_id} {lang} -->\n{render_quiz(quiz, lang, VERSION)}")
    return "\n".join(parts)


@pytest.mark.parametrize("kind", QUESTION_TYPES)
def test_every_type_has_a_case(kind: str) -> None:
    cases = list((GOLDEN / kind).glob("*.yml"))
    assert cases, f"add tests/golden/{kind}/<case>.yml"
    for case in cases:
        quiz_file = parse_quiz_file(load_yaml(case, case.name), case.name, MODULE, LANGUAGES)
        types = {q.type for quiz in quiz_file.quizzes for q in quiz.questions}
        assert kind in types, f"{case.name} has no {kind} question"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_html(case: Path, update_golden: bool) -> None:
    check_golden(rendered(case), case.with_suffix(".html"), update_golden)


def test_shuffled_orders_are_the_same_in_every_language() -> None:
    case = GOLDEN / "matching" / "basic.yml"
    quiz = parse_quiz_file(load_yaml(case, case.name), case.name, MODULE, LANGUAGES).quizzes[0]
    orders = {
        lang: re.findall(r'<option value="(\d+)">\D', render_quiz(quiz, lang, VERSION))
        for lang in LANGUAGES
    }
    assert orders["ru"] and orders["ru"] == orders["be"] == orders["en"]
