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

Each type's element is written by its module, ``aci_course/quiz/types/<type>.py``.
Option feedback goes into each ``<answer><feedback>``; a question's explanation
into ``<generalfeedback>``. Texts are HTML-escaped, so Moodle shows them as written.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from aci_course import LANGUAGES
from aci_course.quiz.model import Question, Quiz
from aci_course.quiz.types import question_type
from aci_course.quiz.types.fill import accepted_spellings
from aci_course.quiz.types.moodle_xml import MOODLE_FRACTIONS, percent, share, text_element

__all__ = [
    "MOODLE_FRACTIONS",
    "accepted_spellings",
    "percent",
    "question_element",
    "quiz_bank",
    "share",
    "write_quiz_banks",
]


def question_element(quiz: Quiz, question: Question, lang: str) -> ET.Element:
    """One question of ``quiz`` as a Moodle ``<question>`` in ``lang`` (its type's element)."""
    return question_type(question).moodle(quiz, question, lang)


def quiz_bank(quizzes: Mapping[str, Quiz], lang: str) -> ET.Element:
    """``<quiz>`` with a category per quiz, sorted by full id, then its questions."""
    root = ET.Element("quiz")
    for full_id in sorted(quizzes):
        quiz = quizzes[full_id]
        category = ET.SubElement(root, "question", {"type": "category"})
        text_element(category, "category", f"$course$/{quiz.module}/{quiz.id}", html_format=False)
        title = quiz.title.in_(lang) if quiz.title else quiz.full_id
        text_element(category, "info", title)
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
