"""``reflection``: free text kept on the reader's device, printable, never scored."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from aci_course.quiz.model import Quiz, ReflectionQuestion
from aci_course.quiz.types import QuestionType
from aci_course.quiz.types.moodle_xml import header, plain, text_element


def moodle(quiz: Quiz, q: ReflectionQuestion, lang: str) -> ET.Element:
    """``essay`` with default grade 0: never scored, as on the site."""
    element = header(quiz, q, "essay", lang)
    plain(element, "responseformat", "editor")
    plain(element, "responserequired", "1")
    plain(element, "responsefieldlines", "10")
    plain(element, "attachments", "0")
    plain(element, "attachmentsrequired", "0")
    text_element(element, "graderinfo", "")
    text_element(element, "responsetemplate", "")
    return element


TYPE = QuestionType(
    name="reflection",
    model=ReflectionQuestion,
    moodle=moodle,
    browser_handler="reflection",
)
