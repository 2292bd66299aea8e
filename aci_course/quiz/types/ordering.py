"""``ordering``: items shown shuffled, each given its position with a select."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from aci_course.quiz.model import OrderingQuestion, Quiz
from aci_course.quiz.order import shuffled
from aci_course.quiz.types import QuestionType, View
from aci_course.quiz.types.moodle_xml import combined_feedback, header, plain


def browser_key(question: OrderingQuestion, lang: str) -> View:
    """What quiz.js needs to check it."""
    return {"count": len(question.items)}


def form_view(question: OrderingQuestion, lang: str, seed: str) -> View:
    """Data for its form template."""
    return {
        "items": [
            {"index": i, "text": question.items[i].in_(lang)}
            for i in shuffled(len(question.items), seed)
        ],
        "positions": list(range(1, len(question.items) + 1)),
    }


def print_view(question: OrderingQuestion, lang: str, seed: str) -> View:
    """Data for its print template."""
    return {"choices": [question.items[i].in_(lang) for i in shuffled(len(question.items), seed)]}


def key_view(question: OrderingQuestion, lang: str) -> View:
    """Data for its answer-key template."""
    return {"answers": [item.in_(lang) for item in question.items]}


def moodle(quiz: Quiz, q: OrderingQuestion, lang: str) -> ET.Element:
    """``ordering`` (standard in Moodle 4.4+): all items, all-or-nothing."""
    element = header(quiz, q, "ordering", lang)
    plain(element, "layouttype", "VERTICAL")
    plain(element, "selecttype", "ALL")
    plain(element, "selectcount", str(len(q.items)))
    plain(element, "gradingtype", "ALL_OR_NOTHING")
    plain(element, "showgrading", "SHOW")
    plain(element, "numberingstyle", "none")
    combined_feedback(element)
    for position, item in enumerate(q.items, start=1):
        # The ordering type keeps each item's right position in "fraction".
        answer = ET.SubElement(
            element, "answer", {"fraction": f"{position}.0000000", "format": "html"}
        )
        ET.SubElement(answer, "text").text = html.escape(item.in_(lang), quote=False)
    return element


TYPE = QuestionType(
    name="ordering",
    model=OrderingQuestion,
    moodle=moodle,
    browser_handler="ordering",
    browser_key=browser_key,
    form_view=form_view,
    print_view=print_view,
    key_view=key_view,
)
