"""``matching``: each left item given its right side with a select."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from aci_course.quiz.model import MatchingQuestion, Quiz
from aci_course.quiz.order import shuffled
from aci_course.quiz.types import QuestionType, View
from aci_course.quiz.types.moodle_xml import combined_feedback, header, plain, text_element


def browser_key(question: MatchingQuestion, lang: str) -> View:
    """What quiz.js needs to check it."""
    return {"count": len(question.pairs)}


def form_view(question: MatchingQuestion, lang: str, seed: str) -> View:
    """Data for its form template."""
    return {
        "pairs": [
            {"index": i, "left": pair.left.in_(lang)} for i, pair in enumerate(question.pairs)
        ],
        "rights": [
            {"index": j, "text": question.pairs[j].right.in_(lang)}
            for j in shuffled(len(question.pairs), seed)
        ],
    }


def print_view(question: MatchingQuestion, lang: str, seed: str) -> View:
    """Data for its print template."""
    return {
        "left": [pair.left.in_(lang) for pair in question.pairs],
        "right": [question.pairs[j].right.in_(lang) for j in shuffled(len(question.pairs), seed)],
    }


def key_view(question: MatchingQuestion, lang: str) -> View:
    """Data for its answer-key template."""
    return {"answers": [f"{p.left.in_(lang)} → {p.right.in_(lang)}" for p in question.pairs]}


def moodle(quiz: Quiz, q: MatchingQuestion, lang: str) -> ET.Element:
    """``matching``: each left item a sub-question, its right side the answer."""
    element = header(quiz, q, "matching", lang)
    plain(element, "shuffleanswers", "true")
    combined_feedback(element)
    for pair in q.pairs:
        sub = text_element(element, "subquestion", pair.left.in_(lang))
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = pair.right.in_(lang)  # plain text in Moodle
    return element


TYPE = QuestionType(
    name="matching",
    model=MatchingQuestion,
    moodle=moodle,
    browser_handler="matching",
    browser_key=browser_key,
    form_view=form_view,
    print_view=print_view,
    key_view=key_view,
)
