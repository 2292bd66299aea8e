"""The quiz bank in Moodle XML: ``dist/quiz-bank/<lang>.xml``.

Each quiz becomes a category ``$course$/<module>/<quiz>`` followed by its
questions, one per Moodle type (Moodle's own import format, "Moodle XML"):

========== ================================================================
ours        Moodle
========== ================================================================
single      ``multichoice``, ``<single>true``: the right option 100 %, others 0
multiple    ``multichoice``, ``<single>false``: each right option 100/n %, each
            wrong one -100/n %, so only the exact right set earns full marks, as
            on the site (n right options; 100/n must be one of Moodle's grades)
true_false  ``truefalse``
matching    ``matching`` (each left item a sub-question, its right side the answer)
fill        ``shortanswer``, case-insensitive, every accepted answer 100 %
            (with its ё→е spelling too, as the site compares them)
ordering    ``ordering`` (standard in Moodle 4.4+, a plugin before): all items,
            all-or-nothing grading, as on the site
reflection  ``essay``, default grade 0: never scored, as on the site
========== ================================================================

Option feedback goes into each ``<answer><feedback>``; a question's explanation
into ``<generalfeedback>``. Texts are HTML-escaped, so Moodle shows them as written.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path

from aci_course import LANGUAGES
from aci_course.core.errors import AuthorError
from aci_course.quiz.model import (
    FillQuestion,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    Quiz,
    ReflectionQuestion,
    SingleQuestion,
    Text,
    TrueFalseQuestion,
)

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


def _text(parent: ET.Element, tag: str, value: str, *, html_format: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html_format else {})
    ET.SubElement(element, "text").text = html.escape(value, quote=False) if html_format else value
    return element


def _plain(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str | None) -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": "html"})
    ET.SubElement(answer, "text").text = html.escape(text, quote=False)
    if feedback:
        _text(answer, "feedback", feedback)


def _header(quiz: Quiz, question: Question, qtype: str, lang: str) -> ET.Element:
    element = ET.Element("question", {"type": qtype})
    text = question.text.in_(lang)
    short = text if len(text) <= 60 else text[:59].rstrip() + "…"
    _text(element, "name", f"{question.id}: {short}", html_format=False)
    _text(element, "questiontext", text)
    explanation = question.explanation.in_(lang) if question.explanation else ""
    _text(element, "generalfeedback", explanation)
    _plain(element, "defaultgrade", "1" if question.scored else "0")
    _plain(element, "penalty", "0.3333333")
    _plain(element, "hidden", "0")
    _plain(element, "idnumber", f"{quiz.full_id}/{question.id}")
    return element


def _combined_feedback(element: ET.Element) -> None:
    """Empty right/partly/wrong texts: Moodle's own words show; ours are per option."""
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")
    _plain(element, "shownumcorrect", "1")


def _feedback(option_feedback: Text | None, lang: str) -> str | None:
    return option_feedback.in_(lang) if option_feedback else None


def _choice(quiz: Quiz, q: SingleQuestion | MultipleQuestion, lang: str) -> ET.Element:
    element = _header(quiz, q, "multichoice", lang)
    single = isinstance(q, SingleQuestion)
    _plain(element, "single", "true" if single else "false")
    _plain(element, "shuffleanswers", "true")
    _plain(element, "answernumbering", "abc")
    _plain(element, "showstandardinstruction", "1")
    _combined_feedback(element)
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
        _answer(element, percent(fraction), option.text.in_(lang), _feedback(option.feedback, lang))
    return element


def _true_false(quiz: Quiz, q: TrueFalseQuestion, lang: str) -> ET.Element:
    element = _header(quiz, q, "truefalse", lang)
    for value in (True, False):
        answer = ET.SubElement(
            element,
            "answer",
            {"fraction": "100" if value == q.answer else "0", "format": "moodle_auto_format"},
        )
        ET.SubElement(answer, "text").text = "true" if value else "false"  # Moodle reads these
    return element


def _matching(quiz: Quiz, q: MatchingQuestion, lang: str) -> ET.Element:
    element = _header(quiz, q, "matching", lang)
    _plain(element, "shuffleanswers", "true")
    _combined_feedback(element)
    for pair in q.pairs:
        sub = _text(element, "subquestion", pair.left.in_(lang))
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = pair.right.in_(lang)  # plain text in Moodle
    return element


def accepted_spellings(answers: Iterable[str]) -> list[str]:
    """Each accepted answer, then its ё→е spelling where it differs (no duplicates)."""
    seen: dict[str, None] = {}
    for answer in answers:
        for form in (answer, answer.replace("ё", "е").replace("Ё", "Е")):
            seen.setdefault(form.strip(), None)
    return list(seen)


def _fill(quiz: Quiz, q: FillQuestion, lang: str) -> ET.Element:
    element = _header(quiz, q, "shortanswer", lang)
    _plain(element, "usecase", "0")
    for answer in accepted_spellings(q.answers[lang]):
        _answer(element, "100", answer, None)
    return element


def _ordering(quiz: Quiz, q: OrderingQuestion, lang: str) -> ET.Element:
    element = _header(quiz, q, "ordering", lang)
    _plain(element, "layouttype", "VERTICAL")
    _plain(element, "selecttype", "ALL")
    _plain(element, "selectcount", str(len(q.items)))
    _plain(element, "gradingtype", "ALL_OR_NOTHING")
    _plain(element, "showgrading", "SHOW")
    _plain(element, "numberingstyle", "none")
    _combined_feedback(element)
    for position, item in enumerate(q.items, start=1):
        # The ordering type keeps each item's right position in "fraction".
        answer = ET.SubElement(
            element, "answer", {"fraction": f"{position}.0000000", "format": "html"}
        )
        ET.SubElement(answer, "text").text = html.escape(item.in_(lang), quote=False)
    return element


def _essay(quiz: Quiz, q: ReflectionQuestion, lang: str) -> ET.Element:
    element = _header(quiz, q, "essay", lang)
    _plain(element, "responseformat", "editor")
    _plain(element, "responserequired", "1")
    _plain(element, "responsefieldlines", "10")
    _plain(element, "attachments", "0")
    _plain(element, "attachmentsrequired", "0")
    _text(element, "graderinfo", "")
    _text(element, "responsetemplate", "")
    return element


def question_element(quiz: Quiz, question: Question, lang: str) -> ET.Element:
    """One question of ``quiz`` as a Moodle ``<question>`` in ``lang``."""
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return _choice(quiz, question, lang)
    if isinstance(question, TrueFalseQuestion):
        return _true_false(quiz, question, lang)
    if isinstance(question, MatchingQuestion):
        return _matching(quiz, question, lang)
    if isinstance(question, FillQuestion):
        return _fill(quiz, question, lang)
    if isinstance(question, OrderingQuestion):
        return _ordering(quiz, question, lang)
    if isinstance(question, ReflectionQuestion):
        return _essay(quiz, question, lang)
    raise TypeError(f"no Moodle type for {question.type}")  # a new type needs a mapping here


def quiz_bank(quizzes: Mapping[str, Quiz], lang: str) -> ET.Element:
    """``<quiz>`` with a category per quiz, sorted by full id, then its questions."""
    root = ET.Element("quiz")
    for full_id in sorted(quizzes):
        quiz = quizzes[full_id]
        category = ET.SubElement(root, "question", {"type": "category"})
        _text(category, "category", f"$course$/{quiz.module}/{quiz.id}", html_format=False)
        title = quiz.title.in_(lang) if quiz.title else quiz.full_id
        _text(category, "info", title)
        for question in quiz.questions:
            root.append(question_element(quiz, question, lang))
    return root


def write_quiz_banks(quizzes: Mapping[str, Quiz], out: Path) -> list[Path]:
    """``out/<lang>.xml`` for every course language; the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGUAGES:
        tree = ET.ElementTree(quiz_bank(quizzes, lang))
        ET.indent(tree)
        target = out / f"{lang}.xml"
        tree.write(target, encoding="UTF-8", xml_declaration=True)
        written.append(target)
    return written
