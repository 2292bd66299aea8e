"""The fill-answer normaliser in Python against the table quiz.js is also checked against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aci_course.quiz.model import normalize_answer
from aci_course.search.fold import APOSTROPHES

CASES = json.loads(Path(__file__).with_name("answer_cases.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize(("typed", "normalised"), CASES)
def test_python_normaliser_follows_the_shared_table(typed: str, normalised: str) -> None:
    assert normalize_answer(typed) == normalised


def test_the_table_covers_every_apostrophe_search_folds() -> None:
    typed = "".join(case[0] for case in CASES)
    assert [mark for mark in APOSTROPHES if mark not in typed] == []
    assert {normalize_answer(f"a{mark}b") for mark in APOSTROPHES} == {"a'b"}
