"""``fill``: a typed answer, compared as :func:`normalize_answer` says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from aci_course.quiz.model import FillQuestion, Quiz, normalize_answer
from aci_course.quiz.types import QuestionType, View
from aci_course.quiz.types.moodle_xml import answer, header, plain


def accepted_spellings(answers: Iterable[str]) -> list[str]:
    """Each accepted answer, then its ё→е spelling where it differs (no duplicates)."""
    seen: dict[str, None] = {}
    for accepted in answers:
        for form in (accepted, accepted.replace("ё", "е").replace("Ё", "Е")):
            seen.setdefault(form.strip(), None)
    return list(seen)


def browser_key(question: FillQuestion, lang: str) -> View:
    """What quiz.js needs to check it."""
    return {"answers": sorted({normalize_answer(a) for a in question.answers[lang]})}


def key_view(question: FillQuestion, lang: str) -> View:
    """Data for its answer-key template."""
    return {"answers": list(question.answers[lang])}


def moodle(quiz: Quiz, q: FillQuestion, lang: str) -> ET.Element:
    """``shortanswer``, case-insensitive, every accepted spelling 100 %."""
    element = header(quiz, q, "shortanswer", lang)
    plain(element, "usecase", "0")
    for accepted in accepted_spellings(q.answers[lang]):
        answer(element, "100", accepted, None)
    return element


TYPE = QuestionType(
    name="fill",
    model=FillQuestion,
    moodle=moodle,
    browser_handler="fill",
    browser_key=browser_key,
    key_view=key_view,
)
