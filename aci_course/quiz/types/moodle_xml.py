"""The parts of a Moodle XML ``<question>`` that the question types share."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from aci_course.quiz.model import Question, Quiz, Text

MOODLE_FRACTIONS: tuple[float, ...] = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
    0.0,
)
"""The grades Moodle offers for an answer (question_bank::fraction_options); negatives too."""


def percent(fraction: float) -> str:
    """A Moodle grade as its XML writes it: ``100``, ``33.33333``, ``-50``."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def share(count: int) -> float:
    """Moodle's grade nearest to ``1/count``, which must be one of its fixed grades."""
    for grade in MOODLE_FRACTIONS:
        if grade and abs(grade - 1 / count) < 1e-6:
            return grade
    raise ValueError(count)


def text_element(
    parent: ET.Element, tag: str, value: str, *, html_format: bool = True
) -> ET.Element:
    """``<tag format="html"><text>escaped value</text></tag>`` (or plain, unescaped)."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html_format else {})
    ET.SubElement(element, "text").text = html.escape(value, quote=False) if html_format else value
    return element


def plain(parent: ET.Element, tag: str, value: str) -> None:
    """``<tag>value</tag>``."""
    ET.SubElement(parent, tag).text = value


def answer(parent: ET.Element, fraction: str, text: str, feedback: str | None) -> None:
    """An ``<answer>`` with its grade, text and optional feedback."""
    element = ET.SubElement(parent, "answer", {"fraction": fraction, "format": "html"})
    ET.SubElement(element, "text").text = html.escape(text, quote=False)
    if feedback:
        text_element(element, "feedback", feedback)


def header(quiz: Quiz, question: Question, qtype: str, lang: str) -> ET.Element:
    """A ``<question>`` of Moodle type ``qtype`` with what every question has."""
    element = ET.Element("question", {"type": qtype})
    text = question.text.in_(lang)
    short = text if len(text) <= 60 else text[:59].rstrip() + "…"
    text_element(element, "name", f"{question.id}: {short}", html_format=False)
    text_element(element, "questiontext", text)
    explanation = question.explanation.in_(lang) if question.explanation else ""
    text_element(element, "generalfeedback", explanation)
    plain(element, "defaultgrade", "1" if question.scored else "0")
    plain(element, "penalty", "0.3333333")
    plain(element, "hidden", "0")
    plain(element, "idnumber", f"{quiz.full_id}/{question.id}")
    return element


def combined_feedback(element: ET.Element) -> None:
    """Empty right/partly/wrong texts: Moodle's own words show; ours are per option."""
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        text_element(element, tag, "")
    plain(element, "shownumcorrect", "1")


def feedback(option_feedback: Text | None, lang: str) -> str | None:
    """An option's feedback in ``lang``, if it has one."""
    return option_feedback.in_(lang) if option_feedback else None
