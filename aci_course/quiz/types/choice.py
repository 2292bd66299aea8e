"""What single- and multiple-choice questions share (options with feedback)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from aci_course.core.errors import AuthorError
from aci_course.quiz.model import MultipleQuestion, Quiz, SingleQuestion
from aci_course.quiz.types import View
from aci_course.quiz.types.moodle_xml import (
    answer,
    combined_feedback,
    feedback,
    header,
    percent,
    plain,
    share,
)

Choice = SingleQuestion | MultipleQuestion


def browser_key(question: Choice, lang: str) -> View:
    """What quiz.js needs to check it."""
    return {"answer": [str(i) for i in question.correct_indexes]}


def form_view(question: Choice, lang: str, seed: str) -> View:
    """Data for its form template."""
    return {
        "options": [
            {
                "index": i,
                "text": option.text.in_(lang),
                "feedback": option.feedback.in_(lang) if option.feedback else None,
            }
            for i, option in enumerate(question.options)
        ]
    }


def print_view(question: Choice, lang: str, seed: str) -> View:
    """Data for its print template."""
    return {"choices": [option.text.in_(lang) for option in question.options]}


def key_view(question: Choice, lang: str) -> View:
    """Data for its answer-key template."""
    return {
        "options": [
            {
                "text": option.text.in_(lang),
                "correct": option.correct,
                "feedback": option.feedback.in_(lang) if option.feedback else "",
            }
            for option in question.options
        ]
    }


def moodle(quiz: Quiz, q: Choice, lang: str) -> ET.Element:
    """``multichoice``: single 100 % for the right option; multiple 100/n % each, -100/n % wrong."""
    element = header(quiz, q, "multichoice", lang)
    single = isinstance(q, SingleQuestion)
    plain(element, "single", "true" if single else "false")
    plain(element, "shuffleanswers", "true")
    plain(element, "answernumbering", "abc")
    plain(element, "showstandardinstruction", "1")
    combined_feedback(element)
    right = len(q.correct_indexes)
    try:
        grade = 1.0 if single else share(right)
    except ValueError:
        raise AuthorError(
            quiz.source,
            q.line,
            f"question {q.id} has {right} right options, and Moodle has no grade of 1/{right}",
            "keep multiple-choice questions to at most 10 right options",
        ) from None
    for option in q.options:
        fraction = grade if option.correct else (0.0 if single else -grade)
        answer(element, percent(fraction), option.text.in_(lang), feedback(option.feedback, lang))
    return element
