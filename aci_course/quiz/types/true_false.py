"""``true_false``: a statement, right or wrong."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from aci_course.core.texts import t
from aci_course.quiz.model import Quiz, TrueFalseQuestion
from aci_course.quiz.types import QuestionType, View
from aci_course.quiz.types.moodle_xml import header


def browser_key(question: TrueFalseQuestion, lang: str) -> View:
    """What quiz.js needs to check it."""
    return {"answer": "true" if question.answer else "false"}


def print_view(question: TrueFalseQuestion, lang: str, seed: str) -> View:
    """Data for its print template."""
    return {"choices": [t("quiz.true", lang), t("quiz.false", lang)]}


def key_view(question: TrueFalseQuestion, lang: str) -> View:
    """Data for its answer-key template."""
    return {"answers": [("quiz.true" if question.answer else "quiz.false")]}


def moodle(quiz: Quiz, q: TrueFalseQuestion, lang: str) -> ET.Element:
    """``truefalse``."""
    element = header(quiz, q, "truefalse", lang)
    for value in (True, False):
        answer = ET.SubElement(
            element,
            "answer",
            {"fraction": "100" if value == q.answer else "0", "format": "moodle_auto_format"},
        )
        ET.SubElement(answer, "text").text = "true" if value else "false"  # Moodle reads these
    return element


TYPE = QuestionType(
    name="true_false",
    model=TrueFalseQuestion,
    moodle=moodle,
    browser_handler="true_false",
    browser_key=browser_key,
    print_view=print_view,
    key_view=key_view,
)
